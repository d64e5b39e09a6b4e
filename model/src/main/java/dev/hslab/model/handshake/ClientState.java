package dev.hslab.model.handshake;

/** The client's states (RFC 5246 §7.3's message flow, seen from the client). */
public enum ClientState implements HandshakeState {
  START(Phase.HELLO),
  WAIT_SERVER_HELLO(Phase.HELLO),
  WAIT_SERVER_CERTIFICATE(Phase.KEY_EXCHANGE),
  WAIT_SERVER_KEY_EXCHANGE(Phase.KEY_EXCHANGE),
  WAIT_CERTIFICATE_REQUEST(Phase.KEY_EXCHANGE),
  WAIT_SERVER_HELLO_DONE(Phase.KEY_EXCHANGE),
  WAIT_NEW_SESSION_TICKET(Phase.CHANGE_CIPHER),
  WAIT_CHANGE_CIPHER_SPEC(Phase.CHANGE_CIPHER),
  WAIT_FINISHED(Phase.CHANGE_CIPHER),
  ESTABLISHED(Phase.ESTABLISHED),
  WAIT_CLOSE_NOTIFY(Phase.ESTABLISHED),
  CLOSED(Phase.CLOSED),
  FAILED(Phase.CLOSED);

  private final Phase phase;

  ClientState(Phase phase) {
    this.phase = phase;
  }

  @Override
  public Phase phase() {
    return phase;
  }
}
