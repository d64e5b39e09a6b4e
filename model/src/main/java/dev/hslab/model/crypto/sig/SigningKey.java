package dev.hslab.model.crypto.sig;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import org.bouncycastle.crypto.AsymmetricBlockCipher;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;

/**
 * A private key converted once from JCA into BouncyCastle lightweight parameters, so signing and
 * RSA premaster decryption do no per-handshake conversion; an RSA key also in the JDK's form, whose
 * private-key operation is the faster one ({@link #rsaPrivate}). Immutable: BC parameter objects are
 * not modified after construction. Equal when the private values are. {@code toString} never shows
 * key material.
 */
public final class SigningKey {

  private final KeyAlgorithm type;
  private final AsymmetricKeyParameter parameters;
  private final RSAPrivateKey jdkRsa;

  private SigningKey(KeyAlgorithm type, AsymmetricKeyParameter parameters) {
    this.type = type;
    this.parameters = parameters;
    this.jdkRsa = parameters instanceof RSAPrivateCrtKeyParameters crt ? JdkRsaPrivate.jdkKey(crt) : null;
  }

  /**
   * Converts an RSA or EC private key (any provider whose key has a PKCS#8 encoding).
   *
   * @throws IllegalArgumentException for other key types or an unreadable encoding: a bad local
   *     key is a configuration error, not a protocol event
   */
  public static SigningKey of(PrivateKey key) {
    byte[] pkcs8 = key.getEncoded();
    if (pkcs8 == null) {
      throw new IllegalArgumentException("private key has no PKCS#8 encoding: " + key.getAlgorithm());
    }
    AsymmetricKeyParameter p;
    try {
      p = PrivateKeyFactory.createKey(pkcs8);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("unreadable private key: " + e.getMessage(), e);
    }
    return of(p);
  }

  /** Wraps BouncyCastle parameters directly (RSA private or EC private). */
  public static SigningKey of(AsymmetricKeyParameter p) {
    if (p instanceof RSAKeyParameters rsa && rsa.isPrivate()) {
      return new SigningKey(KeyAlgorithm.RSA, rsa);
    }
    if (p instanceof ECPrivateKeyParameters ec) {
      return new SigningKey(KeyAlgorithm.EC, ec);
    }
    throw new IllegalArgumentException("unsupported private key " + p.getClass().getSimpleName());
  }

  public KeyAlgorithm type() {
    return type;
  }

  /** The BC parameters: {@link RSAKeyParameters} (private) or {@link ECPrivateKeyParameters}. */
  public AsymmetricKeyParameter parameters() {
    return parameters;
  }

  /**
   * An engine for this RSA key's private-key operation (signing encodings, premaster decryption):
   * the JDK's when available, else BouncyCastle's blinded engine. Initialise it with the
   * {@link #parameters()} (and a random, for BouncyCastle's blinding) as usual.
   */
  public AsymmetricBlockCipher rsaPrivate() {
    if (type != KeyAlgorithm.RSA) {
      throw new IllegalStateException("not an RSA key");
    }
    return jdkRsa != null ? JdkRsaPrivate.of(jdkRsa) : new RSABlindedEngine();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SigningKey k) || k.type != type) {
      return false;
    }
    if (parameters instanceof RSAKeyParameters a && k.parameters instanceof RSAKeyParameters b) {
      return a.getModulus().equals(b.getModulus()) && a.getExponent().equals(b.getExponent());
    }
    ECPrivateKeyParameters a = (ECPrivateKeyParameters) parameters;
    ECPrivateKeyParameters b = (ECPrivateKeyParameters) k.parameters;
    return a.getD().equals(b.getD()) && a.getParameters().equals(b.getParameters());
  }

  @Override
  public int hashCode() {
    return parameters instanceof RSAKeyParameters r ? r.getModulus().hashCode()
        : ((ECPrivateKeyParameters) parameters).getD().hashCode();
  }

  @Override
  public String toString() {
    return "SigningKey[" + type + "]";
  }
}
