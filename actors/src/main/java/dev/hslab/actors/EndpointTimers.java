package dev.hslab.actors;

import dev.hslab.model.engine.Engine;
import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.engine.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides an endpoint's timers from its engine after each step: a handshake timer runs while a
 * handshake is in progress (from the start, or a renegotiation, until Established); once
 * established, any traffic re-arms the idle timer; a terminal engine needs no timer. A datagram
 * engine's retransmission timer is the engine's own decision, passed on as it asked
 * ({@link EngineEvent.RetransmissionTimer}: the last request of a step wins).
 */
final class EndpointTimers {

  private final double handshakeMs;
  private final double idleMs;
  private boolean handshakeArmed;
  private boolean idleArmed;

  EndpointTimers(double handshakeMs, double idleMs) {
    this.handshakeMs = handshakeMs;
    this.idleMs = idleMs;
  }

  /** @param traffic the step received or sent a record */
  List<TimerRequest> after(Engine engine, boolean traffic) {
    return after(engine, Step.NOTHING, traffic);
  }

  /** The same, passing on the retransmission timer {@code step}'s engine asked for. */
  List<TimerRequest> after(Engine engine, Step step, boolean traffic) {
    List<TimerRequest> out = new ArrayList<>();
    EngineEvent.RetransmissionTimer asked = null;
    for (EngineEvent e : step.events()) {
      if (e instanceof EngineEvent.RetransmissionTimer t) {
        asked = t;
      }
    }
    if (asked != null) {
      out.add(asked.cancels() ? new TimerRequest.Cancel(TimerKind.RETRANSMISSION)
          : new TimerRequest.Arm(TimerKind.RETRANSMISSION, asked.afterMillis()));
    }
    if (engine.terminal()) {
      cancelHandshake(out);
      cancelIdle(out);
    } else if (!engine.established()) {
      cancelIdle(out);
      if (!handshakeArmed) {
        handshakeArmed = true;
        out.add(new TimerRequest.Arm(TimerKind.HANDSHAKE, handshakeMs));
      }
    } else {
      cancelHandshake(out);
      if (traffic || !idleArmed) {
        idleArmed = true;
        out.add(new TimerRequest.Arm(TimerKind.IDLE, idleMs));
      }
    }
    return out;
  }

  /** The network fired {@code kind}: it is no longer armed. */
  void expired(TimerKind kind) {
    if (kind == TimerKind.HANDSHAKE) {
      handshakeArmed = false;
    } else if (kind == TimerKind.IDLE) {
      idleArmed = false;
    }
  }

  private void cancelHandshake(List<TimerRequest> out) {
    if (handshakeArmed) {
      handshakeArmed = false;
      out.add(new TimerRequest.Cancel(TimerKind.HANDSHAKE));
    }
  }

  private void cancelIdle(List<TimerRequest> out) {
    if (idleArmed) {
      idleArmed = false;
      out.add(new TimerRequest.Cancel(TimerKind.IDLE));
    }
  }
}
