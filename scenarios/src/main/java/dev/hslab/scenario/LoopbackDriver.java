package dev.hslab.scenario;

import dev.hslab.model.engine.ModelEngine;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.loopback.LoopbackRun;
import dev.hslab.model.trace.Trace;
import java.util.List;

/**
 * A fault-free scenario over the in-memory loopback with model engines: {@link LoopbackRun#run}
 * (same engine configurations, connections and application script), with what a scenario adds:
 * a side that refuses renegotiation and the side that closes first.
 */
public final class LoopbackDriver implements Driver {

  @Override
  public List<Trace> simulate(Scenario s) {
    Scenario.Peers peers = s.peers();
    LoopbackRun.EngineMaker engines = (side, n, config) -> ModelEngine.create(config.toBuilder()
        .allowRenegotiation(side == Side.CLIENT ? peers.clientAcceptsRenegotiation() : peers.serverAcceptsRenegotiation())
        .build());
    return LoopbackRun.run(s.config(), engines, peers.closes()).stream().map(LoopbackRun.Connection::trace).toList();
  }
}
