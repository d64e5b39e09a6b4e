package dev.hslab.model.crypto.kex;

import dev.hslab.model.crypto.RandomSource;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.TlsAlertException;
import java.math.BigInteger;
import org.bouncycastle.util.BigIntegers;

/** Finite-field DHE / DH_anon (RFC 5246 §7.4.3, §8.1.2; RFC 7919). */
public final class DhKeyShare extends KeyShare {

  private final DhGroup group;
  private final BigInteger x;

  private DhKeyShare(DhGroup group, BigInteger x) {
    super(Bytes.wrap(BigIntegers.asUnsignedByteArray(group.g().modPow(x, group.p()))));
    this.group = group;
    this.x = x;
  }

  /** A private exponent of {@code group.exponentBits()} bits with the top bit set (RFC 7919 §5.2). */
  public static DhKeyShare generate(DhGroup group, RandomSource random) {
    int bits = group.exponentBits();
    BigInteger x = new BigInteger(bits, random.asSecureRandom()).setBit(bits - 1);
    return new DhKeyShare(group, x);
  }

  /** For known-answer tests: a given private exponent. */
  static DhKeyShare fromPrivate(DhGroup group, BigInteger x) {
    return new DhKeyShare(group, x);
  }

  public DhGroup group() {
    return group;
  }

  /** RFC 5246 §8.1.2: Z = Y^x mod p, "leading bytes of Z that contain all zero bits are stripped". */
  @Override
  public Bytes agree(Bytes peerPublic) throws TlsAlertException {
    BigInteger y = group.checkPeerPublic(peerPublic);
    BigInteger z = y.modPow(x, group.p());
    if (z.equals(BigInteger.ONE)) {
      // Only possible for Y of small order; 1 < Y < p-1 excludes that in safe-prime groups.
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "DH shared secret is 1");
    }
    return Bytes.wrap(BigIntegers.asUnsignedByteArray(z));
  }

  @Override
  public String toString() {
    return "DhKeyShare[" + group + ", Y=" + publicValue() + "]";
  }
}
