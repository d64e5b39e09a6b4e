package dev.hslab.bench;

import dev.hslab.model.explore.ExplorationReport;
import dev.hslab.model.explore.ExploreOptions;
import dev.hslab.model.explore.Explorer;
import java.util.Arrays;
import java.util.Locale;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmarks by hand (never in {@code mvn verify}): the JMH explorer benchmark, then the
 * plain figures JMH does not give — bytes per stored state for each k, the whole space at k = 2
 * (issue 17's figure: states/s on 1 thread and on every core), and the wall-clock time of the
 * whole k = 0 enumeration (every valid path of the space). {@code --quick} shortens JMH's
 * iterations for a first look. A command-line tool: it prints to stdout.
 */
public final class BenchMain {

  private BenchMain() {}

  public static void main(String[] args) throws RunnerException {
    boolean quick = Arrays.asList(args).contains("--quick");
    OptionsBuilder b = new OptionsBuilder();
    b.include(ExplorerBenchmark.class.getSimpleName());
    if (quick) {
      b.warmupIterations(1).warmupTime(TimeValue.seconds(3)).measurementIterations(1).measurementTime(TimeValue.seconds(6));
    }
    Options o = b.build();
    new Runner(o).run();
    System.out.println();
    System.out.println("k  workload                                              configs    states  bytes/state   seconds (2 threads)");
    for (int k = 0; k <= 3; k++) {
      ExploreOptions opts = ExploreOptions.of(ExplorerWorkloads.forFaults(k)).withFaults(k).withThreads(2);
      ExplorationReport r = Explorer.explore(opts);
      System.out.printf(Locale.ROOT, "%d  %-52s %8d %9d %12.1f %9.3f%n", k, ExplorerWorkloads.describe(k),
          r.configurations(), r.states(), r.bytesPerState(), r.seconds());
    }
    wholeSpace(2, quick ? 1 : 3);
    double best = Double.MAX_VALUE;
    for (int i = 0; i < 10; i++) {
      for (int threads : new int[] {1, 2}) {
        long t = System.nanoTime();
        ExplorationReport r = Explorer.explore(ExploreOptions.all().withThreads(threads));
        double s = (System.nanoTime() - t) / 1e9;
        if (i == 9) {
          System.out.printf(Locale.ROOT, "k=0 full enumeration, %d thread(s): %.3f s (%d valid paths, %d distinct)%n",
              threads, s, r.paths().size(), r.distinctPaths().size());
        }
        best = Math.min(best, s);
      }
    }
    System.out.printf(Locale.ROOT, "k=0 full enumeration, best of 20: %.3f s%n", best);
  }

  /**
   * The whole configuration space at fault budget {@code k} on 1 thread and on every core, each
   * after one warm-up exploration, best of {@code runs}: states/s against threads, and whether
   * the reports agree (they must: configurations are merged in order).
   */
  static void wholeSpace(int k, int runs) {
    int cores = Runtime.getRuntime().availableProcessors();
    System.out.printf(Locale.ROOT, "%nk=%d whole space: threads  states  transitions  best seconds  states/s%n", k);
    ExplorationReport first = null;
    for (int threads : cores > 1 ? new int[] {1, cores} : new int[] {1}) {
      ExploreOptions opts = ExploreOptions.all().withFaults(k).withThreads(threads);
      Explorer.explore(opts);
      double best = Double.MAX_VALUE;
      ExplorationReport r = null;
      for (int i = 0; i < runs; i++) {
        r = Explorer.explore(opts);
        best = Math.min(best, r.seconds());
      }
      if (first == null) {
        first = r;
      } else if (first.states() != r.states() || first.transitions() != r.transitions()
          || !first.outcomes().equals(r.outcomes()) || !first.paths().equals(r.paths())) {
        throw new IllegalStateException(threads + " threads gave another report than 1 thread");
      }
      System.out.printf(Locale.ROOT, "             %7d %9d %12d %13.3f %9.0f%n", threads, r.states(), r.transitions(), best,
          r.states() / best);
    }
  }
}
