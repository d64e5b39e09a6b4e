package dev.hslab.real.tcp;

import dev.hslab.model.engine.Negotiated;
import dev.hslab.model.handshake.Outcome;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.wire.Bytes;
import java.util.Optional;

/**
 * A bridged connection after it ended: how (the {@link Outcome} the bridge decided, which its
 * trace carries), and what it left behind.
 *
 * <p>The bridge prints and writes its endings in its own words, which {@code hslab serve},
 * {@code connect} and their JSON have always used ({@code ending}, {@code reason}, {@code detail});
 * {@link #ending()}, {@link #reason()} and {@link #detail()} are the one mapping from the outcome
 * to those words.
 *
 * @param negotiated the parameters, if the handshake completed
 * @param state the engine's state at the end
 * @param received the application data the peer sent, in order
 * @param trace the engine's events (times in milliseconds since the connection started) and the outcome
 */
public record BridgedConnection(Optional<Negotiated> negotiated, String state, Bytes received, Trace trace) {

  /** How the connection ended. */
  public Outcome outcome() {
    return trace.outcome();
  }

  /**
   * The kind of ending in the bridge's words: {@code closed} (close_notify both ways, RFC 5246
   * §7.2.1), {@code closed_during_handshake} (the peer's close_notify before the handshake
   * completed, answered with close_notify), {@code peer_closed}, {@code alert_sent}, {@code alert_received}, {@code timeout},
   * {@code connect_failed}, {@code io_error}, {@code internal_error} (an exception escaped the
   * engine: a bug).
   */
  public String ending() {
    return switch (outcome().kind()) {
      case ALERT -> "alert_sent";
      case CRASHED -> "internal_error";
      default -> outcome().kind().name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  /**
   * A short key that groups failures by cause, for counting: the ending, plus the alert for
   * alert endings and the state for a peer that closed, went silent or broke the socket, e.g.
   * {@code alert_sent:decode_error}, {@code peer_closed:WAIT_CLIENT_HELLO}, {@code timeout:WAIT_FINISHED},
   * {@code io_error:WAIT_CLIENT_KEY_EXCHANGE} (a reset). Unlike {@link #detail} it holds no numbers
   * or addresses that differ from one connection to the next. The outcome's {@link Outcome#code()}
   * also names the side, which is always this one here.
   */
  public String reason() {
    Outcome o = outcome();
    return switch (o.kind()) {
      case ALERT, ALERT_RECEIVED -> ending() + ":" + o.alert().rfcName();
      case PEER_CLOSED, IO_ERROR, TIMEOUT, CLOSED_DURING_HANDSHAKE -> ending() + ":" + o.state();
      default -> ending();
    };
  }

  /** One line: who did what, in which state, waiting for what. */
  public String detail() {
    Outcome o = outcome();
    return switch (o.kind()) {
      case ALERT -> "sent " + o.alert().rfcName() + ": " + o.detail();
      case ALERT_RECEIVED -> "the peer sent a fatal " + o.alert().rfcName() + " alert";
      case TIMEOUT -> o.detail() + " in state " + o.state() + (o.waitingFor().isEmpty() ? "" : ", waiting for " + o.waitingFor());
      case CLOSED, PEER_CLOSED, CLOSED_DURING_HANDSHAKE -> o.describe();
      default -> o.detail();
    };
  }

  /** The handshake completed and the connection ended without an error. */
  public boolean succeeded() {
    return negotiated.isPresent() && (outcome().kind() == Outcome.Kind.CLOSED || outcome().kind() == Outcome.Kind.PEER_CLOSED);
  }
}
