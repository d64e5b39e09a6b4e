package dev.hslab.scenario;

import dev.hslab.actors.ConnectionResult;
import dev.hslab.actors.FaultSpec;
import dev.hslab.actors.Latency;
import dev.hslab.actors.Partition;
import dev.hslab.actors.Simulations;
import dev.hslab.actors.Simulator;
import dev.hslab.model.engine.EngineConfig;
import dev.hslab.model.engine.ModelEngine;
import dev.hslab.model.trace.Trace;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a scenario through the client, server and network actors in virtual time: the scenario's
 * loss, duplication, reordering, corruption, latency, partitions and aimed faults become the
 * actors' network options.
 */
public final class ActorsSimulator implements dev.hslab.scenario.Simulator {

  @Override
  public List<Trace> simulate(Scenario s) {
    NetworkOptions n = s.network();
    Latency latency = n.latencyMaxMs() > n.latencyMinMs() ? new Latency.Uniform(n.latencyMinMs(), n.latencyMaxMs())
        : new Latency.Fixed(Math.max(n.latencyMinMs(), dev.hslab.actors.NetworkOptions.DEFAULT_LATENCY_MS));
    List<FaultSpec> faults = new ArrayList<>();
    for (Fault f : n.faults()) {
      faults.add(FaultSpec.parse(f.spec()));
    }
    List<Partition> partitions = new ArrayList<>();
    for (NetworkOptions.Partition p : n.partitions()) {
      partitions.add(new Partition(p.fromMs(), p.toMs(), null));
    }
    dev.hslab.actors.NetworkOptions net = dev.hslab.actors.NetworkOptions.perfect()
        .withRandomFaults(n.loss(), n.dup(), n.reorder(), n.corrupt(), 0)
        .withLatency(latency).withPartitions(partitions).withFaults(faults);
    Scenario.Peers peers = s.peers();
    try (Simulator sim = Simulator.start()) {
      return Simulations.connections(sim, s.config(), net,
          c -> ModelEngine.create(renegotiation(c, peers.clientAcceptsRenegotiation())),
          c -> ModelEngine.create(renegotiation(c, peers.serverAcceptsRenegotiation())))
          .stream().map(ConnectionResult::trace).toList();
    }
  }

  private static EngineConfig renegotiation(EngineConfig c, boolean accepts) {
    return accepts == c.allowRenegotiation() ? c : c.toBuilder().allowRenegotiation(accepts).build();
  }
}
