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
 * plain figures JMH does not give — bytes per stored state for each k, and the wall-clock time of
 * the whole k = 0 enumeration (every valid path of the space). {@code --quick} shortens JMH's
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
}
