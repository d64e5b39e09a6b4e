package dev.hslab.actors;

/** The endpoint timers, both in virtual time. */
public enum TimerKind {
  /** Bounds a handshake (the first one or a renegotiation) from its start to its completion. */
  HANDSHAKE,
  /** Bounds the silence on an established connection. */
  IDLE
}
