package dev.hslab.model.engine;

import dev.hslab.model.crypto.RandomSource;
import dev.hslab.model.pki.CertificateAuthority;
import dev.hslab.model.pki.Identity;
import dev.hslab.model.pki.KeyType;
import dev.hslab.model.pki.Validity;
import java.time.Duration;

/** One seeded CA and its identities, issued once per test JVM (RSA key generation is slow). */
public final class TestPki {

  public static final String SERVER_NAME = "server.hslab.test";
  private static final Validity VALIDITY = Validity.around(EngineConfigBuilder.SIMULATION_TIME, Duration.ofDays(365));
  private static TestPki instance;

  public final CertificateAuthority ca;
  public final Identity serverRsa;
  public final Identity serverEcdsa;
  public final Identity clientRsa;
  public final Identity clientEcdsa;

  private TestPki() {
    RandomSource r = RandomSource.seeded(42);
    ca = CertificateAuthority.create(KeyType.ECDSA_P256, r.fork("ca"), VALIDITY);
    serverRsa = ca.issueServer(SERVER_NAME, KeyType.RSA_2048, r.fork("server-rsa"), VALIDITY);
    serverEcdsa = ca.issueServer(SERVER_NAME, KeyType.ECDSA_P256, r.fork("server-ecdsa"), VALIDITY);
    clientRsa = ca.issueClient("client", KeyType.RSA_2048, r.fork("client-rsa"), VALIDITY);
    clientEcdsa = ca.issueClient("client", KeyType.ECDSA_P256, r.fork("client-ecdsa"), VALIDITY);
  }

  public static synchronized TestPki get() {
    if (instance == null) {
      instance = new TestPki();
    }
    return instance;
  }
}
