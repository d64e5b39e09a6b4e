package dev.hslab.model.handshake;

/** The server's states (RFC 5246 §7.3's message flow, seen from the server). */
public enum ServerState implements HandshakeState {
  WAIT_CLIENT_HELLO(Phase.HELLO),
  WAIT_CLIENT_CERTIFICATE(Phase.KEY_EXCHANGE),
  WAIT_CLIENT_KEY_EXCHANGE(Phase.KEY_EXCHANGE),
  WAIT_CERTIFICATE_VERIFY(Phase.KEY_EXCHANGE),
  WAIT_CHANGE_CIPHER_SPEC(Phase.CHANGE_CIPHER),
  WAIT_FINISHED(Phase.CHANGE_CIPHER),
  ESTABLISHED(Phase.ESTABLISHED),
  WAIT_CLOSE_NOTIFY(Phase.ESTABLISHED),
  CLOSED(Phase.CLOSED),
  FAILED(Phase.CLOSED);

  private final Phase phase;

  ServerState(Phase phase) {
    this.phase = phase;
  }

  @Override
  public Phase phase() {
    return phase;
  }
}
