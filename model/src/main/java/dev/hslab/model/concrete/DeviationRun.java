package dev.hslab.model.concrete;

import dev.hslab.model.explore.Deviation;
import dev.hslab.model.explore.Mutation;
import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.handshake.Outcome;
import java.util.List;

/**
 * A deviant trace run concretely: what the engine under test did against the model's expectation.
 *
 * @param deviation the deviant trace and its expected outcome
 * @param engine the engine under test ({@code model}, {@code jsse}, {@code bcjsse}); it plays the
 *     side that did not deviate
 * @param actual how the concrete run ended, or null if it could not be run
 * @param labels the concrete trace as {@code side.type}
 * @param note why it could not be run, else empty
 */
public record DeviationRun(Deviation deviation, String engine, Outcome actual, List<String> labels, String note) {

  public DeviationRun {
    labels = List.copyOf(labels);
  }

  public boolean ran() {
    return actual != null;
  }

  /**
   * The engine did what the model expects, or what RFC 5246 §7.2.1 requires in its place: an
   * injected close_notify during the handshake ends the connection, and the receiver MUST answer
   * with its own close_notify ({@link #answeredCloseNotify}); it is not a fatal alert, so it
   * matches the model's unexpected_message (the model's tables refuse close_notify before the
   * handshake completes).
   */
  public boolean matches() {
    return deviation.expected().equals(actual) || answeredCloseNotify();
  }

  /**
   * The deviating side injected close_notify during the handshake and the engine under test
   * answered with close_notify before any fatal alert ({@link Outcome.Kind#CLOSED_DURING_HANDSHAKE}
   * with the deviating side as the closer).
   */
  public boolean answeredCloseNotify() {
    Mutation m = deviation.mutation();
    return ran() && m.inject() == MessageKind.CLOSE_NOTIFY_ALERT
        && actual.kind() == Outcome.Kind.CLOSED_DURING_HANDSHAKE && actual.side() == m.sender();
  }

  /** The engine completed a run the model rejects: for a real engine, a finding. */
  public boolean acceptsWhatModelRejects() {
    return ran() && actual.kind() == Outcome.Kind.CLOSED && deviation.expected().kind() != Outcome.Kind.CLOSED;
  }
}
