package dev.hslab.model.pki;

import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.TlsAlertException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * The decoded public keys of the issuing certificates a validator has met, by their exact
 * SubjectPublicKeyInfo DER, least recently used dropped first. Equal bytes are the same key, so
 * reusing the decoded object changes no result; it only lets BouncyCastle keep the point
 * precomputation it attaches to a key that verifies many signatures (an intermediate CA signs
 * every leaf below it). Thread-safe: validators are shared.
 */
final class IssuerKeys {

  static final int CAPACITY = 64;

  private final Map<Bytes, AsymmetricKeyParameter> keys = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Bytes, AsymmetricKeyParameter> eldest) {
      return size() > CAPACITY;
    }
  };

  /** The key of {@code issuer}; a key that does not decode is a corrupt chain. */
  AsymmetricKeyParameter of(ParsedCert issuer, String subject) throws TlsAlertException {
    Bytes spki;
    AsymmetricKeyParameter key;
    try {
      spki = Bytes.wrap(issuer.cert().getSubjectPublicKeyInfo().getEncoded());
      synchronized (keys) {
        key = keys.get(spki);
      }
      if (key != null) {
        return key;
      }
      key = PublicKeyFactory.createKey(spki.toByteArray());
    } catch (IOException | RuntimeException e) {
      // RFC 5246 §7.2.2 bad_certificate: "A certificate was corrupt".
      throw new TlsAlertException(AlertDescription.BAD_CERTIFICATE, subject + ": issuer public key unreadable", e);
    }
    synchronized (keys) {
      keys.putIfAbsent(spki, key);
    }
    return key;
  }
}
