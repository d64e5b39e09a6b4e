package dev.hslab.bench;

import dev.hslab.model.explore.ExplorationReport;
import dev.hslab.model.explore.ExploreOptions;
import dev.hslab.model.explore.Explorer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The exhaustive explorer's speed: one benchmark operation is one whole exploration of the
 * workload of fault budget k ({@link ExplorerWorkloads}) on one worker thread and on two (the
 * machine's two cores), so the rows show states/s against threads. JMH reports explorations per
 * second; the auxiliary counter {@code states} is reported as reachable states explored per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 2, time = 10)
public class ExplorerBenchmark {

  @State(Scope.Benchmark)
  public static class Workload {
    @Param({"0", "1", "2", "3"})
    public int faults;

    @Param({"1", "2"})
    public int threads;

    ExploreOptions options;

    @Setup(Level.Trial)
    public void setUp() {
      options = ExploreOptions.of(ExplorerWorkloads.forFaults(faults)).withFaults(faults).withThreads(threads);
    }
  }

  /** States explored, normalised by JMH like operations: states per second. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Counters {
    public long states;
  }

  @Benchmark
  public ExplorationReport explore(Workload w, Counters c) {
    ExplorationReport r = Explorer.explore(w.options);
    c.states += r.states();
    return r;
  }
}
