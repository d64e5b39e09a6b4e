package dev.hslab.bench;

import dev.hslab.actors.ConnectionResult;
import dev.hslab.actors.ConnectionSpec;
import dev.hslab.actors.NetworkOptions;
import dev.hslab.actors.Simulator;
import dev.hslab.model.crypto.RandomSource;
import dev.hslab.model.engine.Engine;
import dev.hslab.model.engine.ModelEngine;
import dev.hslab.model.engine.SessionCache;
import dev.hslab.model.handshake.Outcome;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.loopback.Loopback;
import dev.hslab.model.pki.Identity;
import dev.hslab.model.wire.Bytes;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Connections per second through the actors against the in-memory loopback (issue #9). One
 * invocation is a batch of {@link #BATCH} model-engine connections, each a full TLS 1.2
 * ECDHE_RSA handshake (AES-128-GCM, x25519, RSA-2048 server from the pool, chain validated) and
 * the client's close_notify, answered by the server's: without the close, an established
 * connection through the actors would end by its idle timer, which the loopback has no notion of.
 * JMH divides by the batch, so scores are connections per second.
 *
 * <p>Both paths make every connection's configurations and engines inside the measured batch and
 * read the outcome its trace recorded ({@link Outcome}): the loopback on the benchmark's thread, one
 * connection after another; the actors on the simulator's dispatcher (the benchmark's thread only
 * waits), all of the batch in flight at once. Every connection must be accounted for: lossless,
 * all established; lossy, established or failed cleanly (an alert or a timeout), never crashed or
 * left incomplete; anything else throws and fails the run.
 */
public class ActorsBenchmark extends ThroughputBenchmark {

  /** Connections per invocation: enough in flight to keep two dispatcher threads busy. */
  public static final int BATCH = 16;

  private static final Suite SUITE = Suite.ECDHE_RSA;
  private static final CaFamily CA = CaFamily.ECDSA_P256;
  private static final List<Loopback.Action> CLOSE = List.of(new Loopback.Action.Close(Side.CLIENT));
  private static final Set<Outcome.Kind> CLEAN_FAILURES =
      Set.of(Outcome.Kind.ALERT, Outcome.Kind.ALERT_RECEIVED, Outcome.Kind.TIMEOUT);

  @Param({"LOOPBACK", "LOSSLESS_1", "LOSSY_1", "LOSSLESS_2"})
  public ActorsRun run;

  /** Server identities to cycle through. */
  @Param({"16"})
  public int pool;

  /** How one batch ended; returned so that the work is not dead code. */
  public record Tally(int established, int failed) {}

  private List<Identity> servers;
  private RandomSource random;
  private final SessionCache cache = new SessionCache(1024);
  private final Bytes ticketKey = Bytes.wrap(new byte[32]);
  private NetworkOptions network;
  private Simulator simulator;
  private long connections;

  @Setup(Level.Trial)
  public void setUp() {
    servers = Identities.servers(CA, SUITE.serverKey(), pool);
    random = RandomSource.seeded(3).fork("actors/" + run.label());
    network = run.network();
    if (run.threads() > 0) {
      simulator = Simulator.start(Duration.ofMinutes(5), run.threads());
    }
    batch(); // fail in setup, not in the middle of a measurement
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    if (simulator != null) {
      simulator.close();
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public Tally batch() {
    long first = connections;
    connections += BATCH;
    if (simulator == null) {
      int established = 0;
      for (int i = 0; i < BATCH; i++) {
        Connection c = connection(first + i);
        if (Loopback.run(c.client(), c.server(), CLOSE).outcome().established()) {
          established++;
        }
      }
      return check(established, 0);
    }
    // Specs are built on the dispatcher when each connection starts: engine creation is measured there.
    List<ConnectionResult> results = simulator.runAll(BATCH, i -> {
      Connection c = connection(first + i - 1);
      return new ConnectionSpec(i, c.client(), c.server(), CLOSE, network, c.network());
    }, BATCH, false);
    int established = 0;
    int failed = 0;
    for (ConnectionResult r : results) {
      if (r.outcome().established()) {
        established++;
      } else if (CLEAN_FAILURES.contains(r.outcome().kind())) {
        failed++;
      } else {
        throw new IllegalStateException("connection " + r.index() + " ended " + r.outcome().code()
            + (r.crash() != null ? ": " + r.crash() : ""));
      }
    }
    return check(established, failed);
  }

  private Tally check(int established, int failed) {
    if (established + failed != BATCH || (failed > 0 && !run.lossy())) {
      throw new IllegalStateException(run.label() + ": of " + BATCH + " connections " + established
          + " established and " + failed + " failed");
    }
    return new Tally(established, failed);
  }

  private record Connection(Engine client, Engine server, RandomSource network) {}

  /** Connection k: its own randoms (engines and network), the next server identity of the pool. */
  private Connection connection(long k) {
    RandomSource r = random.fork("connection#" + k);
    return new Connection(ModelEngine.create(SUITE.client(CA, r.fork("client"), null, false)),
        ModelEngine.create(SUITE.server(CA, r.fork("server"), servers.get((int) (k % pool)), cache, false, ticketKey)),
        r.fork("network"));
  }
}
