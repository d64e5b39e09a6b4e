package dev.hslab.bench;

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
 */
final class ActorsComparisons {

  private ActorsComparisons() {}

  private static final String ACTORS = "actors";

  /** The score's key, as {@link HandshakeComparisons#compare} stores it: name "actors", the run as engine. */
  static String key(ActorsRun run) {
    return ACTORS + "/" + run.label();
  }

  static List<Comparison> rows(Map<String, Double> score) {
    return List.of(
        row(score, "actors.lossless", "actors", "loopback", ActorsRun.LOSSLESS_1, ActorsRun.LOOPBACK),
        row(score, "actors.lossy", "actors", "loopback", ActorsRun.LOSSY_1, ActorsRun.LOOPBACK),
        row(score, "actors.scaling", "2cores", "1core", ActorsRun.LOSSLESS_2, ActorsRun.LOSSLESS_1));
  }

  private static Comparison row(Map<String, Double> score, String name, String subject, String baseline,
      ActorsRun subjectRun, ActorsRun baselineRun) {
    return new Comparison(name, subject, baseline, HandshakeComparisons.get(score, ACTORS, subjectRun.label()),
        HandshakeComparisons.get(score, ACTORS, baselineRun.label()));
  }
}
