package dev.hslab.bench;

import dev.hslab.bench.HandshakeComparisons.Budget;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Interleaved measurement in one JVM: after a warm-up, alternate slices of each operation, round
 * after round, and take each one's median rate over the rounds. On a shared machine the speed
 * available drifts over seconds (on the project machine by ±30 % even when idle); JMH's separate
 * runs catch the subject and its baseline at different moments, interleaving puts them under the
 * same drift. The warm-up lasts until the JIT compilers are quiet, so no slice pays for compiling
 * beside it either, which matters when a subject uses both cores.
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
   * The most warm-up rounds, as a multiple of the budget's warm-up iterations, that wait for the
   * JIT compiler to go quiet.
   */
  static final int MAX_WARMUP_FACTOR = 10;

  /** A warm-up round is quiet when the JIT compiled for at most this share of its wall time. */
  static final double QUIET_JIT_SHARE = 0.01;

  /**
   * Median units per second of each operation, in the order given: warm-up rounds of each for
   * {@code budget}'s warm-up time, then twenty rounds per measurement iteration, each operation a
   * tenth of an iteration's time per round. Short slices, many rounds: the machine's drift over a
   * round is small, and a median over many rounds ignores the few a GC or the JIT lands in.
   *
   * <p>Warm-up lasts the budget's warm-up iterations and then until a round in which the JIT
   * compilers were quiet, at most {@link #MAX_WARMUP_FACTOR} times as many rounds: with the
   * handshake's code compiled once per handshake, C2 still compiles it 20–40 s into a fresh JVM,
   * and a slice measured meanwhile counts a one-time cost as throughput (on the project machine the
   * model's ratio to the floor was 0.87 after 8 s of warm-up and 0.89 after 44 s). A budget
   * without {@code quietJit} (a quick look) stops after its warm-up iterations.
   */
  static double[] medianRates(List<Measured> ops, Budget budget) throws Exception {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    LongSupplier compileMillis = jit != null && jit.isCompilationTimeMonitoringSupported()
        ? jit::getTotalCompilationTime : () -> 0;
    return medianRates(ops, budget, compileMillis);
  }

  static double[] medianRates(List<Measured> ops, Budget budget, LongSupplier compileMillis) throws Exception {
    int maxWarmup = (budget.quietJit() ? MAX_WARMUP_FACTOR : 1) * budget.warmupIterations();
    for (int i = 0; i < maxWarmup; i++) {
      long compiledBefore = compileMillis.getAsLong();
      long start = System.nanoTime();
      for (Measured op : ops) {
        rate(op, budget.warmupMillis());
      }
      double wallMillis = (System.nanoTime() - start) / 1e6;
      boolean quiet = compileMillis.getAsLong() - compiledBefore <= QUIET_JIT_SHARE * wallMillis;
      if (i + 1 >= budget.warmupIterations() && quiet) {
        break;
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
