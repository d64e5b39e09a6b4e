package dev.hslab.model.wire;

import java.util.Locale;

/**
 * RFC 5246 §7.2 AlertDescription, with SSL 3.0's no_certificate (RFC 6101 §5.4.2) and the
 * later registrations this model can send or receive.
 */
public enum AlertDescription {
  CLOSE_NOTIFY(0),
  UNEXPECTED_MESSAGE(10),
  BAD_RECORD_MAC(20),
  DECRYPTION_FAILED(21),
  RECORD_OVERFLOW(22),
  DECOMPRESSION_FAILURE(30),
  HANDSHAKE_FAILURE(40),
  NO_CERTIFICATE(41),
  BAD_CERTIFICATE(42),
  UNSUPPORTED_CERTIFICATE(43),
  CERTIFICATE_REVOKED(44),
  CERTIFICATE_EXPIRED(45),
  CERTIFICATE_UNKNOWN(46),
  ILLEGAL_PARAMETER(47),
  UNKNOWN_CA(48),
  ACCESS_DENIED(49),
  DECODE_ERROR(50),
  DECRYPT_ERROR(51),
  EXPORT_RESTRICTION(60),
  PROTOCOL_VERSION(70),
  INSUFFICIENT_SECURITY(71),
  INTERNAL_ERROR(80),
  INAPPROPRIATE_FALLBACK(86),
  USER_CANCELED(90),
  NO_RENEGOTIATION(100),
  UNSUPPORTED_EXTENSION(110),
  UNRECOGNIZED_NAME(112),
  UNKNOWN_PSK_IDENTITY(115);

  private static final AlertDescription[] BY_CODE = new AlertDescription[256];

  static {
    for (AlertDescription d : values()) {
      BY_CODE[d.code] = d;
    }
  }

  private final int code;

  AlertDescription(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The RFC name, e.g. {@code bad_record_mac}. */
  public String rfcName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static AlertDescription fromCode(int code) throws TlsAlertException {
    AlertDescription d = code >= 0 && code < 256 ? BY_CODE[code] : null;
    if (d == null) {
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "Alert: unknown description " + code);
    }
    return d;
  }

  public static AlertDescription fromRfcName(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
