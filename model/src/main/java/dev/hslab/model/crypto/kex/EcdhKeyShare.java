package dev.hslab.model.crypto.kex;

import dev.hslab.model.crypto.RandomSource;
import dev.hslab.model.suite.NamedGroup;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.TlsAlertException;
import java.math.BigInteger;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/** ECDHE / ECDH_anon over secp256r1 and secp384r1 (RFC 8422 §5.4, §5.10). */
public final class EcdhKeyShare extends KeyShare {

  private static final ECNamedDomainParameters P256 = domain("secp256r1", SECObjectIdentifiers.secp256r1);
  private static final ECNamedDomainParameters P384 = domain("secp384r1", SECObjectIdentifiers.secp384r1);

  private final NamedGroup group;
  private final ECNamedDomainParameters domain;
  private final BigInteger d;

  private EcdhKeyShare(NamedGroup group, BigInteger d) {
    super(Bytes.wrap(domainOf(group).getG().multiply(d).normalize().getEncoded(false)));
    this.group = group;
    this.domain = domainOf(group);
    this.d = d;
  }

  private static ECNamedDomainParameters domainOf(NamedGroup group) {
    return group == NamedGroup.SECP256R1 ? P256 : P384;
  }

  static EcdhKeyShare generateOn(NamedGroup group, RandomSource random) {
    BigInteger n = domainOf(group).getN();
    // FIPS 186-5 A.4.2-style: uniform d in [1, n-1] by rejection sampling.
    BigInteger d;
    do {
      d = BigIntegers.createRandomBigInteger(n.bitLength(), random.asSecureRandom());
    } while (d.signum() == 0 || d.compareTo(n) >= 0);
    return new EcdhKeyShare(group, d);
  }

  /** For known-answer tests: a given private scalar. */
  static EcdhKeyShare fromPrivate(NamedGroup group, BigInteger d) {
    if (group != NamedGroup.SECP256R1 && group != NamedGroup.SECP384R1) {
      throw new IllegalArgumentException(group + " is not a NIST prime curve");
    }
    return new EcdhKeyShare(group, d);
  }

  public NamedGroup group() {
    return group;
  }

  /**
   * RFC 8422 §5.4.1: only the uncompressed form 0x04||x||y; RFC 8422 §5.10: the peer's point must be
   * validated (on the curve, not infinity) and the premaster is x of d*Q as a field-length string.
   * Any other encoding or an invalid point is illegal_parameter.
   */
  @Override
  public Bytes agree(Bytes peerPublic) throws TlsAlertException {
    int fl = group.fieldLength();
    if (peerPublic.length() != 1 + 2 * fl || peerPublic.getUnsigned(0) != 0x04) {
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
          group.rfcName() + ": point is not an uncompressed " + (1 + 2 * fl) + "-byte point");
    }
    ECPoint q;
    try {
      q = domain.getCurve().decodePoint(peerPublic.toByteArray()); // checks the curve equation
    } catch (IllegalArgumentException e) {
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, group.rfcName() + ": point not on the curve");
    }
    // Cofactor 1 for both curves, so a point on the curve is in the prime-order group.
    ECPoint s = q.multiply(d).normalize();
    if (s.isInfinity()) {
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, group.rfcName() + ": shared point at infinity");
    }
    return Bytes.wrap(BigIntegers.asUnsignedByteArray(fl, s.getAffineXCoord().toBigInteger()));
  }

  private static ECNamedDomainParameters domain(String name, org.bouncycastle.asn1.ASN1ObjectIdentifier oid) {
    X9ECParameters x9 = CustomNamedCurves.getByName(name);
    return new ECNamedDomainParameters(oid, x9);
  }

  @Override
  public String toString() {
    return "EcdhKeyShare[" + group.rfcName() + ", Q=" + publicValue() + "]";
  }
}
