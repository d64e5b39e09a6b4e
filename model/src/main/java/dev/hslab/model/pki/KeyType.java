package dev.hslab.model.pki;

import dev.hslab.model.crypto.RandomSource;
import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;

/**
 * The key types the certificate authority issues. Generation uses BouncyCastle's lightweight
 * generators, which draw every bit from the given {@link RandomSource}: the same seed gives the
 * same key pair.
 */
public enum KeyType {
  RSA_2048(2048, null),
  RSA_3072(3072, null),
  ECDSA_P256(256, SECObjectIdentifiers.secp256r1),
  ECDSA_P384(384, SECObjectIdentifiers.secp384r1);

  private static final BigInteger RSA_PUBLIC_EXPONENT = BigInteger.valueOf(65537);
  // Miller-Rabin certainty: error below 2^-112, BouncyCastle's own choice for >= 2048-bit moduli.
  private static final int RSA_CERTAINTY = 112;

  private final int bits;
  private final ASN1ObjectIdentifier curve;

  KeyType(int bits, ASN1ObjectIdentifier curve) {
    this.bits = bits;
    this.curve = curve;
  }

  /** Modulus length for RSA, field size for ECDSA. */
  public int bits() {
    return bits;
  }

  public boolean isRsa() {
    return curve == null;
  }

  /** Generates a key pair from {@code random} alone (deterministic for a seeded source). */
  AsymmetricCipherKeyPair generate(RandomSource random) {
    if (isRsa()) {
      RSAKeyPairGenerator g = new RSAKeyPairGenerator();
      g.init(new RSAKeyGenerationParameters(
          RSA_PUBLIC_EXPONENT, random.asSecureRandom(), bits, RSA_CERTAINTY));
      return g.generateKeyPair();
    }
    // Named parameters, so the SubjectPublicKeyInfo names the curve by OID (RFC 5480 §2.1.1:
    // namedCurve is the only form PKIX allows).
    ECKeyPairGenerator g = new ECKeyPairGenerator();
    g.init(new ECKeyGenerationParameters(
        ECNamedDomainParameters.lookup(curve), random.asSecureRandom()));
    return g.generateKeyPair();
  }
}
