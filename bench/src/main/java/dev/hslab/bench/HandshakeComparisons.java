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
 * SunJSSE, BCJSSE and, for full handshakes, the public-key floor; each peer against the same
 * peer set up the documented way ({@code jsse-bare}, {@code bcjsse-bare}); the adapter against
 * the bare peer; then the actors' rows ({@link ActorsComparisons}); then the handshakes and the
 * actors once more, interleaved in this JVM ({@link PairedHandshakes}, {@link ActorsComparisons#paired});
 * then the floor written out ({@link FloorBreakdown}).
 */
public final class HandshakeComparisons {

  /**
   * How long to measure: JMH iterations and their durations, the identity pool size, the forks,
   * and whether the paired rows' warm-up waits for the JIT to go quiet ({@link Paired}; a quick
   * look does not: it would spend most of its time there).
   */
  public record Budget(int warmupIterations, long warmupMillis, int iterations, long iterationMillis, int pool, int forks,
      boolean quietJit) {

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
      return new Budget(warmupIterations, warmupMillis, iterations, iterationMillis, pool, n, quietJit);
    }

    /** The recorded figures (bench/README.md says how long they take). */
    public static Budget full() {
      return new Budget(2, 1000, 3, 2000, 16, 0, true);
    }

    /** A first look, in a few minutes. */
    public static Budget quick() {
      return new Budget(1, 300, 1, 500, 4, 0, false);
    }

    /** The same work in iterations of {@code millis} each (tests). */
    public static Budget of(long millis) {
      return new Budget(1, millis, 1, millis, 2, 0, true);
    }
  }

  /** What {@code hslab bench} prints: the comparisons, and each handshake row's floor written out. */
  public record Report(List<Comparison> results, List<FloorBreakdown.Row> floors) {}

  private static final String MODEL = "model";
  private static final List<String> REAL = List.of("jsse", "bcjsse");

  private HandshakeComparisons() {}

  public static Report run(Budget budget) throws Exception {
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
    out.addAll(PairedHandshakes.run(budget));
    out.addAll(ActorsComparisons.paired(budget));
    // One measured round per operation is enough: each is a single primitive, steadier than a handshake.
    Budget once = new Budget(budget.warmupIterations(), budget.warmupMillis(), 1, budget.iterationMillis(), budget.pool(), 0,
        budget.quietJit());
    return new Report(out, FloorBreakdown.run(once));
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
        case "handshake" -> handshakeRow(p.getParam("suite"), p.getParam("ca")) + "/" + p.getParam("engine");
        case "floor" -> handshakeRow(p.getParam("suite"), p.getParam("ca")) + "/floor";
        case "resume" -> "resume." + p.getParam("by") + "/" + p.getParam("engine");
        case "batch" -> ActorsComparisons.key(ActorsRun.valueOf(p.getParam("run")));
        default -> throw new IllegalStateException("unexpected benchmark " + p.getBenchmark());
      };
      score.put(key, r.getPrimaryResult().getScore());
    }
    List<Comparison> out = new ArrayList<>();
    for (Suite s : Suite.values()) {
      for (CaFamily ca : CaFamily.values()) {
        String name = handshakeRow(s.name(), ca.name());
        for (String baseline : List.of("jsse", "bcjsse", "floor")) {
          out.add(compare(score, name, MODEL, baseline));
        }
        // The peer rows are fair: the same peer set up the documented way, with the JDK's API alone.
        for (String peer : REAL) {
          out.add(compare(score, name, peer, peer + "-bare"));
        }
      }
    }
    for (Suite s : Suite.values()) {
      for (CaFamily ca : CaFamily.values()) {
        String name = handshakeRow(s.name(), ca.name());
        // What the adapter (JsseEngine over the loopback) adds to the bare peer, as the tools run it.
        for (String peer : REAL) {
          Comparison c = compare(score, name, peer + "-adapter", peer);
          out.add(new Comparison("adapter" + name.substring("handshake".length()), c.subject(), c.baseline(),
              c.subjectPerSecond(), c.baselinePerSecond()));
        }
      }
    }
    for (String name : List.of("resume.id", "resume.ticket")) {
      for (String baseline : REAL) {
        out.add(compare(score, name, MODEL, baseline));
      }
    }
    out.addAll(ActorsComparisons.rows(score));
    return out;
  }

  /** {@code handshake.SUITE.CA}, e.g. {@code handshake.ecdhe_rsa.rsa_ca}, from JMH's parameter values. */
  static String handshakeRow(String suite, String ca) {
    return "handshake." + Suite.valueOf(suite).label() + "." + CaFamily.valueOf(ca).label();
  }

  private static Comparison compare(Map<String, Double> score, String name, String subject, String baseline) {
    return new Comparison(name, subject, baseline, get(score, name, subject), get(score, name, baseline));
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
