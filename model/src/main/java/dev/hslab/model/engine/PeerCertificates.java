package dev.hslab.model.engine;

import dev.hslab.model.crypto.sig.KeyAlgorithm;
import dev.hslab.model.crypto.sig.PublicKeys;
import dev.hslab.model.crypto.sig.VerifyingKey;
import dev.hslab.model.pki.PeerRole;
import dev.hslab.model.pki.ValidatedChain;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.TlsAlertException;
import java.io.IOException;
import java.util.List;
import org.bouncycastle.asn1.x509.Certificate;

/** Validates a peer's chain (or, when told not to, only reads its key) and yields the leaf's key. */
final class PeerCertificates {

  private PeerCertificates() {}

  /** The server's key for {@code kex}, checked against the client's trust anchors and name. */
  static VerifyingKey server(EngineConfig config, List<Bytes> chain, KeyExchange kex) throws TlsAlertException {
    VerifyingKey key = validate(config, chain, PeerRole.server(config.serverName()), kex);
    // RFC 5246 §7.4.2 / RFC 8422 §5.3: the certificate's key must suit the key exchange.
    boolean wantRsa = kex.authentication() == KeyExchange.Authentication.RSA;
    if ((key.type() == KeyAlgorithm.RSA) != wantRsa) {
      throw new TlsAlertException(AlertDescription.UNSUPPORTED_CERTIFICATE,
          "server certificate has a " + key.type() + " key, " + kex.ianaName() + " needs " + (wantRsa ? "RSA" : "EC"));
    }
    return key;
  }

  /** The client's key (RFC 5246 §7.4.6). */
  static VerifyingKey client(EngineConfig config, List<Bytes> chain) throws TlsAlertException {
    return validate(config, chain, PeerRole.client(), null);
  }

  private static VerifyingKey validate(EngineConfig config, List<Bytes> chain, PeerRole role, KeyExchange kex)
      throws TlsAlertException {
    if (chain.isEmpty()) {
      throw new TlsAlertException(AlertDescription.HANDSHAKE_FAILURE, "Certificate: empty chain");
    }
    if (config.verifyPeer()) {
      ValidatedChain v = config.trust().validate(chain, role, config.now());
      if (kex != null) {
        v.requireUsableFor(kex);
      }
      return keyOf(v.leafPublicKey());
    }
    try {
      return keyOf(Bytes.wrap(Certificate.getInstance(chain.get(0).toByteArray()).getSubjectPublicKeyInfo().getEncoded()));
    } catch (IOException | RuntimeException e) {
      throw new TlsAlertException(AlertDescription.BAD_CERTIFICATE, "certificate 0: unparsable: " + e.getMessage());
    }
  }

  private static VerifyingKey keyOf(Bytes spki) throws TlsAlertException {
    try {
      return VerifyingKey.of(PublicKeys.decode(spki.toByteArray()));
    } catch (IOException | RuntimeException e) {
      throw new TlsAlertException(AlertDescription.UNSUPPORTED_CERTIFICATE, "certificate 0: unsupported key: " + e.getMessage());
    }
  }
}
