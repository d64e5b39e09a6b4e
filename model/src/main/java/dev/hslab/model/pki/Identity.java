package dev.hslab.model.pki;

import dev.hslab.model.crypto.sig.SigningKey;
import dev.hslab.model.wire.Bytes;
import java.io.IOException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * A certificate chain and the leaf's private key: what a TLS endpoint presents. The chain is leaf
 * first, each certificate certified by the next (RFC 5246 §7.4.2), as sent in a Certificate
 * message; the self-signed root is not part of it (that section lets it be omitted, and the peer
 * must have it already). {@link #chainDer()} holds the same certificates as DER.
 *
 * <p>Issuing RSA keys is slow; an Identity is an immutable value, so callers issue it once and
 * reuse it across connections, or save it with {@link #save} and {@link #load} it later. It holds
 * the key converted for signing ({@code signingKey}: {@code privateKey} converted, or null if no
 * handshake can sign with its type) too, so connections do not convert it again.
 */
public record Identity(List<X509Certificate> chain, List<Bytes> chainDer, PrivateKey privateKey, SigningKey signingKey) {

  public Identity(List<X509Certificate> chain, List<Bytes> chainDer, PrivateKey privateKey) {
    this(chain, chainDer, privateKey, signingKeyOrNull(privateKey));
  }

  /** {@code privateKey} converted, or null for a key type the handshake cannot sign with (refused when used). */
  private static SigningKey signingKeyOrNull(PrivateKey privateKey) {
    try {
      return SigningKey.of(Objects.requireNonNull(privateKey, "privateKey"));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The key converted for signing; converting (and failing) now if its type is not one we sign with. */
  public SigningKey signer() {
    return signingKey != null ? signingKey : SigningKey.of(privateKey);
  }

  public Identity {
    chain = List.copyOf(chain);
    chainDer = List.copyOf(chainDer);
    Objects.requireNonNull(privateKey, "privateKey");
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("empty certificate chain");
    }
    if (chain.size() != chainDer.size()) {
      throw new IllegalArgumentException("chain and chainDer differ in length");
    }
    for (int i = 0; i < chain.size(); i++) {
      if (!Jca.encoded(chain.get(i)).equals(chainDer.get(i))) {
        throw new IllegalArgumentException("chainDer[" + i + "] is not the encoding of chain[" + i + "]");
      }
    }
    SubjectPublicKeyInfo leafKey =
        SubjectPublicKeyInfo.getInstance(chain.get(0).getPublicKey().getEncoded());
    if (!Jca.matches(privateKey, leafKey)) {
      throw new IllegalArgumentException("the private key does not belong to the leaf "
          + chain.get(0).getSubjectX500Principal().getName());
    }
  }

  /** An identity from JCA certificates (leaf first) and the leaf's key. */
  public static Identity of(List<X509Certificate> chain, PrivateKey privateKey) {
    return new Identity(chain, chain.stream().map(Jca::encoded).toList(), privateKey);
  }

  public X509Certificate leaf() {
    return chain.get(0);
  }

  public Bytes leafDer() {
    return chainDer.get(0);
  }

  /** The private key as PKCS#8 DER (RFC 5208 §5), e.g. for BouncyCastle's PrivateKeyFactory. */
  public Bytes privateKeyPkcs8() {
    return Bytes.wrap(privateKey.getEncoded());
  }

  /** Writes the chain (leaf first) and the PKCS#8 key as PEM, the layout openssl s_server takes. */
  public void save(Path chainFile, Path keyFile) throws IOException {
    Pem.writeCertificates(chainFile, chain);
    Pem.writePrivateKey(keyFile, privateKey);
  }

  /** Reads what {@link #save} wrote (or any PEM chain and key); errors name the file. */
  public static Identity load(Path chainFile, Path keyFile) throws IOException {
    List<X509Certificate> certs = Pem.readCertificates(chainFile);
    PrivateKey key = Pem.readPrivateKey(keyFile);
    try {
      return of(certs, key);
    } catch (IllegalArgumentException e) {
      throw new PemException(keyFile + ": " + e.getMessage() + " in " + chainFile);
    }
  }
}
