package dev.hslab.model.crypto.sig;

import java.io.IOException;
import java.security.PublicKey;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;

/**
 * A public key (from a peer's certificate) converted once into BouncyCastle parameters, for
 * signature verification and RSA premaster encryption. Immutable.
 */
public final class VerifyingKey {

  private final KeyAlgorithm type;
  private final AsymmetricKeyParameter parameters;

  private VerifyingKey(KeyAlgorithm type, AsymmetricKeyParameter parameters) {
    this.type = type;
    this.parameters = parameters;
  }

  /**
   * Converts an RSA or EC public key (X.509 SubjectPublicKeyInfo encoding).
   *
   * @throws IllegalArgumentException for other key types or an unreadable encoding
   */
  public static VerifyingKey of(PublicKey key) {
    byte[] spki = key.getEncoded();
    if (spki == null) {
      throw new IllegalArgumentException("public key has no X.509 encoding: " + key.getAlgorithm());
    }
    try {
      return of(PublicKeys.decode(spki));
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("unreadable public key: " + e.getMessage(), e);
    }
  }

  /** Wraps BouncyCastle parameters directly (RSA public or EC public). */
  public static VerifyingKey of(AsymmetricKeyParameter p) {
    if (p instanceof RSAKeyParameters rsa && !rsa.isPrivate()) {
      return new VerifyingKey(KeyAlgorithm.RSA, rsa);
    }
    if (p instanceof ECPublicKeyParameters ec) {
      return new VerifyingKey(KeyAlgorithm.EC, ec);
    }
    throw new IllegalArgumentException("unsupported public key " + p.getClass().getSimpleName());
  }

  public KeyAlgorithm type() {
    return type;
  }

  /** The BC parameters: {@link RSAKeyParameters} (public) or {@link ECPublicKeyParameters}. */
  public AsymmetricKeyParameter parameters() {
    return parameters;
  }

  @Override
  public String toString() {
    return "VerifyingKey[" + type + "]";
  }
}
