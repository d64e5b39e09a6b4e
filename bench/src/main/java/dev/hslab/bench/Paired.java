package dev.hslab.bench;

import dev.hslab.bench.HandshakeComparisons.Budget;
import java.util.Arrays;
import java.util.List;

/**
 * Interleaved measurement in one JVM: after a warm-up, alternate slices of each operation, round
 * after round, and take each one's median rate over the rounds. On a shared machine the speed
 * available drifts over seconds (on the project machine by ±30 % even when idle); JMH's separate
 * runs catch the subject and its baseline at different moments, interleaving puts them under the
 * same drift. In a JVM that has already run the other benchmarks, no slice pays for the JIT
 * compiling beside it either, which matters when a subject uses both cores.
 */
final class Paired {

  private Paired() {}

  static final int ROUNDS_PER_ITERATION = 20;

  /** A benchmark operation: runs it once and checks its own result (a failure throws). */
  interface Operation {
    Object run() throws Exception;
  }

  /** An operation that does {@code units} units of work per call (a batch of connections). */
  record Measured(Operation operation, int units) {
    static Measured one(Operation operation) {
      return new Measured(operation, 1);
    }
  }

  /**
   * Median units per second of each operation, in the order given: {@code budget}'s warm-up
   * iterations of each, then twenty rounds per measurement iteration, each operation a tenth of
   * an iteration's time per round. Short slices, many rounds: the machine's drift over a round is
   * small, and a median over many rounds ignores the few a GC or the JIT lands in.
   */
  static double[] medianRates(List<Measured> ops, Budget budget) throws Exception {
    for (int i = 0; i < budget.warmupIterations(); i++) {
      for (Measured op : ops) {
        rate(op, budget.warmupMillis());
      }
    }
    int rounds = ROUNDS_PER_ITERATION * budget.iterations();
    long slice = Math.max(1, budget.iterationMillis() / 10);
    double[][] rates = new double[ops.size()][rounds];
    for (int r = 0; r < rounds; r++) {
      for (int k = 0; k < ops.size(); k++) {
        rates[k][r] = rate(ops.get(k), slice);
      }
    }
    double[] out = new double[ops.size()];
    for (int k = 0; k < ops.size(); k++) {
      out[k] = median(rates[k]);
    }
    return out;
  }

  /** Units per second over at least {@code millis} (at least one call). */
  private static double rate(Measured op, long millis) throws Exception {
    long start = System.nanoTime();
    long end = start + millis * 1_000_000L;
    long n = 0;
    long now;
    do {
      op.operation().run();
      n++;
      now = System.nanoTime();
    } while (now < end);
    return n * op.units() / ((now - start) / 1e9);
  }

  static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int m = v.length / 2;
    return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
  }
}
