package dev.hslab.bench;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import javax.crypto.Cipher;
import org.bouncycastle.crypto.agreement.X25519Agreement;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * The public-key primitives of a TLS 1.2 handshake, each with the provider that is fastest for it
 * on JDK 17 (chosen once, from measurements on the project machine; see bench/README.md):
 * RSA-2048 (PKCS#1 v1.5 signatures and encryption) through the JDK's SunRsaSign/SunJCE, whose
 * Montgomery arithmetic is intrinsified; ECDSA P-256 and X25519 through BouncyCastle's lightweight
 * API, several times faster than the JDK's SunEC. Every result is checked: a failed verification
 * or a disagreeing key exchange throws.
 */
final class PublicKeyOps {

  private final SecureRandom random;
  private final Signature rsaSigner;
  private final Signature rsaVerifier;
  private final Cipher rsaCipher;
  private final KeyFactory rsaKeys;

  PublicKeyOps(SecureRandom random) {
    this.random = random;
    try {
      rsaSigner = Signature.getInstance("SHA256withRSA", "SunRsaSign");
      rsaVerifier = Signature.getInstance("SHA256withRSA", "SunRsaSign");
      rsaCipher = Cipher.getInstance("RSA/ECB/PKCS1Padding", "SunJCE");
      rsaKeys = KeyFactory.getInstance("RSA", "SunRsaSign");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("JDK RSA provider missing", e);
    }
  }

  /** An RSA key in the JDK's own representation (translated once, not per operation). */
  PrivateKey rsaPrivate(PrivateKey k) throws GeneralSecurityException {
    return (PrivateKey) rsaKeys.translateKey(k);
  }

  PublicKey rsaPublic(PublicKey k) throws GeneralSecurityException {
    return (PublicKey) rsaKeys.translateKey(k);
  }

  static ECPrivateKeyParameters ecPrivate(PrivateKey k) throws IOException {
    return (ECPrivateKeyParameters) PrivateKeyFactory.createKey(k.getEncoded());
  }

  static ECPublicKeyParameters ecPublic(PublicKey k) throws IOException {
    return ecPublic(k.getEncoded());
  }

  /** Decodes an X.509 SubjectPublicKeyInfo (RFC 5480 section 2): a new point, validated. */
  static ECPublicKeyParameters ecPublic(byte[] spki) throws IOException {
    return (ECPublicKeyParameters) PublicKeyFactory.createKey(spki);
  }

  byte[] rsaSign(PrivateKey key, byte[] message) throws GeneralSecurityException {
    rsaSigner.initSign(key);
    rsaSigner.update(message);
    return rsaSigner.sign();
  }

  void rsaVerify(PublicKey key, byte[] message, byte[] signature) throws GeneralSecurityException {
    rsaVerifier.initVerify(key);
    rsaVerifier.update(message);
    if (!rsaVerifier.verify(signature)) {
      throw new IllegalStateException("RSA signature does not verify");
    }
  }

  /** RFC 5246 section 7.4.7.1: the client encrypts the premaster secret to the server's key. */
  byte[] rsaEncrypt(PublicKey serverPublic, byte[] premaster) throws GeneralSecurityException {
    rsaCipher.init(Cipher.ENCRYPT_MODE, serverPublic, random);
    return rsaCipher.doFinal(premaster);
  }

  /** The server decrypts it; checked against the premaster it should give. */
  void rsaDecrypt(PrivateKey serverPrivate, byte[] encrypted, byte[] premaster) throws GeneralSecurityException {
    rsaCipher.init(Cipher.DECRYPT_MODE, serverPrivate);
    if (!java.util.Arrays.equals(rsaCipher.doFinal(encrypted), premaster)) {
      throw new IllegalStateException("RSA premaster secret does not decrypt");
    }
  }

  BigInteger[] ecdsaSign(ECPrivateKeyParameters key, byte[] message) {
    ECDSASigner signer = new ECDSASigner();
    signer.init(true, new ParametersWithRandom(key, random));
    return signer.generateSignature(sha256(message));
  }

  void ecdsaVerify(ECPublicKeyParameters key, byte[] message, BigInteger r, BigInteger s) {
    ECDSASigner verifier = new ECDSASigner();
    verifier.init(false, key);
    if (!verifier.verifySignature(sha256(message), r, s)) {
      throw new IllegalStateException("ECDSA signature does not verify");
    }
  }

  /** One ephemeral X25519 key pair (RFC 7748 section 6.1). */
  X25519PublicKeyParameters x25519KeyPair() {
    return new X25519PrivateKeyParameters(random).generatePublicKey();
  }

  /** One X25519 agreement, checked against the value the other side computes. */
  void x25519Agree(X25519PrivateKeyParameters own, X25519PublicKeyParameters peer, byte[] expected) {
    byte[] out = new byte[32];
    X25519Agreement agreement = new X25519Agreement();
    agreement.init(own);
    agreement.calculateAgreement(peer, out, 0);
    if (!java.util.Arrays.equals(out, expected)) {
      throw new IllegalStateException("X25519 agreements differ");
    }
  }

  private static byte[] sha256(byte[] message) {
    SHA256Digest d = new SHA256Digest();
    d.update(message, 0, message.length);
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }
}
