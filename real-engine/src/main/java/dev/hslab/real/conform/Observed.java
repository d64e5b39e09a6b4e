package dev.hslab.real.conform;

import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.engine.MessageInfo;
import dev.hslab.model.handshake.Side;
import java.util.ArrayList;
import java.util.List;

/**
 * One message in one endpoint's own order: what it sent and what it received, as its engine
 * reported them. This order, not the global sending order, is what a transition table executes.
 *
 * @param sent the endpoint sent it (else received it)
 */
public record Observed(boolean sent, MessageInfo message) {

  /** The endpoint's messages from its engine's events, in order. */
  public static List<Observed> of(List<EngineEvent> events) {
    List<Observed> out = new ArrayList<>();
    for (EngineEvent e : events) {
      if (e instanceof EngineEvent.MessageSent s) {
        out.add(new Observed(true, s.message()));
      } else if (e instanceof EngineEvent.MessageReceived r) {
        out.add(new Observed(false, r.message()));
      }
    }
    return out;
  }

  /**
   * The peer's messages as this endpoint saw them: what it received the peer sent, and the other
   * way round. Exact for the handshake, whose flights alternate; messages that crossed on the
   * wire (both sides sending at once) appear in this endpoint's order.
   */
  public static List<Observed> peerOf(List<EngineEvent> events) {
    return of(events).stream().map(o -> new Observed(!o.sent(), o.message())).toList();
  }

  /** {@code sent.x} or {@code recv.x}, by the message's label. */
  public String label() {
    return (sent ? "sent." : "recv.") + message.label();
  }

  /** Whether {@code side} sent it, when these are {@code observer}'s messages. */
  public boolean from(Side side, Side observer) {
    return sent == (side == observer);
  }
}
