package dev.hslab.model.handshake;

/**
 * The server's states (RFC 5246 §7.3's message flow, seen from the server), a line per phase.
 * WAIT_CLIENT_HELLO_WITH_COOKIE is DTLS's only (RFC 6347 §4.2.1): after a HelloVerifyRequest, the
 * ClientHello that repeats the first with the cookie. The server keeps no state for it (the cookie
 * carries what it needs); the state is the table's view of one connection.
 */
public enum ServerState implements HandshakeState {
  WAIT_CLIENT_HELLO, WAIT_CLIENT_HELLO_WITH_COOKIE,
  WAIT_CLIENT_CERTIFICATE, WAIT_CLIENT_KEY_EXCHANGE, WAIT_CERTIFICATE_VERIFY,
  WAIT_CHANGE_CIPHER_SPEC, WAIT_FINISHED,
  ESTABLISHED, WAIT_CLOSE_NOTIFY,
  CLOSED, FAILED;

  /** The server's key-exchange states await the client's second flight. */
  @Override
  public Phase phase() {
    return switch (this) {
      case WAIT_CLIENT_HELLO, WAIT_CLIENT_HELLO_WITH_COOKIE -> Phase.HELLO;
      case WAIT_CLIENT_CERTIFICATE, WAIT_CLIENT_KEY_EXCHANGE, WAIT_CERTIFICATE_VERIFY -> Phase.KEY_EXCHANGE;
      case WAIT_CHANGE_CIPHER_SPEC, WAIT_FINISHED -> Phase.CHANGE_CIPHER;
      case ESTABLISHED, WAIT_CLOSE_NOTIFY -> Phase.ESTABLISHED;
      case CLOSED, FAILED -> Phase.CLOSED;
    };
  }
}
