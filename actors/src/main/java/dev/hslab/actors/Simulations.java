package dev.hslab.actors;

import dev.hslab.model.config.Credentials;
import dev.hslab.model.config.EngineConfigs;
import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.crypto.RandomSource;
import dev.hslab.model.engine.Engine;
import dev.hslab.model.engine.ModelEngine;
import dev.hslab.model.engine.Session;
import dev.hslab.model.engine.SessionCache;
import dev.hslab.model.handshake.Resumption;
import dev.hslab.model.loopback.Loopback;
import dev.hslab.model.loopback.LoopbackRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Simulations of a {@link HandshakeConfig} through the actors over a faulty network: what
 * {@code hslab run} needs ({@link #run}), and many clients against one server ({@link #many}).
 */
public final class Simulations {

  private Simulations() {}

  /**
   * {@code hslab run} through the actors: like {@link LoopbackRun#run} (a first connection, a
   * resumed second one when the configuration asks; data both ways, the renegotiation if any, and
   * close_notify on the last), with the network's faults. Starts and closes its own simulator.
   */
  public static List<LoopbackRun.Connection> run(HandshakeConfig hc, NetworkOptions network) {
    try (Simulator sim = Simulator.start()) {
      return connections(sim, hc, network, EngineFactory.MODEL, EngineFactory.MODEL).stream()
          .map(ConnectionResult::toConnection).toList();
    }
  }

  /**
   * The connections of one {@code run}, one after the other (the second resumes the first's
   * session, which only the model engine's client exposes; with another client engine the second
   * connection offers no session).
   */
  public static List<ConnectionResult> connections(Simulator sim, HandshakeConfig hc, NetworkOptions network,
      EngineFactory clients, EngineFactory servers) {
    Credentials creds = Credentials.forSeed(hc.seed());
    SessionCache cache = new SessionCache(1024);
    int count = hc.resumption() == Resumption.NONE ? 1 : 2;
    List<ConnectionResult> out = new ArrayList<>();
    Optional<Session> resume = Optional.empty();
    for (int n = 1; n <= count; n++) {
      Engine client = clients.create(EngineConfigs.client(hc, creds, n, resume));
      Engine server = servers.create(EngineConfigs.server(hc, creds, n, cache));
      ConnectionResult r = sim.run(new ConnectionSpec(n, client, server, script(hc, n == count), network,
          networkRandom(hc.seed(), n)));
      out.add(r);
      if (client.negotiated().isEmpty()) {
        break; // the first connection failed: nothing to resume
      }
      // A real client engine resumes through its own context; the model client offers its session.
      resume = sessionOf(client);
    }
    return out;
  }

  /** Options of a many-client run. */
  public record Many(int clients, double resumingShare, int maxInFlight, boolean keepTraces) {
    public Many {
      if (clients < 1 || !(resumingShare >= 0 && resumingShare < 1) || maxInFlight < 1) {
        throw new IllegalArgumentException("clients >= 1, 0 <= resumingShare < 1, maxInFlight >= 1; got "
            + clients + ", " + resumingShare + ", " + maxInFlight);
      }
    }
  }

  /**
   * {@code clients} clients against one server (one credential set, one shared session cache):
   * first the full handshakes, then the resuming clients, each offering the session of a client of
   * the first wave (a full handshake when that one failed). The waves keep the run deterministic:
   * which sessions are in the cache never depends on which connection finished first.
   */
  public static List<ConnectionResult> many(Simulator sim, HandshakeConfig hc, NetworkOptions network, Many opts) {
    Credentials creds = Credentials.forSeed(hc.seed());
    SessionCache cache = new SessionCache(opts.clients() + 16);
    int resuming = (int) Math.floor(opts.clients() * opts.resumingShare());
    int full = opts.clients() - resuming;
    List<ConnectionResult> first = sim.runAll(full, n -> spec(hc, creds, cache, network, n, Optional.empty()),
        opts.maxInFlight(), opts.keepTraces());
    List<Optional<Session>> sessions = first.stream().map(r -> sessionOf(r.client())).toList();
    List<ConnectionResult> second = sim.runAll(resuming,
        i -> spec(hc, creds, cache, network, full + i, sessions.get((i - 1) % full)), opts.maxInFlight(),
        opts.keepTraces());
    List<ConnectionResult> all = new ArrayList<>(first);
    for (ConnectionResult r : second) {
      all.add(new ConnectionResult(full + r.index(), r.trace(), r.client(), r.server(), r.endTimeMs(),
          r.crash()));
    }
    return all;
  }

  private static ConnectionSpec spec(HandshakeConfig hc, Credentials creds, SessionCache cache, NetworkOptions network,
      int n, Optional<Session> resume) {
    Engine client = ModelEngine.create(EngineConfigs.client(hc, creds, n, resume));
    Engine server = ModelEngine.create(EngineConfigs.server(hc, creds, n, cache));
    return new ConnectionSpec(n, client, server, script(hc, true), network, networkRandom(hc.seed(), n));
  }

  /** The network's randomness for connection n: {@code seeded(seed).fork("network")}, one fork per connection. */
  public static RandomSource networkRandom(long seed, int n) {
    RandomSource network = RandomSource.seeded(seed).fork("network");
    return n == 1 ? network : network.fork("connection#" + n);
  }

  private static Optional<Session> sessionOf(Engine client) {
    return client instanceof ModelEngine<?> m ? m.session() : Optional.empty();
  }

  /** What the applications do once the handshake is done: the same as {@link LoopbackRun}'s script. */
  public static List<Loopback.Action> script(HandshakeConfig hc, boolean last) {
    return LoopbackRun.script(hc, last);
  }

}
