package dev.hslab.real.findings;

import dev.hslab.model.concrete.DeviationRun;
import dev.hslab.model.explore.Mutation;
import dev.hslab.model.handshake.Outcome;
import dev.hslab.model.handshake.Side;
import java.util.Locale;

/**
 * The words a {@link FindingRule} matches on, read from one run's trace and outcomes: nothing
 * here is decided again, only named from the engine's point of view.
 *
 * @param engine the engine under test
 * @param deviation the deviation kind ({@code inject}, ...)
 * @param message the injected message, or the targeted one, without its side
 * @param target the targeted message without its side
 * @param expected the model's expected ending, see {@link #key}
 * @param observed the engine's ending, see {@link #key}
 */
public record Difference(String engine, String deviation, String message, String target, String expected,
    String observed) {

  /** The words of {@code run}, whose ending was {@code observed}. */
  public static Difference of(DeviationRun run, Outcome observed) {
    Mutation m = run.deviation().mutation();
    String target = messageOf(m.target());
    String message = m.inject() != null ? m.inject().label() : target;
    Side engineSide = m.receiver();
    return new Difference(run.engine(), m.kind().cliName(), message, target, key(run.deviation().expected(), engineSide),
        key(observed, engineSide));
  }

  /**
   * An ending from the engine's point of view: {@code alert:engine:handshake_failure} (the engine
   * under test sent it), {@code alert:peer:unexpected_message} (the deviating model engine sent it),
   * {@code closed}, {@code timeout}, {@code aborted}, or another kind's name.
   */
  public static String key(Outcome o, Side engineSide) {
    String kind = o.kind().name().toLowerCase(Locale.ROOT);
    return switch (o.kind()) {
      case ALERT, ALERT_RECEIVED -> kind + ":" + (o.side() == engineSide ? "engine" : "peer") + ":" + o.alert().rfcName();
      default -> kind;
    };
  }

  private static String messageOf(String label) {
    int dot = label.indexOf('.');
    return dot < 0 ? label : label.substring(dot + 1);
  }
}
