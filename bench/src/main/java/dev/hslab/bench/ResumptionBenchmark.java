package dev.hslab.bench;

import dev.hslab.model.crypto.RandomSource;
import dev.hslab.model.engine.EngineConfig;
import dev.hslab.model.engine.ModelEngine;
import dev.hslab.model.engine.Negotiated;
import dev.hslab.model.engine.Session;
import dev.hslab.model.engine.SessionCache;
import dev.hslab.model.pki.Identity;
import dev.hslab.model.wire.Bytes;
import dev.hslab.real.JsseEngineFactory;
import dev.hslab.real.JsseProvider;
import dev.hslab.real.JvmTlsPolicy;
import java.util.Optional;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Abbreviated handshakes per second (RFC 5246 section 7.3; tickets: RFC 5077), ECDHE_RSA
 * session, by session ID or by ticket. Setup runs one full handshake; every operation then
 * resumes that session, and is checked to be an abbreviated handshake.
 */
public class ResumptionBenchmark extends ThroughputBenchmark {

  @Param({"id", "ticket"})
  public String by;

  @Param({"model", "jsse", "bcjsse"})
  public String engine;

  private static final Suite SUITE = Suite.ECDHE_RSA;
  private static final int PORT = 443;
  private Identity server;
  private boolean tickets;
  private RandomSource random;
  private final SessionCache cache = new SessionCache(1024);
  private Bytes ticketKey;
  private JsseEngineFactory serverFactory;
  private JsseEngineFactory clientFactory;
  private Optional<Session> session;
  private long connections;

  @Setup(Level.Trial)
  public void setUp() {
    JvmTlsPolicy.enableLegacyTlsForThisJvm();
    server = Identities.servers(SUITE.serverKey(), 1).get(0);
    tickets = by.equals("ticket");
    random = RandomSource.seeded(2).fork("resumption/" + by + "/" + engine);
    ticketKey = Bytes.wrap(random.fork("ticket-key").nextBytes(32));
    if (engine.equals("model")) {
      ModelEngine<?> client = ModelEngine.create(SUITE.client(random.fork("first client"), null, tickets));
      Connections.handshake(client, ModelEngine.create(serverConfig(random.fork("first server"))), false);
      session = client.session();
    } else {
      JsseProvider p = engine.equals("jsse") ? JsseProvider.JSSE : JsseProvider.BCJSSE;
      serverFactory = JsseEngineFactory.create(p, serverConfig(random.fork("server")));
      clientFactory = JsseEngineFactory.create(p, SUITE.client(random.fork("client"), null, tickets));
      Connections.handshake(clientFactory.newEngine(Identities.SERVER_NAME, PORT), serverFactory.newEngine(), false);
    }
    resume();
  }

  private EngineConfig serverConfig(RandomSource r) {
    return SUITE.server(r, server, cache, tickets, ticketKey);
  }

  @Benchmark
  public Negotiated resume() {
    if (serverFactory != null) {
      return Connections.handshake(clientFactory.newEngine(Identities.SERVER_NAME, PORT), serverFactory.newEngine(), true);
    }
    RandomSource r = random.fork("connection#" + connections++);
    EngineConfig client = SUITE.client(r.fork("client"), null, tickets, session);
    return Connections.handshake(ModelEngine.create(client), ModelEngine.create(serverConfig(r.fork("server"))), true);
  }
}
