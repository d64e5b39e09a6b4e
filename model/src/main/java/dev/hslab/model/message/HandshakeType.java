package dev.hslab.model.message;

import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.TlsAlertException;
import java.util.Locale;

/** RFC 5246 §7.4 HandshakeType, with RFC 5077's new_session_ticket; names as in the RFCs. */
public enum HandshakeType {
  HELLO_REQUEST(0),
  CLIENT_HELLO(1),
  SERVER_HELLO(2),
  NEW_SESSION_TICKET(4),
  CERTIFICATE(11),
  SERVER_KEY_EXCHANGE(12),
  CERTIFICATE_REQUEST(13),
  SERVER_HELLO_DONE(14),
  CERTIFICATE_VERIFY(15),
  CLIENT_KEY_EXCHANGE(16),
  FINISHED(20);

  private final int code;

  HandshakeType(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The RFC name in snake case, e.g. {@code server_key_exchange} (docs/cli.md). */
  public String rfcName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static HandshakeType fromCode(int code) throws TlsAlertException {
    for (HandshakeType t : values()) {
      if (t.code == code) {
        return t;
      }
    }
    throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE, "handshake: unknown message type " + code);
  }

  public static HandshakeType fromRfcName(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
