package dev.hslab.bench;

import dev.hslab.bench.HandshakeComparisons.Budget;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The model engine against the floor, interleaved in one JVM: after a warm-up, alternate slices
 * of model handshakes ({@link HandshakeBenchmark}) and floor operations ({@link FloorBenchmark})
 * on the same pools, and report each side's median rate over the rounds. On a shared machine the
 * speed available drifts over seconds; JMH's separate runs of the two catch them at different
 * moments (on the project machine the separate runs' ratio moved between 0.54 and 0.99 from one
 * run to the next), interleaving puts both under the same drift. The JIT profiles are shared, which
 * is harmless here: the floor's code is a subset of the handshake's (the same BouncyCastle and JDK
 * primitives). Rows {@code paired.SUITE}, subject {@code model}, baseline {@code floor}.
 */
public final class PairedFloor {

  private PairedFloor() {}

  public static List<Comparison> run(Budget budget) throws Exception {
    List<Comparison> out = new ArrayList<>();
    for (Suite suite : Suite.values()) {
      out.add(run(suite, budget));
    }
    return out;
  }

  static Comparison run(Suite suite, Budget budget) throws Exception {
    HandshakeBenchmark model = new HandshakeBenchmark();
    model.suite = suite;
    model.engine = "model";
    model.pool = budget.pool();
    model.setUp();
    FloorBenchmark floor = new FloorBenchmark();
    floor.suite = suite;
    floor.pool = budget.pool();
    floor.setUp();
    for (int i = 0; i < budget.warmupIterations(); i++) {
      rate(model::handshake, budget.warmupMillis());
      rate(floor::floor, budget.warmupMillis());
    }
    // Four rounds per JMH iteration of the budget, each side half an iteration's time per round.
    int rounds = Math.max(3, 4 * budget.iterations());
    long slice = Math.max(1, budget.iterationMillis() / 2);
    double[] modelRates = new double[rounds];
    double[] floorRates = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      modelRates[i] = rate(model::handshake, slice);
      floorRates[i] = rate(floor::floor, slice);
    }
    return new Comparison("paired." + suite.label(), "model", "floor", median(modelRates), median(floorRates));
  }

  /** An operation of a benchmark; each checks its own result (a failed handshake or check throws). */
  private interface Operation {
    Object run() throws Exception;
  }

  /** Operations per second over at least {@code millis} (at least one operation). */
  private static double rate(Operation op, long millis) throws Exception {
    long start = System.nanoTime();
    long end = start + millis * 1_000_000L;
    long n = 0;
    long now;
    do {
      op.run();
      n++;
      now = System.nanoTime();
    } while (now < end);
    return n / ((now - start) / 1e9);
  }

  static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int m = v.length / 2;
    return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
  }
}
