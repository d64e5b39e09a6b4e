package dev.hslab.model.message;

import java.util.Locale;
import java.util.Optional;

/**
 * ClientCertificateType values of a CertificateRequest (RFC 5246 §7.4.4, RFC 8422 §5.5). Messages
 * keep the raw byte so that unknown types round-trip; this enum names the registered ones.
 */
public enum ClientCertificateType {
  RSA_SIGN(1),
  DSS_SIGN(2),
  RSA_FIXED_DH(3),
  DSS_FIXED_DH(4),
  ECDSA_SIGN(64),
  RSA_FIXED_ECDH(65),
  ECDSA_FIXED_ECDH(66);

  private final int code;

  ClientCertificateType(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The RFC name, e.g. {@code rsa_sign}. */
  public String rfcName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ClientCertificateType> fromCode(int code) {
    for (ClientCertificateType t : values()) {
      if (t.code == code) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
