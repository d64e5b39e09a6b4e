package dev.hslab.actors;

/** The endpoint timers, both in virtual time. */
public enum TimerKind {
  /** Bounds a handshake (the first one or a renegotiation) from its start to its completion. */
  HANDSHAKE,
  /** Bounds the silence on an established connection. */
  IDLE,
  /**
   * A datagram engine's retransmission timer (RFC 6347 §4.2.4), armed and cancelled by the engine
   * itself ({@link dev.hslab.model.engine.EngineEvent.RetransmissionTimer}); its expiry calls
   * {@link dev.hslab.model.engine.Engine#retransmissionTimeout()}.
   */
  RETRANSMISSION
}
