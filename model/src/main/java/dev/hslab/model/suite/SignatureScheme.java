package dev.hslab.model.suite;

import java.util.Optional;

/**
 * TLS 1.2 SignatureAndHashAlgorithm values (RFC 5246 §7.4.1.4.1) and the RSA-PSS code points RFC
 * 8446 §4.2.3 defines for TLS 1.2 too (RFC 8446 §1.3). Messages keep the raw two-byte code, so
 * unknown values round-trip; this enum names those the model can sign and verify with.
 */
public enum SignatureScheme {
  RSA_PKCS1_SHA1(0x0201, "SHA-1", Algorithm.RSA_PKCS1),
  RSA_PKCS1_SHA256(0x0401, "SHA-256", Algorithm.RSA_PKCS1),
  RSA_PKCS1_SHA384(0x0501, "SHA-384", Algorithm.RSA_PKCS1),
  ECDSA_SHA1(0x0203, "SHA-1", Algorithm.ECDSA),
  ECDSA_SECP256R1_SHA256(0x0403, "SHA-256", Algorithm.ECDSA),
  ECDSA_SECP384R1_SHA384(0x0503, "SHA-384", Algorithm.ECDSA),
  RSA_PSS_RSAE_SHA256(0x0804, "SHA-256", Algorithm.RSA_PSS);

  /** The signature primitive behind a scheme. */
  public enum Algorithm {
    RSA_PKCS1,
    RSA_PSS,
    ECDSA
  }

  private final int code;
  private final String hash;
  private final Algorithm algorithm;

  SignatureScheme(int code, String hash, Algorithm algorithm) {
    this.code = code;
    this.hash = hash;
    this.algorithm = algorithm;
  }

  public int code() {
    return code;
  }

  /** The JCA name of the hash. */
  public String hash() {
    return hash;
  }

  public Algorithm algorithm() {
    return algorithm;
  }

  /** RSA schemes sign with an RSA key, ECDSA schemes with an EC key. */
  public boolean usesRsaKey() {
    return algorithm != Algorithm.ECDSA;
  }

  public String rfcName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Optional<SignatureScheme> fromCode(int code) {
    for (SignatureScheme s : values()) {
      if (s.code == code) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
