package dev.hslab.bench;

import dev.hslab.model.crypto.RandomSource;
import dev.hslab.model.engine.EngineConfigBuilder;
import dev.hslab.model.pki.CertificateAuthority;
import dev.hslab.model.pki.ChainValidator;
import dev.hslab.model.pki.Identity;
import dev.hslab.model.pki.KeyType;
import dev.hslab.model.pki.Validity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pre-issued pools of identities, so that key generation (an RSA-2048 key costs tens to hundreds
 * of milliseconds) is never inside a measured operation, while each connection still presents its
 * own certificate: benchmarks cycle through a pool. Issued deterministically from a seeded
 * {@link RandomSource}; kept per process because every benchmark's setup needs the same pools.
 */
public final class Identities {

  public static final String SERVER_NAME = "server.bench.hslab.test";
  private static final long SEED = 9;
  private static final Validity VALIDITY = Validity.around(EngineConfigBuilder.SIMULATION_TIME, Duration.ofDays(365));
  private static final CertificateAuthority CA =
      CertificateAuthority.create(KeyType.ECDSA_P256, RandomSource.seeded(SEED).fork("ca"), VALIDITY);
  private static final Map<String, List<Identity>> POOLS = new ConcurrentHashMap<>();

  private Identities() {}

  /** The CA (ECDSA P-256 root and intermediate) that issued every pooled identity. */
  /**
   * One trust store for every model engine of a run, as a JSSE server or client holds one trust
   * manager for all its connections (the JSSE engines get one per factory, made in set-up).
   */
  private static final ChainValidator TRUST = CA.validator();

  public static ChainValidator trust() {
    return TRUST;
  }

  public static CertificateAuthority ca() {
    return CA;
  }

  /** {@code size} server identities of {@code type} for {@link #SERVER_NAME}. */
  public static List<Identity> servers(KeyType type, int size) {
    return pool("server", type, size);
  }

  /** {@code size} client identities of {@code type}. */
  public static List<Identity> clients(KeyType type, int size) {
    return pool("client", type, size);
  }

  private static List<Identity> pool(String role, KeyType type, int size) {
    List<Identity> all = POOLS.computeIfAbsent(role + "/" + type, k -> new ArrayList<>());
    synchronized (all) {
      RandomSource r = RandomSource.seeded(SEED).fork(role + "/" + type);
      while (all.size() < size) {
        int n = all.size();
        RandomSource rn = r.fork("#" + n);
        all.add(role.equals("server")
            ? CA.issueServer(SERVER_NAME, type, rn, VALIDITY)
            : CA.issueClient("client" + n + ".bench.hslab.test", type, rn, VALIDITY));
      }
      return List.copyOf(all.subList(0, size));
    }
  }
}
