package dev.hslab.model.crypto.sig;

import java.io.IOException;
import java.math.BigInteger;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * Decodes the public keys peers present (X.509 SubjectPublicKeyInfo, RFC 5280 §4.1.2.7) into
 * BouncyCastle parameters.
 *
 * <p>RSA keys (rsaEncryption, RFC 8017 Appendix A.1.1) get the checks a verifier and a premaster
 * encryptor need: an odd modulus of 512 to 16,384 bits (BouncyCastle's own bound, which keeps a
 * peer from making us exponentiate with an enormous key) and an odd exponent 3 ≤ e < n. They skip
 * BouncyCastle's Miller–Rabin test that the modulus is composite: it costs several full-size
 * modular exponentiations, more than the handshake's RSA signature, and guards nothing for a
 * party that only uses the key's public side (only the key's owner could exploit a prime
 * modulus, against itself). BouncyCastle caches the moduli it has tested only weakly, so with
 * its test every new peer key, and every pooled one again after each garbage collection, paid
 * for it. SunJSSE and OpenSSL do not test peer moduli either. Other keys go through
 * {@link PublicKeyFactory} unchanged.
 */
public final class PublicKeys {

  static final int MIN_RSA_BITS = 512;
  static final int MAX_RSA_BITS = 16_384;

  private PublicKeys() {}

  /**
   * @throws IOException for an encoding that does not parse
   * @throws IllegalArgumentException for a key that parses but fails the checks above, or an
   *     algorithm BouncyCastle does not know
   */
  public static AsymmetricKeyParameter decode(byte[] spki) throws IOException {
    SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(spki);
    if (!PKCSObjectIdentifiers.rsaEncryption.equals(info.getAlgorithm().getAlgorithm())) {
      return PublicKeyFactory.createKey(info);
    }
    RSAPublicKey rsa = RSAPublicKey.getInstance(info.parsePublicKey());
    BigInteger n = rsa.getModulus();
    BigInteger e = rsa.getPublicExponent();
    if (n.signum() <= 0 || !n.testBit(0) || n.bitLength() < MIN_RSA_BITS || n.bitLength() > MAX_RSA_BITS) {
      throw new IllegalArgumentException("RSA modulus must be odd and of " + MIN_RSA_BITS + " to " + MAX_RSA_BITS
          + " bits, has " + n.bitLength());
    }
    if (!e.testBit(0) || e.compareTo(BigInteger.valueOf(3)) < 0 || e.compareTo(n) >= 0) {
      throw new IllegalArgumentException("RSA public exponent must be odd and 3 <= e < n");
    }
    // isInternal: the checks above are ours; BouncyCastle's would add its Miller–Rabin test.
    return new RSAKeyParameters(false, n, e, true);
  }
}
