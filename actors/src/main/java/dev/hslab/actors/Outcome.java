package dev.hslab.actors;

import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.trace.TraceEvent;
import dev.hslab.model.wire.AlertLevel;

/**
 * How one connection ended, from its trace: the first failure (a fatal alert sent or received, a
 * timeout), else established when both sides completed a handshake.
 *
 * @param side the side that sent the alert, received it (ALERT_RECEIVED: nobody sent it, e.g. an
 *     injected one), timed out or crashed; null for ESTABLISHED and INCOMPLETE
 * @param name the alert's RFC name, the timeout's state, or the crash's description
 * @param waitingFor for a timeout, the message the side waited for; else null
 */
public record Outcome(Kind kind, Side side, String name, String waitingFor) {

  public enum Kind { ESTABLISHED, ALERT, ALERT_RECEIVED, TIMEOUT, CRASHED, INCOMPLETE }

  public static Outcome crashed(Side side, String why) {
    return new Outcome(Kind.CRASHED, side, why, null);
  }

  public static Outcome of(Trace trace) {
    boolean client = false;
    boolean server = false;
    for (TraceEvent t : trace.events()) {
      if (!(t instanceof TraceEvent.OfEngine oe)) {
        continue;
      }
      EngineEvent e = oe.event();
      if (e instanceof EngineEvent.AlertSent as && as.alert().level() == AlertLevel.FATAL) {
        return new Outcome(Kind.ALERT, oe.side(), as.alert().description().rfcName(), null);
      }
      if (e instanceof EngineEvent.AlertReceived ar && ar.alert().level() == AlertLevel.FATAL) {
        return new Outcome(Kind.ALERT_RECEIVED, oe.side(), ar.alert().description().rfcName(), null);
      }
      if (e instanceof EngineEvent.TimedOut to) {
        return new Outcome(Kind.TIMEOUT, oe.side(), to.state(), to.waitingFor());
      }
      if (e instanceof EngineEvent.Established) {
        client |= oe.side() == Side.CLIENT;
        server |= oe.side() == Side.SERVER;
      }
    }
    return new Outcome(client && server ? Kind.ESTABLISHED : Kind.INCOMPLETE, null, null, null);
  }

  public boolean established() {
    return kind == Kind.ESTABLISHED;
  }

  /** A stable label for counting: {@code established}, {@code alert:server:bad_record_mac}, {@code timeout:client:STATE}. */
  public String label() {
    return switch (kind) {
      case ESTABLISHED, INCOMPLETE -> kind.name().toLowerCase(java.util.Locale.ROOT);
      case ALERT -> "alert:" + side.label() + ":" + name;
      case ALERT_RECEIVED -> "alert_received:" + side.label() + ":" + name;
      case TIMEOUT -> "timeout:" + side.label() + ":" + name + ":" + waitingFor;
      case CRASHED -> "crashed:" + (side == null ? "network" : side.label());
    };
  }
}
