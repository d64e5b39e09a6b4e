package dev.hslab.model.record;

import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.TlsAlertException;

/** RFC 5246 §6.2.1 ContentType. */
public enum ContentType {
  CHANGE_CIPHER_SPEC(20),
  ALERT(21),
  HANDSHAKE(22),
  APPLICATION_DATA(23);

  private final int code;

  ContentType(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public String rfcName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** RFC 5246 §6: an unknown record type is answered with unexpected_message. */
  public static ContentType fromCode(int code) throws TlsAlertException {
    return switch (code) {
      case 20 -> CHANGE_CIPHER_SPEC;
      case 21 -> ALERT;
      case 22 -> HANDSHAKE;
      case 23 -> APPLICATION_DATA;
      default -> throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE, "record: unknown content type " + code);
    };
  }
}
