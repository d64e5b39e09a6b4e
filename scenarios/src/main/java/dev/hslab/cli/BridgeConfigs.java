package dev.hslab.cli;

import dev.hslab.model.config.Credentials;
import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.crypto.RandomSource;
import dev.hslab.model.engine.EngineConfig;
import dev.hslab.model.engine.EngineConfigBuilder;
import dev.hslab.model.engine.SessionCache;
import dev.hslab.model.handshake.ClientCertificate;
import dev.hslab.model.handshake.Resumption;
import dev.hslab.model.pki.CertificateAuthority;
import dev.hslab.model.pki.Identity;
import dev.hslab.model.pki.KeyType;
import dev.hslab.model.pki.Pem;
import dev.hslab.model.pki.Validity;
import dev.hslab.model.wire.Bytes;
import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Engine configurations for the TCP bridge ({@code connect}, {@code serve}) from docs/cli.md's
 * config flags and PEM files. Outside simulation: a real SecureRandom and the real clock
 * (docs/architecture.md principle 3), so no two runs share keys.
 */
final class BridgeConfigs {

  /** The name the built-in CA's server certificates carry. */
  static final String SERVER_NAME = Credentials.SERVER_NAME;

  private BridgeConfigs() {}

  /** The model client: trusts {@code ca} (else the anchors of {@code fallback}); a client certificate if given. */
  static EngineConfig client(HandshakeConfig hc, String serverName, List<X509Certificate> anchors, Identity identity,
      boolean insecure) {
    EngineConfigBuilder b = EngineConfig.client(RandomSource.secure())
        .versions(hc.clientMin(), hc.clientMax())
        .cipherSuites(hc.effectiveSuites())
        .trustAnchors(anchors)
        .serverName(serverName)
        .verifyPeer(!insecure)
        .tickets(hc.resumption() == Resumption.TICKET)
        .now(Instant.now());
    if (identity != null) {
      b.identities(List.of(identity));
    }
    return b.build();
  }

  /** The model server with {@code identities}; all connections share {@code cache}. */
  static EngineConfig server(HandshakeConfig hc, List<Identity> identities, List<X509Certificate> anchors,
      SessionCache cache) {
    RandomSource random = RandomSource.secure();
    return EngineConfig.server(random)
        .versions(hc.serverMin(), hc.serverMax())
        .cipherSuites(EngineConfigBuilder.byPreference(hc.effectiveSuites()))
        .identities(identities)
        .trustAnchors(anchors)
        .serverName(SERVER_NAME)
        .clientAuth(hc.clientAuth())
        .tickets(hc.resumption() == Resumption.TICKET)
        .ticketKey(Bytes.wrap(random.fork("ticket-key").nextBytes(32)))
        .sessionCache(cache)
        .now(Instant.now())
        .build();
  }

  /** A fresh CA valid around now, with an RSA and an ECDSA server identity for {@link #SERVER_NAME}. */
  record Issued(CertificateAuthority ca, List<Identity> servers) {}

  static Issued issue() {
    RandomSource r = RandomSource.secure();
    Validity v = Validity.around(Instant.now(), Duration.ofDays(30));
    CertificateAuthority ca = CertificateAuthority.create(KeyType.ECDSA_P256, r.fork("ca"), v);
    return new Issued(ca, List.of(ca.issueServer(SERVER_NAME, KeyType.RSA_2048, r.fork("rsa"), v),
        ca.issueServer(SERVER_NAME, KeyType.ECDSA_P256, r.fork("ecdsa"), v)));
  }

  static List<X509Certificate> anchors(Path file, String flag) throws UsageException {
    try {
      List<X509Certificate> certs = Pem.readCertificates(file);
      if (certs.isEmpty()) {
        throw new UsageException(flag + ": no certificate in " + file);
      }
      return certs;
    } catch (IOException e) {
      throw new UsageException(flag + ": " + e.getMessage());
    }
  }

  static Identity identity(Path cert, Path key) throws UsageException {
    if ((cert == null) != (key == null)) {
      throw new UsageException("--cert and --key go together");
    }
    if (cert == null) {
      return null;
    }
    try {
      return Identity.load(cert, key);
    } catch (IOException | RuntimeException e) {
      throw new UsageException("--cert/--key: " + e.getMessage());
    }
  }

  /** The built-in client identity for {@code --client-cert rsa|ecdsa} without files (seeded test credentials). */
  static Identity builtInClient(HandshakeConfig hc) {
    return hc.clientCertificate() == ClientCertificate.NONE ? null : Credentials.forSeed(hc.seed()).client(hc.clientCertificate());
  }
}
