package dev.hslab.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * One public-key operation the floor counts ({@link FloorBenchmark}), named as {@code hslab bench}
 * prints it. The list for a handshake ({@link #steps}) is what the floor runs, so the printed list
 * and the measured floor cannot disagree.
 */
public enum FloorOp {
  /** A certificate's signature checked with its ECDSA P-256 issuer's key, kept decoded (a client that has met the CA keeps it). */
  ECDSA_P256_VERIFY_CA("ecdsa_p256.verify_ca"),
  /** A certificate's signature checked with its RSA-2048 issuer's key (SHA256withRSA). */
  RSA_2048_VERIFY_CA("rsa_2048.verify_ca"),
  /** An ECDSA P-256 signature over the handshake's messages by the leaf's key. */
  ECDSA_P256_SIGN("ecdsa_p256.sign"),
  /**
   * Its verification with the leaf's key decoded from the certificate's SubjectPublicKeyInfo: a
   * fresh peer's key, without the point precomputation a key gets after verifying many signatures.
   */
  ECDSA_P256_VERIFY_NEW_KEY("ecdsa_p256.verify_new_key"),
  /** An RSA-2048 PKCS#1 v1.5 signature (SHA-256) by the leaf's key. */
  RSA_2048_SIGN("rsa_2048.sign"),
  /** Its verification with the leaf's key. */
  RSA_2048_VERIFY("rsa_2048.verify"),
  /** The client's encryption of the premaster secret to the server's RSA key (RFC 5246 section 7.4.7.1). */
  RSA_2048_ENCRYPT("rsa_2048.encrypt"),
  /** The server's decryption of it. */
  RSA_2048_DECRYPT("rsa_2048.decrypt"),
  /** One ephemeral X25519 key pair (RFC 7748 section 6.1). */
  X25519_KEYGEN("x25519.keygen"),
  /** One X25519 agreement. */
  X25519_AGREE("x25519.agree");

  private final String label;

  FloorOp(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Whose material an operation uses. */
  enum Party { SERVER, CLIENT }

  /**
   * One operation of a handshake's floor: {@code index} is the certificate below the root for
   * chain verifications (0 the leaf, 1 the intermediate), and for X25519 the side (0 client, 1 server).
   */
  record Step(FloorOp op, Party party, int index) {}

  /**
   * The public-key operations that a TLS 1.2 handshake of {@code suite} with chains from {@code ca}
   * cannot avoid, in order:
   * <ul>
   *   <li>the server chain's two signatures below the root, checked by the client;
   *   <li>ECDHE (RFC 8422 section 5.4): the server signs its ServerKeyExchange, the client verifies
   *       it; both ephemeral X25519 key pairs, both agreements;
   *   <li>RSA key transport (RFC 5246 section 7.4.7.1): the premaster's encryption and decryption;
   *   <li>client authentication: the client chain's two signatures, checked by the server, and the
   *       CertificateVerify's signature and verification.
   * </ul>
   */
  static List<Step> steps(Suite suite, CaFamily ca) {
    List<Step> out = new ArrayList<>();
    chain(out, Party.SERVER, ca);
    if (suite == Suite.RSA) {
      out.add(new Step(RSA_2048_ENCRYPT, Party.SERVER, 0));
      out.add(new Step(RSA_2048_DECRYPT, Party.SERVER, 0));
      return out;
    }
    signature(out, Party.SERVER, suite.serverKey().isRsa());
    out.add(new Step(X25519_KEYGEN, Party.CLIENT, 0));
    out.add(new Step(X25519_KEYGEN, Party.SERVER, 1));
    out.add(new Step(X25519_AGREE, Party.CLIENT, 0));
    out.add(new Step(X25519_AGREE, Party.SERVER, 1));
    if (suite.clientAuth()) {
      chain(out, Party.CLIENT, ca);
      signature(out, Party.CLIENT, suite.clientKey().isRsa());
    }
    return out;
  }

  private static void chain(List<Step> out, Party party, CaFamily ca) {
    FloorOp op = ca == CaFamily.RSA_2048 ? RSA_2048_VERIFY_CA : ECDSA_P256_VERIFY_CA;
    out.add(new Step(op, party, 0));
    out.add(new Step(op, party, 1));
  }

  private static void signature(List<Step> out, Party party, boolean rsa) {
    out.add(new Step(rsa ? RSA_2048_SIGN : ECDSA_P256_SIGN, party, 0));
    out.add(new Step(rsa ? RSA_2048_VERIFY : ECDSA_P256_VERIFY_NEW_KEY, party, 0));
  }
}
