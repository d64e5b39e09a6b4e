package dev.hslab.model.crypto.kex;

import dev.hslab.model.crypto.RandomSource;
import dev.hslab.model.crypto.sig.KeyAlgorithm;
import dev.hslab.model.crypto.sig.SigningKey;
import dev.hslab.model.crypto.sig.VerifyingKey;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.model.wire.TlsAlertException;
import java.math.BigInteger;
import org.bouncycastle.crypto.AsymmetricBlockCipher;
import org.bouncycastle.crypto.DataLengthException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.encodings.PKCS1Encoding;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.util.BigIntegers;

/** The RSA key exchange premaster secret (RFC 5246 §7.4.7.1). */
public final class RsaPremaster {

  /** RFC 5246 §7.4.7.1: ProtocolVersion client_version + opaque random[46]. */
  public static final int LENGTH = 48;

  /**
   * Whether the server checks the premaster's version bytes. RFC 5246 §7.4.7.1: a server MUST check
   * them if ClientHello.client_version is TLS 1.1 or higher; for TLS 1.0 and earlier it SHOULD, but
   * MAY have an option to skip the check, because some old clients wrongly put the negotiated
   * version there.
   */
  public enum VersionCheck {
    ALWAYS,
    SKIP_UP_TO_TLS10
  }

  private RsaPremaster() {}

  /** The client's premaster: the client_version of its ClientHello, then 46 random bytes. */
  public static Bytes create(ProtocolVersion clientHelloVersion, RandomSource random) {
    byte[] pm = random.nextBytes(LENGTH);
    pm[0] = (byte) clientHelloVersion.major();
    pm[1] = (byte) clientHelloVersion.minor();
    return Bytes.wrap(pm);
  }

  /**
   * RSAES-PKCS1-v1_5 encryption of the premaster to the server's certificate key. A non-RSA key is
   * unsupported_certificate (RFC 5246 §7.4.2: RSA key exchange needs an RSA encryption key).
   */
  public static Bytes encrypt(Bytes premaster, VerifyingKey serverKey, RandomSource random)
      throws TlsAlertException {
    if (serverKey.type() != KeyAlgorithm.RSA) {
      throw new TlsAlertException(AlertDescription.UNSUPPORTED_CERTIFICATE,
          "RSA key exchange with a " + serverKey.type() + " certificate key");
    }
    PKCS1Encoding enc = new PKCS1Encoding(new RSABlindedEngine());
    enc.init(true, new ParametersWithRandom(serverKey.parameters(), random.asSecureRandom()));
    try {
      return Bytes.wrap(enc.processBlock(premaster.toByteArray(), 0, premaster.length()));
    } catch (InvalidCipherTextException | DataLengthException e) {
      throw new TlsAlertException(AlertDescription.UNSUPPORTED_CERTIFICATE, "RSA key too small for a premaster");
    }
  }

  /**
   * The server's side with the Bleichenbacher countermeasure of RFC 5246 §7.4.7.1: draw 46 random
   * bytes R first, decrypt, and if the padding is bad, the message is not 48 bytes, or the version
   * differs from ClientHello.client_version, use client_version||R instead. No exception, alert or
   * early exit tells the cases apart; a wrong premaster only shows later as a Finished that fails to
   * verify (decrypt_error or bad_record_mac), as the RFC intends.
   *
   * @throws TlsAlertException internal_error only when our own key is not an RSA key
   */
  public static Bytes decrypt(Bytes encrypted, SigningKey serverKey, ProtocolVersion clientHelloVersion,
      VersionCheck check, RandomSource random) throws TlsAlertException {
    if (serverKey.type() != KeyAlgorithm.RSA) {
      throw new TlsAlertException(AlertDescription.INTERNAL_ERROR, "RSA key exchange without an RSA key");
    }
    byte[] fallback = random.nextBytes(LENGTH); // before decrypting, whatever happens
    fallback[0] = (byte) clientHelloVersion.major();
    fallback[1] = (byte) clientHelloVersion.minor();
    boolean checkVersion = check == VersionCheck.ALWAYS
        || clientHelloVersion.compareTo(ProtocolVersion.TLS11) >= 0;
    byte[] em = rawDecrypt(encrypted, serverKey, random);
    int versionMask = checkVersion ? -1 : 0; // public data: the configuration and client_version
    int ok = paddingOk(em, LENGTH)
        & ((~versionMask) | (isZero(em[em.length - LENGTH] ^ fallback[0])
            & isZero(em[em.length - LENGTH + 1] ^ fallback[1])));
    return Bytes.wrap(select(em, LENGTH, ok, fallback));
  }

  /**
   * PKCS#1 v1.5 decryption of a message of exactly {@code length} bytes, returning {@code fallback}
   * on any failure, without branching on secret data (RFC 8017 §7.2.2 note). Package-private for the
   * known-answer tests, which also use other message lengths.
   */
  static byte[] decryptFixedLength(Bytes encrypted, SigningKey key, int length, byte[] fallback,
      RandomSource random) {
    byte[] em = rawDecrypt(encrypted, key, random);
    return select(em, length, paddingOk(em, length), fallback);
  }

  /**
   * m = c^d mod n as k bytes (RSADP, RFC 8017 §5.1.2, blinded). A ciphertext of the wrong length
   * or not below n is public information, so it may take a different path: it yields an all-zero
   * block, whose padding check then fails like any other.
   */
  private static byte[] rawDecrypt(Bytes encrypted, SigningKey serverKey, RandomSource random) {
    RSAKeyParameters key = (RSAKeyParameters) serverKey.parameters();
    int k = (key.getModulus().bitLength() + 7) / 8;
    byte[] c = encrypted.toByteArray();
    if (c.length != k || new BigInteger(1, c).compareTo(key.getModulus()) >= 0) {
      return new byte[k];
    }
    AsymmetricBlockCipher rsa = serverKey.rsaPrivate();
    rsa.init(false, new ParametersWithRandom(key, random.asSecureRandom()));
    try {
      byte[] m = rsa.processBlock(c, 0, c.length);
      return BigIntegers.asUnsignedByteArray(k, new BigInteger(1, m));
    } catch (DataLengthException | InvalidCipherTextException e) {
      return new byte[k];
    }
  }

  /**
   * 1 if em = 0x00 0x02 PS 0x00 M with |M| = length and PS at least 8 non-zero bytes (RFC 8017
   * §7.2.2 step 3), else 0; every byte is examined whatever the outcome.
   */
  private static int paddingOk(byte[] em, int length) {
    int k = em.length;
    int sep = k - length - 1; // index of the 0x00 separator
    if (sep < 10) {
      return 0; // public: modulus too small for this length
    }
    int ok = isZero(em[0]) & isZero(em[1] ^ 0x02) & isZero(em[sep]);
    for (int i = 2; i < sep; i++) {
      ok &= 1 - isZero(em[i]);
    }
    return ok;
  }

  /** The last {@code length} bytes of em if ok == 1, else fallback, selected by masking. */
  private static byte[] select(byte[] em, int length, int ok, byte[] fallback) {
    int mask = -ok; // all ones or all zeros
    byte[] out = new byte[length];
    int off = em.length - length;
    for (int i = 0; i < length; i++) {
      out[i] = (byte) ((em[off + i] & mask) | (fallback[i] & ~mask));
    }
    return out;
  }

  /** 1 if the low 8 bits of b are zero, else 0, without a branch. */
  private static int isZero(int b) {
    return ((b & 0xff) - 1) >>> 31;
  }
}
