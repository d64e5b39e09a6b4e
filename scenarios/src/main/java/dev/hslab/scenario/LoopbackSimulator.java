package dev.hslab.scenario;

import dev.hslab.model.config.Credentials;
import dev.hslab.model.config.EngineConfigs;
import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.config.LoopbackRun;
import dev.hslab.model.config.Renegotiation;
import dev.hslab.model.config.Resumption;
import dev.hslab.model.engine.EngineConfig;
import dev.hslab.model.engine.Loopback;
import dev.hslab.model.engine.ModelEngine;
import dev.hslab.model.engine.Session;
import dev.hslab.model.engine.SessionCache;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A fault-free scenario over the in-memory loopback with model engines. It does what
 * {@link LoopbackRun#run} does (same engine configurations, same connections, same application
 * script), plus what a scenario adds: a side that refuses renegotiation and the side that closes
 * first. {@code LoopbackSimulatorTest} checks that the two agree where they overlap.
 */
public final class LoopbackSimulator implements Simulator {

  @Override
  public List<Trace> simulate(Scenario s) {
    HandshakeConfig hc = s.config();
    Credentials creds = Credentials.forSeed(hc.seed());
    SessionCache cache = new SessionCache(1024);
    List<Trace> out = new ArrayList<>();
    int connections = hc.resumption() == Resumption.NONE ? 1 : 2;
    Optional<Session> resume = Optional.empty();
    for (int n = 1; n <= connections; n++) {
      EngineConfig cc = EngineConfigs.client(hc, creds, n, resume).toBuilder()
          .allowRenegotiation(s.peers().clientAcceptsRenegotiation()).build();
      EngineConfig sc = EngineConfigs.server(hc, creds, n, cache).toBuilder()
          .allowRenegotiation(s.peers().serverAcceptsRenegotiation()).build();
      ModelEngine<?> client = ModelEngine.create(cc);
      ModelEngine<?> server = ModelEngine.create(sc);
      out.add(Loopback.run(client, server, script(s, n == connections)));
      resume = client.session();
      if (resume.isEmpty()) {
        break; // the first connection failed: nothing to resume
      }
    }
    return out;
  }

  /**
   * What the applications do once the handshake is done: a request and a response, on the last
   * connection the renegotiation and another exchange, then close_notify from the closing side.
   */
  static List<Loopback.Action> script(Scenario s, boolean last) {
    List<Loopback.Action> a = new ArrayList<>(exchange("first"));
    Renegotiation r = s.config().renegotiation();
    if (last && r != Renegotiation.NONE) {
      a.add(new Loopback.Action.Renegotiate(r == Renegotiation.CLIENT ? Side.CLIENT : Side.SERVER));
      a.addAll(exchange("after renegotiation"));
    }
    a.add(new Loopback.Action.Close(s.peers().closes()));
    return a;
  }

  private static List<Loopback.Action> exchange(String when) {
    return List.of(
        new Loopback.Action.Send(Side.CLIENT, LoopbackRun.text("GET / (" + when + ")")),
        new Loopback.Action.Send(Side.SERVER, LoopbackRun.text("200 OK (" + when + ")")));
  }
}
