package dev.hslab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.actors.NetworkOptions;
import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.handshake.Renegotiation;
import dev.hslab.model.handshake.Resumption;
import dev.hslab.model.loopback.LoopbackRun;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScenarioRunnerTest {

  private static final String FAULTY = "name: f\nnetwork:\n  faults: ['drop:server.server_hello_done']\n"
      + "expect:\n  outcome: failed\n  sequence: [client.client_hello]\n";

  @Test
  void networkScenariosGoToThePluggedDriverAndAreNotRunWithoutOne() throws Exception {
    Scenario s = ScenarioReader.parse("f.yaml", FAULTY);
    Verdict without = ScenarioRunner.loopbackOnly().run(s);
    assertThat(without.status()).isEqualTo(Verdict.Status.NOT_RUN);
    assertThat(without.reason()).startsWith("needs actors");

    List<Scenario> seen = new ArrayList<>();
    // A stand-in for the actors: the trace of a ClientHello that got no answer.
    Driver network = sc -> {
      seen.add(sc);
      return List.of(new Trace(List.of(new dev.hslab.model.trace.TraceEvent.OfEngine(0, dev.hslab.model.handshake.Side.CLIENT,
          new dev.hslab.model.engine.EngineEvent.MessageSent(new dev.hslab.model.engine.MessageInfo("client_hello", null,
              null, 100, false, false, "", dev.hslab.model.wire.Bytes.EMPTY))))));
    };
    Driver loopback = sc -> {
      throw new AssertionError("a network scenario must not run on the loopback");
    };
    Verdict with = new ScenarioRunner(loopback, Optional.empty()).withNetwork(network).run(s);
    assertThat(seen).containsExactly(s);
    assertThat(with.status()).isEqualTo(Verdict.Status.PASSED);
    assertThat(with.facts().labels()).containsExactly("client.client_hello");
  }

  @Test
  void scenariosWithRealEnginesAreNotRunRatherThanRunOnModelEngines() throws Exception {
    Scenario s = ScenarioReader.parse("j.yaml", "name: j\nserver:\n  engine: jsse\nexpect:\n  outcome: established\n");
    Verdict v = ScenarioRunner.loopbackOnly().run(s);
    assertThat(v.status()).isEqualTo(Verdict.Status.NOT_RUN);
    assertThat(v.reason()).contains("needs real engines");
  }

  /** With the default peers the scenario loopback must send what LoopbackRun sends (the lead's reference path). */
  @Test
  void loopbackDriverMatchesLoopbackRunMessageForMessage() {
    List<HandshakeConfig> configs = List.of(HandshakeConfig.reference(),
        HandshakeConfig.of(ProtocolVersion.TLS12, KeyExchange.PSK).withPskHint(true).withResumption(Resumption.TICKET),
        HandshakeConfig.of(ProtocolVersion.SSL3, KeyExchange.DHE_RSA).withRenegotiation(Renegotiation.SERVER),
        HandshakeConfig.of(ProtocolVersion.TLS11, KeyExchange.ECDHE_ECDSA).withResumption(Resumption.ID)
            .withRenegotiation(Renegotiation.CLIENT));
    for (HandshakeConfig hc : configs) {
      Scenario s = new Scenario("x.yaml", "x", "", hc, Scenario.Peers.DEFAULT, NetworkOptions.perfect(),
          new Expectation(Expectation.Expected.ESTABLISHED, Optional.empty(), List.of(), List.of(), Optional.empty(),
              Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
      List<String> mine = RunFacts.of(new LoopbackDriver().simulate(s)).labels();
      List<String> reference = RunFacts.of(LoopbackRun.run(hc).stream().map(LoopbackRun.Connection::trace).toList())
          .labels();
      assertThat(mine).as(hc.toString()).isEqualTo(reference).isNotEmpty();
    }
  }
}
