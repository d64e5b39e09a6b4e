package dev.hslab.real.tcp;

import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.engine.Negotiated;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.trace.TraceEvent;
import dev.hslab.model.wire.AlertLevel;
import dev.hslab.model.wire.Bytes;
import java.util.Optional;

/**
 * How a bridged connection ended, in words a user can act on.
 *
 * @param ending the kind of ending
 * @param detail one line: who did what, in which state, waiting for what
 * @param negotiated the parameters, if the handshake completed
 * @param state the engine's state at the end
 * @param received the application data the peer sent, in order
 * @param trace the engine's events (times in milliseconds since the connection started)
 */
public record Outcome(Ending ending, String detail, Optional<Negotiated> negotiated, String state, Bytes received,
    Trace trace) {

  /** The kinds of ending. */
  public enum Ending {
    /** close_notify both ways after the handshake (RFC 5246 §7.2.1). */
    CLOSED,
    /** The peer closed the TCP connection; {@code detail} says in which state. */
    PEER_CLOSED,
    /** This side sent a fatal alert. */
    ALERT_SENT,
    /** The peer sent a fatal alert. */
    ALERT_RECEIVED,
    /** A read or the handshake took longer than its bound. */
    TIMEOUT,
    /** No TCP connection: refused, unreachable, or the connect timed out. */
    CONNECT_FAILED,
    /** The socket failed otherwise. */
    IO_ERROR,
    /** The bridge itself failed (an exception escaped the engine): a bug; {@code detail} names it. */
    INTERNAL_ERROR;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * A short key that groups failures by cause, for counting: the ending, plus the alert for
   * alert endings and the state for a peer that closed, went silent or broke the socket, e.g.
   * {@code alert_sent:decode_error}, {@code peer_closed:WAIT_CLIENT_HELLO}, {@code timeout:WAIT_FINISHED},
   * {@code io_error:WAIT_CLIENT_KEY_EXCHANGE} (a reset).
   * Unlike {@link #detail} it holds no numbers or addresses that differ from one connection to the next.
   */
  public String reason() {
    return switch (ending) {
      case ALERT_SENT, ALERT_RECEIVED -> ending.label() + ":" + alertName();
      case PEER_CLOSED, IO_ERROR -> ending.label() + ":" + state;
      case TIMEOUT -> ending.label() + ":" + timedOutIn();
      default -> ending.label();
    };
  }

  /** The state the engine waited in when its timer expired (after that it is FAILED). */
  private String timedOutIn() {
    for (TraceEvent e : trace.events()) {
      if (e instanceof TraceEvent.OfEngine oe && oe.event() instanceof EngineEvent.TimedOut t) {
        return t.state();
      }
    }
    return state;
  }

  /** The first fatal alert sent or received (the one that ended the connection). */
  private String alertName() {
    for (TraceEvent e : trace.events()) {
      if (e instanceof TraceEvent.OfEngine oe) {
        if (ending == Ending.ALERT_SENT && oe.event() instanceof EngineEvent.AlertSent a) {
          return a.alert().description().rfcName();
        }
        if (ending == Ending.ALERT_RECEIVED && oe.event() instanceof EngineEvent.AlertReceived a
            && a.alert().level() == AlertLevel.FATAL) {
          return a.alert().description().rfcName();
        }
      }
    }
    return "unknown";
  }

  /** The handshake completed and the connection ended without an error. */
  public boolean succeeded() {
    return negotiated.isPresent() && (ending == Ending.CLOSED || ending == Ending.PEER_CLOSED);
  }
}
