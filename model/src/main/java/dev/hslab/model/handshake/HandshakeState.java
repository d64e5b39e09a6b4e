package dev.hslab.model.handshake;

/** A state of one role's transition table. */
public interface HandshakeState {

  /** The phases the diagrams group states by. */
  enum Phase {
    HELLO,
    KEY_EXCHANGE,
    CHANGE_CIPHER,
    ESTABLISHED,
    CLOSED
  }

  String name();

  Phase phase();

  /** No transition leaves a terminal state: after a fatal alert the engine accepts nothing. */
  default boolean terminal() {
    return phase() == Phase.CLOSED;
  }
}
