package dev.hslab.model.pki;

import dev.hslab.model.crypto.sig.PublicKeys;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.TlsAlertException;
import java.io.IOException;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

/**
 * The decoded public keys of the issuing certificates a validator has met, by the certificates'
 * exact DER, least recently used dropped first. Equal bytes are the same key, so reusing the
 * decoded object changes no result; it only lets BouncyCastle keep the point
 * precomputation it attaches to a key that verifies many signatures (an intermediate CA signs
 * every leaf below it). Thread-safe: validators are shared.
 */
final class IssuerKeys {

  static final int CAPACITY = 64;

  private final Lru<Bytes, AsymmetricKeyParameter> keys = new Lru<>(CAPACITY);

  /** The key of {@code issuer}; a key that does not decode is a corrupt chain. */
  AsymmetricKeyParameter of(ParsedCert issuer, String subject) throws TlsAlertException {
    // By the certificate's exact bytes, which are at hand, rather than its key's, which would
    // have to be encoded again for every chain.
    AsymmetricKeyParameter key = keys.get(issuer.der());
    if (key != null) {
      return key;
    }
    try {
      key = PublicKeys.decode(issuer.cert().getSubjectPublicKeyInfo().getEncoded());
    } catch (IOException | RuntimeException e) {
      // RFC 5246 §7.2.2 bad_certificate: "A certificate was corrupt".
      throw new TlsAlertException(AlertDescription.BAD_CERTIFICATE, subject + ": issuer public key unreadable", e);
    }
    return keys.putIfAbsent(issuer.der(), key);
  }
}
