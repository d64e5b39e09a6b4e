package dev.hslab.real;

import dev.hslab.model.crypto.RandomSource;
import dev.hslab.model.engine.EngineConfigBuilder;
import dev.hslab.model.pki.CertificateAuthority;
import dev.hslab.model.pki.Identity;
import dev.hslab.model.pki.KeyType;
import dev.hslab.model.pki.Validity;
import java.time.Duration;

/**
 * One seeded CA and the identities the real-engine tests use, made once per JVM (RSA key
 * generation is slow). TLS 1.0/1.1 and the anonymous suites are enabled for the test JVM by
 * {@link LegacyTlsPolicyExtension}, before every test class.
 */
final class TestPki {

  static final String HOST = "server.hslab.test";
  static final Validity VALIDITY = Validity.around(EngineConfigBuilder.SIMULATION_TIME, Duration.ofDays(3650));

  static final CertificateAuthority CA =
      CertificateAuthority.create(KeyType.ECDSA_P256, RandomSource.seeded(41).fork("ca"), VALIDITY);
  static final Identity SERVER_RSA = CA.issueServer(HOST, KeyType.RSA_2048, RandomSource.seeded(42), VALIDITY);
  static final Identity SERVER_EC = CA.issueServer(HOST, KeyType.ECDSA_P256, RandomSource.seeded(43), VALIDITY);
  static final Identity CLIENT_RSA = CA.issueClient("client-rsa", KeyType.RSA_2048, RandomSource.seeded(44), VALIDITY);
  static final Identity CLIENT_EC = CA.issueClient("client-ec", KeyType.ECDSA_P256, RandomSource.seeded(45), VALIDITY);

  /** Another CA's server identity: a chain the clients do not trust. */
  static final Identity STRANGER = CertificateAuthority
      .create("Stranger", KeyType.ECDSA_P256, RandomSource.seeded(46), VALIDITY)
      .issueServer(HOST, KeyType.ECDSA_P256, RandomSource.seeded(47), VALIDITY);

  private TestPki() {}

  static void init() {
    // Touching the class runs the static initializer.
  }
}
