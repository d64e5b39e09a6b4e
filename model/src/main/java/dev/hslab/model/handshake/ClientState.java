package dev.hslab.model.handshake;

/**
 * The client's states (RFC 5246 §7.3's message flow, seen from the client), a line per phase.
 * WAIT_HELLO_VERIFY_REQUEST is DTLS's only (RFC 6347 §4.2.1): after the first ClientHello, where
 * a HelloVerifyRequest or, when the server skips the cookie exchange, a ServerHello may come.
 */
public enum ClientState implements HandshakeState {
  START, WAIT_HELLO_VERIFY_REQUEST, WAIT_SERVER_HELLO,
  WAIT_SERVER_CERTIFICATE, WAIT_SERVER_KEY_EXCHANGE, WAIT_CERTIFICATE_REQUEST, WAIT_SERVER_HELLO_DONE,
  WAIT_NEW_SESSION_TICKET, WAIT_CHANGE_CIPHER_SPEC, WAIT_FINISHED,
  ESTABLISHED, WAIT_CLOSE_NOTIFY,
  CLOSED, FAILED;

  /** The client's states up to WAIT_SERVER_HELLO_DONE await the server's first flight. */
  @Override
  public Phase phase() {
    return switch (this) {
      case START, WAIT_HELLO_VERIFY_REQUEST, WAIT_SERVER_HELLO -> Phase.HELLO;
      case WAIT_SERVER_CERTIFICATE, WAIT_SERVER_KEY_EXCHANGE, WAIT_CERTIFICATE_REQUEST, WAIT_SERVER_HELLO_DONE ->
          Phase.KEY_EXCHANGE;
      case WAIT_NEW_SESSION_TICKET, WAIT_CHANGE_CIPHER_SPEC, WAIT_FINISHED -> Phase.CHANGE_CIPHER;
      case ESTABLISHED, WAIT_CLOSE_NOTIFY -> Phase.ESTABLISHED;
      case CLOSED, FAILED -> Phase.CLOSED;
    };
  }
}
