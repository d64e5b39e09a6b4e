package dev.hslab.actors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.config.Credentials;
import dev.hslab.model.config.EngineConfigs;
import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.engine.ModelEngine;
import dev.hslab.model.engine.SessionCache;
import dev.hslab.model.fault.Fault;
import dev.hslab.model.fault.Fault.Target;
import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.handshake.Side;
import dev.hslab.output.trace.JsonLines;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** A connection run without actors gives the very trace the actors give, under both transports. */
class DirectRunTest {

  private static final Simulator SIM = Simulator.start();

  @AfterAll
  static void stop() {
    SIM.close();
  }

  private static ConnectionSpec spec(HandshakeConfig hc, NetworkOptions net) {
    Credentials creds = Credentials.forSeed(hc.seed());
    return new ConnectionSpec(1, ModelEngine.create(EngineConfigs.client(hc, creds, 1, Optional.empty())),
        ModelEngine.create(EngineConfigs.server(hc, creds, 1, new SessionCache(4))), Simulations.script(hc, true), net,
        Simulations.networkRandom(hc.seed(), 1));
  }

  @Test
  void directAndActorRunsGiveTheSameTrace() {
    NetworkOptions noisy = NetworkOptions.perfect().withRandomFaults(0.15, 0.05, 0.05, 0.05, 0)
        .withLatency(new Latency.Uniform(1, 30));
    for (Transport t : Transport.values()) {
      for (long seed = 1; seed <= 4; seed++) {
        HandshakeConfig hc = HandshakeConfig.reference().withSeed(seed);
        ConnectionResult viaActors = SIM.run(spec(hc, noisy.withTransport(t)));
        ConnectionResult direct = DirectRun.run(spec(hc, noisy.withTransport(t)));
        assertThat(JsonLines.lines(direct.trace())).as("%s seed %d", t, seed)
            .isEqualTo(JsonLines.lines(viaActors.trace()));
        assertThat(direct.outcome()).isEqualTo(viaActors.outcome());
        assertThat(direct.endTimeMs()).isEqualTo(viaActors.endTimeMs());
      }
    }
  }

  /** An inject fault a model engine carries out itself (Injection.forSender) is wired the same way in both. */
  @Test
  void anInjectionTheSenderCarriesOutIsTheSameInBoth() {
    NetworkOptions net = NetworkOptions.perfect().withFaults(List.of(
        Fault.inject(new Target(Side.CLIENT, MessageKind.FINISHED), MessageKind.APPLICATION_DATA)));
    for (Transport t : Transport.values()) {
      HandshakeConfig hc = HandshakeConfig.reference();
      ConnectionResult viaActors = SIM.run(spec(hc, net.withTransport(t)));
      ConnectionResult direct = DirectRun.run(spec(hc, net.withTransport(t)));
      assertThat(JsonLines.lines(direct.trace())).as("%s", t).isEqualTo(JsonLines.lines(viaActors.trace()));
      // The client sent it as its own record, so the server's state machine, not its record layer, refused it.
      assertThat(direct.outcome().code()).as("%s", t).contains("unexpected_message");
    }
  }
}
