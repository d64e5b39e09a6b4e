package dev.hslab.bench;

import dev.hslab.model.crypto.RandomSource;
import dev.hslab.model.engine.ModelEngine;
import dev.hslab.model.engine.SessionCache;
import dev.hslab.model.pki.Identity;
import dev.hslab.model.wire.Bytes;
import dev.hslab.real.JsseEngineFactory;
import dev.hslab.real.JsseEngineFactory.SetUp;
import dev.hslab.real.JsseProvider;
import dev.hslab.real.JvmTlsPolicy;
import java.security.cert.Certificate;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Full handshakes per second in memory (TLS 1.2, x25519), model engine vs SunJSSE vs BCJSSE, with
 * chains from an ECDSA P-256 or an RSA-2048 root and intermediate ({@link CaFamily}). Each
 * connection's server (and, with client authentication, client) presents the next certificate of
 * a pre-issued pool, and the client validates the server's chain.
 *
 * <p>Engines ({@code engine}):
 * <ul>
 *   <li>{@code model}: the model engine over the loopback, both configs and engines made per connection;
 *   <li>{@code jsse}, {@code bcjsse}: the peer as its users configure it: one factory per pooled
 *       identity made in set-up, as a server would ({@link SetUp#AS_DEPLOYED}: keys held in memory,
 *       the default trust manager), its own {@code SSLEngine}s timed bare ({@link BarePair}); clients
 *       connect to an unnamed peer, so they never offer to resume;
 *   <li>{@code jsse-bare}, {@code bcjsse-bare}: the same, set up by {@link DocumentedPeer} with the
 *       JDK's API alone: the reference that shows the peer rows are fair;
 *   <li>{@code jsse-adapter}, {@code bcjsse-adapter}: the peer's engines through our adapter
 *       ({@code JsseEngine}: record decoding, trace, alert inference) over the loopback, as the
 *       tools run them: the adapter's cost, in a row of its own.
 * </ul>
 */
public class HandshakeBenchmark extends ThroughputBenchmark {

  @Param({"ECDHE_RSA", "ECDHE_ECDSA", "RSA", "ECDHE_RSA_AUTH"})
  public Suite suite;

  @Param({"ECDSA_P256", "RSA_2048"})
  public CaFamily ca;

  @Param({"model", "jsse", "bcjsse", "jsse-bare", "bcjsse-bare", "jsse-adapter", "bcjsse-adapter"})
  public String engine;

  /** Identities per side to cycle through. */
  @Param({"16"})
  public int pool;

  /** How a peer engine pair is made and driven. */
  private interface Pair {
    Object handshake(int i) throws Exception;
  }

  private List<Identity> servers;
  private List<Identity> clients;
  private RandomSource random;
  private final SessionCache cache = new SessionCache(1024);
  private final Bytes ticketKey = Bytes.wrap(new byte[32]);
  private final BarePair bare = new BarePair();
  private byte[][] lastSessionIds;
  private Pair pair;
  private int next;
  private long connections;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    JvmTlsPolicy.enableLegacyTlsForThisJvm();
    servers = Identities.servers(ca, suite.serverKey(), pool);
    clients = suite.clientAuth() ? Identities.clients(ca, suite.clientKey(), pool) : null;
    random = RandomSource.seeded(1).fork("handshakes/" + suite + "/" + ca + "/" + engine);
    lastSessionIds = new byte[pool][];
    pair = switch (engine) {
      case "model" -> this::model;
      case "jsse", "bcjsse", "jsse-adapter", "bcjsse-adapter" -> deployed(
          JsseProvider.fromEngineName(engine.replace("-adapter", "")), engine.endsWith("-adapter"));
      case "jsse-bare", "bcjsse-bare" -> documented(JsseProvider.fromEngineName(engine.replace("-bare", "")));
      default -> throw new IllegalArgumentException("unknown engine " + engine);
    };
    handshake(); // fail in setup, not in the middle of a measurement
  }

  private Identity client(int i) {
    return clients == null ? null : clients.get(i);
  }

  @Benchmark
  public Object handshake() throws Exception {
    int i = next;
    next = (i + 1) % pool;
    return pair.handshake(i);
  }

  private Object model(int i) {
    RandomSource r = random.fork("connection#" + connections++); // fresh randoms per connection
    return Connections.handshake(
        ModelEngine.create(suite.client(ca, r.fork("client"), client(i), false)),
        ModelEngine.create(suite.server(ca, r.fork("server"), servers.get(i), cache, false, ticketKey)), false);
  }

  private Pair deployed(JsseProvider p, boolean adapter) {
    JsseEngineFactory[] serverFactories = new JsseEngineFactory[pool];
    JsseEngineFactory[] clientFactories = new JsseEngineFactory[pool];
    for (int i = 0; i < pool; i++) {
      serverFactories[i] = JsseEngineFactory.create(p,
          suite.server(ca, random.fork("s" + i), servers.get(i), cache, false, ticketKey), SetUp.AS_DEPLOYED);
      clientFactories[i] = JsseEngineFactory.create(p, suite.client(ca, random.fork("c" + i), client(i), false), SetUp.AS_DEPLOYED);
    }
    if (adapter) {
      return i -> Connections.handshake(clientFactories[i].newEngine(), serverFactories[i].newEngine(), false);
    }
    return i -> checked(i, bare.handshake(clientFactories[i].newSslEngine(), serverFactories[i].newSslEngine()));
  }

  private Pair documented(JsseProvider p) throws Exception {
    DocumentedPeer[] serverPeers = new DocumentedPeer[pool];
    DocumentedPeer[] clientPeers = new DocumentedPeer[pool];
    for (int i = 0; i < pool; i++) {
      serverPeers[i] = new DocumentedPeer(p, false, suite, servers.get(i), Identities.authority(ca).rootCertificate());
      clientPeers[i] = new DocumentedPeer(p, true, suite, client(i), Identities.authority(ca).rootCertificate());
    }
    return i -> checked(i, bare.handshake(clientPeers[i].newEngine(), serverPeers[i].newEngine()));
  }

  /**
   * A bare pair's handshake as expected: the suite, TLS 1.2, the pooled server's certificate, and a
   * new session (a full handshake; a resumed one would carry an earlier session's ID).
   */
  private SSLSession checked(int i, SSLSession s) throws SSLException {
    Certificate[] peer = s.getPeerCertificates();
    if (!s.getCipherSuite().equals(suite.ianaName()) || !s.getProtocol().equals("TLSv1.2")
        || !peer[0].equals(servers.get(i).leaf())) {
      throw new IllegalStateException("unexpected session " + s.getProtocol() + " " + s.getCipherSuite());
    }
    if (s.getId().length > 0 && Arrays.equals(s.getId(), lastSessionIds[i])) {
      throw new IllegalStateException("expected a full handshake, the session was resumed");
    }
    lastSessionIds[i] = s.getId();
    return s;
  }
}
