package dev.hslab.model.crypto.sig;

import java.io.IOException;
import java.security.PrivateKey;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;

/**
 * A private key converted once from JCA into BouncyCastle lightweight parameters, so signing and
 * RSA premaster decryption do no per-handshake conversion. Immutable: BC parameter objects are not
 * modified after construction. {@code toString} never shows key material.
 */
public final class SigningKey {

  private final KeyType type;
  private final AsymmetricKeyParameter parameters;

  private SigningKey(KeyType type, AsymmetricKeyParameter parameters) {
    this.type = type;
    this.parameters = parameters;
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
      return new SigningKey(KeyType.RSA, rsa);
    }
    if (p instanceof ECPrivateKeyParameters ec) {
      return new SigningKey(KeyType.EC, ec);
    }
    throw new IllegalArgumentException("unsupported private key " + p.getClass().getSimpleName());
  }

  public KeyType type() {
    return type;
  }

  /** The BC parameters: {@link RSAKeyParameters} (private) or {@link ECPrivateKeyParameters}. */
  public AsymmetricKeyParameter parameters() {
    return parameters;
  }

  @Override
  public String toString() {
    return "SigningKey[" + type + "]";
  }
}
