package dev.hslab.bench;

import dev.hslab.model.crypto.RandomSource;
import dev.hslab.model.engine.ModelEngine;
import dev.hslab.model.engine.Negotiated;
import dev.hslab.model.engine.SessionCache;
import dev.hslab.model.pki.Identity;
import dev.hslab.model.pki.KeyType;
import dev.hslab.model.wire.Bytes;
import dev.hslab.real.JsseEngineFactory;
import dev.hslab.real.JsseProvider;
import dev.hslab.real.JvmTlsPolicy;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Full handshakes per second in memory (TLS 1.2, x25519), model engine vs SunJSSE vs BCJSSE.
 * Each connection's server (and, with client authentication, client) presents the next
 * certificate of a pre-issued pool, and the client validates the server's chain. The real
 * engines' factories (one SSLContext per identity) are made in setup, as a server would; their
 * clients connect to an unnamed peer, so they never offer to resume.
 */
public class HandshakeBenchmark extends ThroughputBenchmark {

  @Param({"ECDHE_RSA", "ECDHE_ECDSA", "RSA", "ECDHE_RSA_AUTH"})
  public Suite suite;

  @Param({"model", "jsse", "bcjsse"})
  public String engine;

  /** Identities per side to cycle through. */
  @Param({"16"})
  public int pool;

  private List<Identity> servers;
  private List<Identity> clients;
  private JsseEngineFactory[] serverFactories;
  private JsseEngineFactory[] clientFactories;
  private RandomSource random;
  private final SessionCache cache = new SessionCache(1024);
  private final Bytes ticketKey = Bytes.wrap(new byte[32]);
  private int next;
  private long connections;

  @Setup(Level.Trial)
  public void setUp() {
    JvmTlsPolicy.enableLegacyTlsForThisJvm();
    servers = Identities.servers(suite.serverKey(), pool);
    clients = suite.clientAuth() ? Identities.clients(KeyType.RSA_2048, pool) : null;
    random = RandomSource.seeded(1).fork("handshakes/" + suite + "/" + engine);
    if (!engine.equals("model")) {
      JsseProvider p = engine.equals("jsse") ? JsseProvider.JSSE : JsseProvider.BCJSSE;
      serverFactories = new JsseEngineFactory[pool];
      clientFactories = new JsseEngineFactory[pool];
      for (int i = 0; i < pool; i++) {
        serverFactories[i] = JsseEngineFactory.create(p, suite.server(random.fork("s" + i), servers.get(i), cache, false, ticketKey));
        clientFactories[i] = JsseEngineFactory.create(p, suite.client(random.fork("c" + i), client(i), false));
      }
    }
    handshake(); // fail in setup, not in the middle of a measurement
  }

  private Identity client(int i) {
    return clients == null ? null : clients.get(i);
  }

  @Benchmark
  public Negotiated handshake() {
    int i = next;
    next = (i + 1) % pool;
    if (serverFactories != null) {
      return Connections.handshake(clientFactories[i].newEngine(), serverFactories[i].newEngine(), false);
    }
    RandomSource r = random.fork("connection#" + connections++); // fresh randoms per connection
    return Connections.handshake(
        ModelEngine.create(suite.client(r.fork("client"), client(i), false)),
        ModelEngine.create(suite.server(r.fork("server"), servers.get(i), cache, false, ticketKey)), false);
  }
}
