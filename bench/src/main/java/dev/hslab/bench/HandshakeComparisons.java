package dev.hslab.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs {@link HandshakeBenchmark}, {@link ResumptionBenchmark}, {@link FloorBenchmark} and
 * {@link ActorsBenchmark} through JMH, by default in this JVM (no fork: quicker, and no JVM to
 * start from a fat jar), and pairs their scores into comparisons: the model engine against
 * SunJSSE, BCJSSE and, for full handshakes, the public-key floor; then the actors' rows
 * ({@link ActorsComparisons}); then both once more, interleaved in this JVM ({@link PairedFloor},
 * {@link ActorsComparisons#paired}).
 */
public final class HandshakeComparisons {

  /** How long to measure: JMH iterations and their durations, and the identity pool size. */
  public record Budget(int warmupIterations, long warmupMillis, int iterations, long iterationMillis, int pool, int forks) {

    public Budget {
      if (forks < 0) {
        throw new IllegalArgumentException("forks must be 0 or more, was " + forks);
      }
    }

    /**
     * The same budget in {@code n} forked JVMs per benchmark (0: in this JVM). A fork isolates
     * each benchmark's JIT profile from the others' (the model and the JSSE engines share
     * call sites such as {@code Loopback.run}), at the cost of a JVM start and the identity pools per fork.
     */
    public Budget withForks(int n) {
      return new Budget(warmupIterations, warmupMillis, iterations, iterationMillis, pool, n);
    }

    /** The recorded figures: about three minutes in this JVM, four and a half with one fork per benchmark. */
    public static Budget full() {
      return new Budget(2, 1000, 3, 2000, 16, 0);
    }

    /** About half a minute. */
    public static Budget quick() {
      return new Budget(1, 300, 1, 500, 4, 0);
    }

    /** The same work in iterations of {@code millis} each (tests). */
    public static Budget of(long millis) {
      return new Budget(1, millis, 1, millis, 2, 0);
    }
  }

  private static final String MODEL = "model";
  private static final List<String> REAL = List.of("jsse", "bcjsse");

  private HandshakeComparisons() {}

  public static List<Comparison> run(Budget budget) throws Exception {
    List<RunResult> results = new ArrayList<>(new Runner(options(budget, budget.warmupIterations())
        .include(HandshakeBenchmark.class.getName() + "\\.")
        .include(ResumptionBenchmark.class.getName() + "\\.")
        .include(FloorBenchmark.class.getName() + "\\.")
        .build()).run());
    // The actors after the engines, and warmed up five times as long: on two dispatcher threads the
    // C2 compiler, still busy with Akka's and the engines' code for 15–20 s in a fresh JVM, takes
    // its time from the measurement (on one thread it uses the idle second core).
    results.addAll(new Runner(options(budget, 5 * budget.warmupIterations())
        .include(ActorsBenchmark.class.getName() + "\\.")
        .build()).run());
    List<Comparison> out = new ArrayList<>(compare(results));
    out.addAll(PairedFloor.run(budget));
    out.addAll(ActorsComparisons.paired(budget));
    return out;
  }

  private static ChainedOptionsBuilder options(Budget budget, int warmupIterations) {
    return new OptionsBuilder()
        .forks(budget.forks())
        .threads(1)
        .warmupIterations(warmupIterations)
        .warmupTime(TimeValue.milliseconds(budget.warmupMillis()))
        .measurementIterations(budget.iterations())
        .measurementTime(TimeValue.milliseconds(budget.iterationMillis()))
        .param("pool", Integer.toString(budget.pool()))
        .timeUnit(TimeUnit.SECONDS)
        .verbosity(VerboseMode.SILENT)
        .shouldFailOnError(true);
  }

  static List<Comparison> compare(Collection<RunResult> results) {
    Map<String, Double> score = new HashMap<>();
    for (RunResult r : results) {
      var p = r.getParams();
      String method = p.getBenchmark().substring(p.getBenchmark().lastIndexOf('.') + 1);
      String key = switch (method) {
        case "handshake" -> "handshake." + Suite.valueOf(p.getParam("suite")).label() + "/" + p.getParam("engine");
        case "floor" -> "handshake." + Suite.valueOf(p.getParam("suite")).label() + "/floor";
        case "resume" -> "resume." + p.getParam("by") + "/" + p.getParam("engine");
        case "batch" -> ActorsComparisons.key(ActorsRun.valueOf(p.getParam("run")));
        default -> throw new IllegalStateException("unexpected benchmark " + p.getBenchmark());
      };
      score.put(key, r.getPrimaryResult().getScore());
    }
    List<Comparison> out = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Suite s : Suite.values()) {
      names.add("handshake." + s.label());
    }
    names.add("resume.id");
    names.add("resume.ticket");
    for (String name : names) {
      List<String> baselines = new ArrayList<>(REAL);
      if (name.startsWith("handshake.")) {
        baselines.add("floor");
      }
      for (String baseline : baselines) {
        out.add(new Comparison(name, MODEL, baseline, get(score, name, MODEL), get(score, name, baseline)));
      }
    }
    out.addAll(ActorsComparisons.rows(score));
    return out;
  }

  /** The score of {@code engine} (or run) in {@code name}; a missing one means a benchmark did not run. */
  static double get(Map<String, Double> score, String name, String engine) {
    Double d = score.get(name + "/" + engine);
    if (d == null) {
      throw new IllegalStateException("no result for " + name + " of " + engine);
    }
    return d;
  }
}
