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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pre-issued pools of identities, so that key generation (an RSA-2048 key costs tens to hundreds
 * of milliseconds) is never inside a measured operation, while each connection still presents its
 * own certificate: benchmarks cycle through a pool. One CA (root and intermediate) per
 * {@link CaFamily}. Issued deterministically from a seeded {@link RandomSource}; kept per process
 * because every benchmark's setup needs the same pools.
 */
public final class Identities {

  public static final String SERVER_NAME = "server.bench.hslab.test";
  private static final long SEED = 9;
  /**
   * From the simulation's instant, at which the model engine validates, for twenty years: the
   * peers set up as deployed validate at the current time (their default trust manager).
   */
  private static final Validity VALIDITY =
      Validity.around(EngineConfigBuilder.SIMULATION_TIME, Duration.ofDays(20 * 365));
  private static final Map<CaFamily, Ca> CAS = new EnumMap<>(CaFamily.class);
  private static final Map<String, List<Identity>> POOLS = new ConcurrentHashMap<>();

  /**
   * A CA and its trust store, one for every model engine of a run, as a JSSE server or client
   * holds one trust manager for all its connections (the JSSE engines get one per factory, made
   * in set-up).
   */
  private record Ca(CertificateAuthority authority, ChainValidator trust) {}

  private Identities() {}

  private static Ca ca(CaFamily family) {
    synchronized (CAS) {
      return CAS.computeIfAbsent(family, f -> {
        // The ECDSA CA keeps the seed stream it had before the RSA one existed.
        String stream = f == CaFamily.ECDSA_P256 ? "ca" : "ca/" + f;
        CertificateAuthority a = CertificateAuthority.create(f.keyType(), RandomSource.seeded(SEED).fork(stream), VALIDITY);
        return new Ca(a, a.validator());
      });
    }
  }

  /** The model engines' trust store for {@code family}'s root. */
  public static ChainValidator trust(CaFamily family) {
    return ca(family).trust();
  }

  /** The root and intermediate of {@code family}. */
  public static CertificateAuthority authority(CaFamily family) {
    return ca(family).authority();
  }

  /** {@code size} server identities of {@code type} for {@link #SERVER_NAME}, issued by {@code family}'s CA. */
  public static List<Identity> servers(CaFamily family, KeyType type, int size) {
    return pool(family, "server", type, size);
  }

  /** {@code size} client identities of {@code type}, issued by {@code family}'s CA. */
  public static List<Identity> clients(CaFamily family, KeyType type, int size) {
    return pool(family, "client", type, size);
  }

  private static List<Identity> pool(CaFamily family, String role, KeyType type, int size) {
    CertificateAuthority ca = ca(family).authority();
    List<Identity> all = POOLS.computeIfAbsent(family + "/" + role + "/" + type, k -> new ArrayList<>());
    synchronized (all) {
      RandomSource r = RandomSource.seeded(SEED).fork(family == CaFamily.ECDSA_P256 ? role + "/" + type : family + "/" + role + "/" + type);
      while (all.size() < size) {
        int n = all.size();
        RandomSource rn = r.fork("#" + n);
        all.add(role.equals("server")
            ? ca.issueServer(SERVER_NAME, type, rn, VALIDITY)
            : ca.issueClient("client" + n + ".bench.hslab.test", type, rn, VALIDITY));
      }
      return List.copyOf(all.subList(0, size));
    }
  }
}
