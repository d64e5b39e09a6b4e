package dev.hslab.bench;

import dev.hslab.bench.HandshakeComparisons.Budget;
import java.util.ArrayList;
import java.util.List;

/**
 * The model engine against the floor, interleaved in one JVM ({@link Paired}): alternate slices
 * of model handshakes ({@link HandshakeBenchmark}) and floor operations ({@link FloorBenchmark})
 * on the same pools, each side's median rate over the rounds. (On the project machine JMH's
 * separate runs of the two gave ratios between 0.54 and 0.99 from one run to the next.) The JIT
 * profiles are shared, which is harmless here: the floor's code is a subset of the handshake's
 * (the same BouncyCastle and JDK primitives). Rows {@code paired.SUITE}, subject {@code model},
 * baseline {@code floor}.
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
    double[] rates = Paired.medianRates(
        List.of(Paired.Measured.one(model::handshake), Paired.Measured.one(floor::floor)), budget);
    return new Comparison("paired." + suite.label(), "model", "floor", rates[0], rates[1]);
  }
}
