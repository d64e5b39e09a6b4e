package dev.hslab.model.crypto.sig;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.RSAPrivateCrtKeySpec;
import javax.crypto.Cipher;
import org.bouncycastle.crypto.AsymmetricBlockCipher;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.DataLengthException;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.util.BigIntegers;

/**
 * The RSA private-key operation (RSASP1 / RSADP, RFC 8017 §5.1.2, §5.2.1) through the JDK's
 * SunJCE, shaped as a BouncyCastle {@link AsymmetricBlockCipher} so BouncyCastle's PKCS#1 and PSS
 * encodings run on it. The JDK's modular arithmetic is intrinsified on common CPUs and its
 * blinding reuses per-key parameters, so this is faster than {@code RSABlindedEngine} for the
 * same result: a private-key operation is deterministic, the blinding never shows in the output.
 * Only the private-key direction: public-key operations stay with BouncyCastle.
 */
final class JdkRsaPrivate implements AsymmetricBlockCipher {

  private final RSAPrivateKey key;
  private final BigInteger modulus;
  private final int bits;
  private boolean forEncryption;

  private JdkRsaPrivate(RSAPrivateKey key) {
    this.key = key;
    this.modulus = key.getModulus();
    this.bits = modulus.bitLength();
  }

  /** The JDK's form of {@code k}, or null when the platform lacks SunRsaSign (then BouncyCastle does the work). */
  static RSAPrivateKey jdkKey(RSAPrivateCrtKeyParameters k) {
    try {
      return (RSAPrivateKey) KeyFactory.getInstance("RSA", "SunRsaSign").generatePrivate(new RSAPrivateCrtKeySpec(
          k.getModulus(), k.getPublicExponent(), k.getExponent(), k.getP(), k.getQ(), k.getDP(), k.getDQ(), k.getQInv()));
    } catch (GeneralSecurityException | RuntimeException e) {
      return null;
    }
  }

  static JdkRsaPrivate of(RSAPrivateKey key) {
    return new JdkRsaPrivate(key);
  }

  /** The parameters are ignored: the key was fixed at construction (the JDK blinds with its own randomness). */
  @Override
  public void init(boolean forEncryption, CipherParameters parameters) {
    this.forEncryption = forEncryption;
  }

  // The block sizes of BouncyCastle's RSACoreEngine, which the encodings rely on.
  @Override
  public int getInputBlockSize() {
    return forEncryption ? (bits - 1) / 8 : (bits + 7) / 8;
  }

  @Override
  public int getOutputBlockSize() {
    return forEncryption ? (bits + 7) / 8 : (bits - 1) / 8;
  }

  /**
   * x^d mod n. Output as RSACoreEngine gives it: k bytes when signing ({@code forEncryption}),
   * the minimal magnitude when decrypting.
   */
  @Override
  public byte[] processBlock(byte[] in, int inOff, int inLen) {
    int k = (bits + 7) / 8;
    if (inLen > k) {
      throw new DataLengthException("input too large for RSA cipher.");
    }
    BigInteger x = new BigInteger(1, java.util.Arrays.copyOfRange(in, inOff, inOff + inLen));
    if (x.compareTo(modulus) >= 0) {
      throw new DataLengthException("input too large for RSA cipher.");
    }
    byte[] out;
    try {
      Cipher raw = Cipher.getInstance("RSA/ECB/NoPadding", "SunJCE");
      raw.init(Cipher.DECRYPT_MODE, key);
      out = raw.doFinal(BigIntegers.asUnsignedByteArray(k, x));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("JDK RSA private-key operation failed", e);
    }
    return forEncryption ? BigIntegers.asUnsignedByteArray(k, new BigInteger(1, out))
        : BigIntegers.asUnsignedByteArray(new BigInteger(1, out));
  }
}
