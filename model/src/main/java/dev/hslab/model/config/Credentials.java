package dev.hslab.model.config;

import dev.hslab.model.crypto.RandomSource;
import dev.hslab.model.engine.EngineConfigBuilder;
import dev.hslab.model.handshake.ClientCertificate;
import dev.hslab.model.pki.CertificateAuthority;
import dev.hslab.model.pki.ChainValidator;
import dev.hslab.model.pki.Identity;
import dev.hslab.model.pki.KeyType;
import dev.hslab.model.pki.Validity;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The certificates of a simulated run, issued by a built-in CA from a seed: the same seed gives
 * the same certificates, byte for byte; {@code trust} trusts the CA's root, shared by every
 * connection. Issued once per seed per process (RSA key generation
 * costs a second), then shared: they are immutable.
 */
public record Credentials(
    CertificateAuthority ca, Identity serverRsa, Identity serverEcdsa, Identity clientRsa, Identity clientEcdsa,
    ChainValidator trust) {

  public static final String SERVER_NAME = "server.hslab.test";
  private static final Map<Long, Credentials> ISSUED = new ConcurrentHashMap<>();

  /** The credentials for {@code seed}, valid around the simulation's fixed time. */
  public static Credentials forSeed(long seed) {
    return ISSUED.computeIfAbsent(seed, Credentials::issue);
  }

  private static Credentials issue(long seed) {
    RandomSource r = RandomSource.seeded(seed).fork("credentials");
    Validity v = Validity.around(EngineConfigBuilder.SIMULATION_TIME, Duration.ofDays(365));
    CertificateAuthority ca = CertificateAuthority.create(KeyType.ECDSA_P256, r.fork("ca"), v);
    return new Credentials(ca,
        ca.issueServer(SERVER_NAME, KeyType.RSA_2048, r.fork("server-rsa"), v),
        ca.issueServer(SERVER_NAME, KeyType.ECDSA_P256, r.fork("server-ecdsa"), v),
        ca.issueClient("client.hslab.test", KeyType.RSA_2048, r.fork("client-rsa"), v),
        ca.issueClient("client.hslab.test", KeyType.ECDSA_P256, r.fork("client-ecdsa"), v),
        ca.validator());
  }

  public Identity client(ClientCertificate which) {
    return switch (which) {
      case RSA -> clientRsa;
      case ECDSA -> clientEcdsa;
      case NONE -> null;
    };
  }
}
