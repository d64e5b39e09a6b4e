package dev.hslab.model.pki;

import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.TlsAlertException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.List;

/**
 * A chain that passed {@link ChainValidator}: the validated certificates (leaf first, up to but
 * not including the trust anchor), the anchor, and what the handshake needs of the leaf.
 *
 * @param path DER of the validated certificates, leaf first
 * @param anchor DER of the trust anchor the path ends at
 * @param leafPublicKey the leaf's SubjectPublicKeyInfo (RFC 5280 §4.1.2.7) as DER
 * @param leafSubject the leaf's subject, RFC 4514 style
 * @param leafMaySign keyUsage absent or has digitalSignature
 * @param leafMayEncipher keyUsage absent or has keyEncipherment
 */
public record ValidatedChain(List<Bytes> path, Bytes anchor, Bytes leafPublicKey,
    String leafSubject, boolean leafMaySign, boolean leafMayEncipher) {

  public ValidatedChain {
    path = List.copyOf(path);
  }

  /** The leaf's public key through the JDK's KeyFactory (RSA or EC). */
  public PublicKey publicKey() throws GeneralSecurityException {
    byte[] spki = leafPublicKey.toByteArray();
    GeneralSecurityException first = null;
    for (String alg : List.of("RSA", "EC")) {
      try {
        return KeyFactory.getInstance(alg).generatePublic(new X509EncodedKeySpec(spki));
      } catch (GeneralSecurityException e) {
        first = first == null ? e : first;
      }
    }
    throw first;
  }

  /**
   * Checks the leaf's keyUsage against how the server key is used: RSA key exchange encrypts the
   * premaster secret to it (keyEncipherment), (EC)DHE signs the parameters (digitalSignature);
   * RFC 5246 §7.4.2 requires the key usage to permit this.
   */
  public void requireUsableFor(KeyExchange keyExchange) throws TlsAlertException {
    boolean ok = keyExchange == KeyExchange.RSA ? leafMayEncipher : leafMaySign;
    if (!ok) {
      // RFC 5246 §7.2.2 unsupported_certificate: "a certificate was of an unsupported type".
      throw new TlsAlertException(AlertDescription.UNSUPPORTED_CERTIFICATE, "certificate 0 ("
          + leafSubject + "): keyUsage does not allow " + keyExchange.name() + " key exchange");
    }
  }
}
