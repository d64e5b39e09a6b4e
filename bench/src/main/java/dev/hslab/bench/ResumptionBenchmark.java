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
import dev.hslab.real.JsseEngineFactory.SetUp;
import dev.hslab.real.JsseProvider;
import dev.hslab.real.JvmTlsPolicy;
import java.util.Optional;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Abbreviated handshakes per second (RFC 5246 section 7.3; tickets: RFC 5077), ECDHE_RSA
 * session, by session ID or by ticket. Setup runs one full handshake; every operation then
 * resumes that session, and is checked to be an abbreviated handshake. An abbreviated handshake
 * does no public-key operation, so the CA family does not matter: the ECDSA P-256 one. SunJSSE
 * and BCJSSE as in {@link HandshakeBenchmark}: set up as deployed, their own engines timed bare.
 */
public class ResumptionBenchmark extends ThroughputBenchmark {

  @Param({"id", "ticket"})
  public String by;

  @Param({"model", "jsse", "bcjsse"})
  public String engine;

  private static final Suite SUITE = Suite.ECDHE_RSA;
  private static final CaFamily CA = CaFamily.ECDSA_P256;
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
  private final BarePair bare = new BarePair(true);
  private byte[] certificatePart;

  @Setup(Level.Trial)
  public void setUp() throws SSLException {
    JvmTlsPolicy.enableLegacyTlsForThisJvm();
    server = Identities.servers(CA, SUITE.serverKey(), 1).get(0);
    tickets = by.equals("ticket");
    random = RandomSource.seeded(2).fork("resumption/" + by + "/" + engine);
    ticketKey = Bytes.wrap(random.fork("ticket-key").nextBytes(32));
    if (engine.equals("model")) {
      ModelEngine<?> client = ModelEngine.create(SUITE.client(CA, random.fork("first client"), null, tickets));
      Connections.handshake(client, ModelEngine.create(serverConfig(random.fork("first server"))), false);
      session = client.session();
    } else {
      JsseProvider p = engine.equals("jsse") ? JsseProvider.JSSE : JsseProvider.BCJSSE;
      serverFactory = JsseEngineFactory.create(p, serverConfig(random.fork("server")), SetUp.AS_DEPLOYED);
      clientFactory = JsseEngineFactory.create(p, SUITE.client(CA, random.fork("client"), null, tickets), SetUp.AS_DEPLOYED);
      byte[] leaf = server.leafDer().toByteArray();
      certificatePart = java.util.Arrays.copyOfRange(leaf, leaf.length - 64, leaf.length); // its signature's end
      bare.handshake(clientFactory.newSslEngine(Identities.SERVER_NAME, PORT), serverFactory.newSslEngine());
      if (!bare.serverSent(certificatePart)) {
        throw new IllegalStateException("the first handshake did not carry the server's certificate");
      }
    }
    resume();
  }

  private EngineConfig serverConfig(RandomSource r) {
    return SUITE.server(CA, r, server, cache, tickets, ticketKey);
  }

  @Benchmark
  public Object resume() throws SSLException {
    if (serverFactory != null) {
      SSLSession s = bare.handshake(clientFactory.newSslEngine(Identities.SERVER_NAME, PORT), serverFactory.newSslEngine());
      if (bare.serverSent(certificatePart)) {
        throw new IllegalStateException("expected an abbreviated handshake, the server sent its certificate");
      }
      return s;
    }
    RandomSource r = random.fork("connection#" + connections++);
    EngineConfig client = SUITE.client(CA, r.fork("client"), null, tickets, session);
    return Connections.handshake(ModelEngine.create(client), ModelEngine.create(serverConfig(r.fork("server"))), true);
  }
}
