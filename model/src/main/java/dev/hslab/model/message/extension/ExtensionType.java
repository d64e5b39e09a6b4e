package dev.hslab.model.message.extension;

import java.util.Optional;

/**
 * The hello extensions this model understands (IANA "TLS ExtensionType Values"), with their wire
 * code and RFC name. Any other code decodes to {@link UnknownExtension} and round-trips unchanged.
 */
public enum ExtensionType {
  SERVER_NAME(0, "server_name"),
  SUPPORTED_GROUPS(10, "supported_groups"),
  EC_POINT_FORMATS(11, "ec_point_formats"),
  SIGNATURE_ALGORITHMS(13, "signature_algorithms"),
  EXTENDED_MASTER_SECRET(23, "extended_master_secret"),
  SESSION_TICKET(35, "session_ticket"),
  RENEGOTIATION_INFO(0xff01, "renegotiation_info");

  private final int code;
  private final String rfcName;

  ExtensionType(int code, String rfcName) {
    this.code = code;
    this.rfcName = rfcName;
  }

  public int code() {
    return code;
  }

  /** The IANA name, e.g. {@code renegotiation_info}. */
  public String rfcName() {
    return rfcName;
  }

  public static Optional<ExtensionType> fromCode(int code) {
    for (ExtensionType t : values()) {
      if (t.code == code) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** A printable name for any code: the RFC name, or {@code extension_0x0016} for unknown ones. */
  public static String nameOf(int code) {
    return fromCode(code).map(ExtensionType::rfcName).orElse(String.format("extension_0x%04x", code));
  }
}
