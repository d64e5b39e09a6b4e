package dev.hslab.model.crypto.kex;

import dev.hslab.model.crypto.RandomSource;
import dev.hslab.model.suite.NamedGroup;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.TlsAlertException;

/**
 * One side's ephemeral (EC)DH key pair: the private key stays inside, {@link #publicValue()} goes
 * into ServerKeyExchange or ClientKeyExchange, and {@link #agree} turns the peer's value into the
 * shared secret (the premaster for DHE/ECDHE, the other_secret for ECDHE_PSK).
 */
public abstract sealed class KeyShare permits DhKeyShare, EcdhKeyShare, X25519KeyShare {

  private final Bytes publicValue;

  KeyShare(Bytes publicValue) {
    this.publicValue = publicValue;
  }

  /** A fresh key pair on a named group, drawn from {@code random}. */
  public static KeyShare generate(NamedGroup group, RandomSource random) {
    return switch (group) {
      case SECP256R1, SECP384R1 -> EcdhKeyShare.generateOn(group, random);
      case X25519 -> X25519KeyShare.generate(random);
      case FFDHE2048, FFDHE3072 -> DhKeyShare.generate(DhGroup.of(group).orElseThrow(), random);
    };
  }

  /**
   * The encoded public value: dh_Ys (minimal big-endian), the uncompressed point 0x04||x||y (RFC
   * 8422 §5.4.1), or the 32-byte X25519 u-coordinate (RFC 8422 §5.11, RFC 7748 §5).
   */
  public final Bytes publicValue() {
    return publicValue;
  }

  /**
   * Validates the peer's public value and computes the shared secret.
   *
   * @throws TlsAlertException illegal_parameter for an invalid peer value (handshake_failure for an
   *     all-zero X25519 result)
   */
  public abstract Bytes agree(Bytes peerPublic) throws TlsAlertException;
}
