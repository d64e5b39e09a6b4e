package dev.hslab.model.message;

import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.TlsAlertException;
import java.util.Locale;

/**
 * RFC 5246 §7.4 HandshakeType, with RFC 5077's new_session_ticket and DTLS's
 * hello_verify_request (RFC 6347 §4.2.2); names as in the RFCs. {@link #fromCode} reads TLS codes
 * only, so a TLS peer's type 3 is still an unknown type; {@link #fromDtlsCode} reads DTLS's.
 */
public enum HandshakeType {
  HELLO_REQUEST(0),
  CLIENT_HELLO(1),
  SERVER_HELLO(2),
  /** RFC 6347 §4.2.2: DTLS only. */
  HELLO_VERIFY_REQUEST(3),
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

  /** Whether only DTLS has this type (RFC 6347 §4.2.2): hello_verify_request. */
  public boolean dtlsOnly() {
    return this == HELLO_VERIFY_REQUEST;
  }

  /** The TLS type of {@code code}; unexpected_message for an unknown one, DTLS's included. */
  public static HandshakeType fromCode(int code) throws TlsAlertException {
    return fromCode(code, false);
  }

  /** The DTLS type of {@code code} (RFC 6347 §4.2.2); unexpected_message for an unknown one. */
  public static HandshakeType fromDtlsCode(int code) throws TlsAlertException {
    return fromCode(code, true);
  }

  private static HandshakeType fromCode(int code, boolean dtls) throws TlsAlertException {
    for (HandshakeType t : values()) {
      if (t.code == code && (dtls || !t.dtlsOnly())) {
        return t;
      }
    }
    throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE, "handshake: unknown message type " + code);
  }

  public static HandshakeType fromRfcName(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
