package dev.hslab.bench;

import dev.hslab.bench.HandshakeComparisons.Budget;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of {@link ActorsBenchmark} in {@code hslab bench}, all in connections per second
 * (full ECDHE_RSA handshake and close):
 * <ul>
 *   <li>{@code actors.lossless}: actors on a 1-thread dispatcher, lossless network, against the
 *       loopback on one thread: the ratio is the actors' overhead on one core (goal: at least 0.8);
 *   <li>{@code actors.lossy}: the same with 1% of records lost, connections attempted (established
 *       or failed) per second, against the same loopback;
 *   <li>{@code actors.scaling}: lossless on a 2-thread dispatcher against a 1-thread one.
 * </ul>
 * Each from JMH's separate runs ({@link #rows}), and again as {@code paired.actors.*}, all four
 * runs interleaved in one JVM ({@link #paired}).
 */
final class ActorsComparisons {

  private ActorsComparisons() {}

  private static final String ACTORS = "actors";

  private record Row(String name, String subject, String baseline, ActorsRun subjectRun, ActorsRun baselineRun) {}

  private static final List<Row> ROWS = List.of(
      new Row("actors.lossless", "actors", "loopback", ActorsRun.LOSSLESS_1, ActorsRun.LOOPBACK),
      new Row("actors.lossy", "actors", "loopback", ActorsRun.LOSSY_1, ActorsRun.LOOPBACK),
      new Row("actors.scaling", "2cores", "1core", ActorsRun.LOSSLESS_2, ActorsRun.LOSSLESS_1));

  /** The score's key, as {@link HandshakeComparisons#compare} stores it: name "actors", the run as engine. */
  static String key(ActorsRun run) {
    return ACTORS + "/" + run.label();
  }

  /** The rows from JMH's scores. */
  static List<Comparison> rows(Map<String, Double> score) {
    Map<ActorsRun, Double> rate = new EnumMap<>(ActorsRun.class);
    for (ActorsRun run : ActorsRun.values()) {
      rate.put(run, HandshakeComparisons.get(score, ACTORS, run.label()));
    }
    return rows("", rate);
  }

  /**
   * The rows measured again with every run interleaved in this JVM ({@link Paired}): the same
   * batches as JMH's, one {@link ActorsBenchmark} per run, each run's median rate. Besides the
   * machine's drift, this keeps the JIT out of the comparison: in a fresh JVM the C2 compiler
   * still takes half a core 20 s after the start, which a 1-thread run gets for free from the
   * idle second core and a 2-thread run has to give up.
   */
  static List<Comparison> paired(Budget budget) throws Exception {
    List<ActorsBenchmark> benchmarks = new ArrayList<>();
    try {
      List<Paired.Measured> ops = new ArrayList<>();
      for (ActorsRun run : ActorsRun.values()) {
        ActorsBenchmark b = new ActorsBenchmark();
        b.run = run;
        b.pool = budget.pool();
        b.setUp();
        benchmarks.add(b);
        ops.add(new Paired.Measured(b::batch, ActorsBenchmark.BATCH));
      }
      double[] rates = Paired.medianRates(ops, budget);
      Map<ActorsRun, Double> rate = new EnumMap<>(ActorsRun.class);
      for (ActorsRun run : ActorsRun.values()) {
        rate.put(run, rates[run.ordinal()]);
      }
      return rows("paired.", rate);
    } finally {
      benchmarks.forEach(ActorsBenchmark::tearDown);
    }
  }

  private static List<Comparison> rows(String prefix, Map<ActorsRun, Double> rate) {
    return ROWS.stream()
        .map(r -> new Comparison(prefix + r.name(), r.subject(), r.baseline(), rate.get(r.subjectRun()),
            rate.get(r.baselineRun())))
        .toList();
  }
}
