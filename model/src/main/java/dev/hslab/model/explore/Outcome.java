package dev.hslab.model.explore;

import dev.hslab.model.handshake.Side;
import dev.hslab.model.wire.AlertDescription;
import java.util.Objects;

/**
 * How a run ends, as far as a deviant trace's expectation goes: it completed (both sides closed
 * with close_notify), a side sent a fatal alert first (which side, which alert), or it stalled
 * until the timers expired. A concrete run can also end with a side that gave up without an alert.
 *
 * @param kind what happened
 * @param side the side that sent the first fatal alert, for {@link Kind#ALERT}; else null
 * @param alert that alert, for {@link Kind#ALERT}; else null
 */
public record Outcome(Kind kind, Side side, AlertDescription alert) {

  public enum Kind {
    COMPLETED,
    ALERT,
    TIMEOUT,
    /** A side ended without an alert and without a clean close: never the model's expectation, only a concrete run's. */
    ABORTED
  }

  public static final Outcome COMPLETED = new Outcome(Kind.COMPLETED, null, null);
  public static final Outcome TIMEOUT = new Outcome(Kind.TIMEOUT, null, null);
  public static final Outcome ABORTED = new Outcome(Kind.ABORTED, null, null);

  public Outcome {
    Objects.requireNonNull(kind, "kind");
    if ((kind == Kind.ALERT) != (side != null && alert != null)) {
      throw new IllegalArgumentException("an alert outcome names its side and alert, the others neither");
    }
  }

  public static Outcome alert(Side side, AlertDescription alert) {
    return new Outcome(Kind.ALERT, side, alert);
  }

  /** A stable label: {@code completed}, {@code timeout}, or e.g. {@code alert client unexpected_message}. */
  public String label() {
    return switch (kind) {
      case COMPLETED -> "completed";
      case TIMEOUT -> "timeout";
      case ABORTED -> "aborted without alert";
      case ALERT -> "alert " + side.label() + " " + alert.rfcName();
    };
  }

  @Override
  public String toString() {
    return label();
  }
}
