package dev.hslab.actors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.config.LoopbackRun;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class SimulationSmokeTest {

  private static final Simulator SIM = Simulator.start();

  @AfterAll
  static void stop() {
    SIM.close();
  }

  @Test
  void referenceHandshakeOverAPerfectNetworkMatchesTheLoopbackSequence() {
    HandshakeConfig hc = HandshakeConfig.reference();
    List<ConnectionResult> r = Simulations.connections(SIM, hc, NetworkOptions.perfect(), EngineFactory.MODEL,
        EngineFactory.MODEL);
    List<LoopbackRun.Connection> lb = LoopbackRun.run(hc);
    System.err.println(r.get(0).outcome() + " " + r.get(0).trace().labels());
    r.get(0).trace().events().forEach(e -> System.err.println(e));
    assertThat(r.get(0).trace().labels()).isEqualTo(lb.get(0).trace().labels());
  }
}
