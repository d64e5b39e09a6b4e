package dev.hslab.scenario;

import dev.hslab.actors.ConnectionResult;
import dev.hslab.actors.Simulations;
import dev.hslab.actors.Simulator;
import dev.hslab.model.engine.EngineConfig;
import dev.hslab.model.engine.ModelEngine;
import dev.hslab.model.trace.Trace;
import java.util.List;

/**
 * Runs a scenario through the client, server and network actors in virtual time, over the
 * network options its {@code network:} block gave.
 */
public final class ActorsDriver implements Driver {

  @Override
  public List<Trace> simulate(Scenario s) {
    Scenario.Peers peers = s.peers();
    try (Simulator sim = Simulator.start()) {
      return Simulations.connections(sim, s.config(), s.network(),
          c -> ModelEngine.create(renegotiation(c, peers.clientAcceptsRenegotiation())),
          c -> ModelEngine.create(renegotiation(c, peers.serverAcceptsRenegotiation())))
          .stream().map(ConnectionResult::trace).toList();
    }
  }

  private static EngineConfig renegotiation(EngineConfig c, boolean accepts) {
    return accepts == c.allowRenegotiation() ? c : c.toBuilder().allowRenegotiation(accepts).build();
  }
}
