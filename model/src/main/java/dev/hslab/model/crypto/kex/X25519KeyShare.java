package dev.hslab.model.crypto.kex;

import dev.hslab.model.crypto.RandomSource;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.TlsAlertException;
import org.bouncycastle.math.ec.rfc7748.X25519;

/** ECDHE / ECDH_anon with X25519 (RFC 7748 §5, §6.1; RFC 8422 §5.11). */
public final class X25519KeyShare extends KeyShare {

  private final Bytes scalar;

  private X25519KeyShare(byte[] k) {
    super(publicKey(k));
    this.scalar = Bytes.wrap(k);
  }

  private static Bytes publicKey(byte[] k) {
    byte[] pub = new byte[X25519.POINT_SIZE];
    X25519.generatePublicKey(k, 0, pub, 0); // clamps internally (RFC 7748 §5 decodeScalar25519)
    return Bytes.wrap(pub);
  }

  static X25519KeyShare generate(RandomSource random) {
    return new X25519KeyShare(random.nextBytes(X25519.SCALAR_SIZE));
  }

  /** For known-answer tests: a given 32-byte scalar. */
  static X25519KeyShare fromPrivate(Bytes k) {
    if (k.length() != X25519.SCALAR_SIZE) {
      throw new IllegalArgumentException("X25519 scalar must be 32 bytes");
    }
    return new X25519KeyShare(k.toByteArray());
  }

  /**
   * The peer's value must be 32 bytes (RFC 8422 §5.11), else illegal_parameter. RFC 8422 §5.11
   * requires checking that the result is not all zeros (RFC 7748 §6.1) and aborting the handshake;
   * we send handshake_failure, as BouncyCastle TLS (BcX25519.calculateSecret) does.
   */
  @Override
  public Bytes agree(Bytes peerPublic) throws TlsAlertException {
    if (peerPublic.length() != X25519.POINT_SIZE) {
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
          "x25519: public value is " + peerPublic.length() + " bytes, not 32");
    }
    byte[] out = new byte[X25519.POINT_SIZE];
    if (!X25519.calculateAgreement(scalar.toByteArray(), 0, peerPublic.toByteArray(), 0, out, 0)) {
      throw new TlsAlertException(AlertDescription.HANDSHAKE_FAILURE, "x25519: all-zero shared secret");
    }
    return Bytes.wrap(out);
  }

  @Override
  public String toString() {
    return "X25519KeyShare[u=" + publicValue() + "]";
  }
}
