package dev.hslab.actors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.config.Credentials;
import dev.hslab.model.config.EngineConfigs;
import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.engine.Engine;
import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.engine.ModelEngine;
import dev.hslab.model.engine.SessionCache;
import dev.hslab.model.handshake.Outcome;
import dev.hslab.model.handshake.Renegotiation;
import dev.hslab.model.handshake.Resumption;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.loopback.LoopbackRun;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Many clients, one server; failing connections are stopped and recorded, the others complete. */
class ManyConnectionsTest {

  private static final Simulator SIM = Simulator.start();

  @AfterAll
  static void stop() {
    SIM.close();
  }

  @Test
  void laterClientsResumeSessionsOfEarlierOnesThroughTheSharedCache() {
    HandshakeConfig hc = HandshakeConfig.reference().withSeed(11);
    List<ConnectionResult> rs = Simulations.many(SIM, hc, NetworkOptions.perfect(), new Simulations.Many(20, 0.5, 4, true));
    assertThat(rs).hasSize(20);
    assertThat(rs).extracting(ConnectionResult::index).containsExactlyElementsOf(
        java.util.stream.IntStream.rangeClosed(1, 20).boxed().toList());
    assertThat(rs).allSatisfy(r -> assertThat(r.outcome().established()).isTrue());
    assertThat(rs.subList(0, 10)).allSatisfy(r -> assertThat(r.client().negotiated().get().resumed()).isFalse());
    assertThat(rs.subList(10, 20)).allSatisfy(r -> {
      assertThat(r.client().negotiated().get().resumed()).isTrue();
      assertThat(r.trace().labels()).doesNotContain("server.certificate", "server.server_key_exchange");
    });
    // Connection 11 resumed connection 1's session.
    assertThat(rs.get(10).client().negotiated().get().sessionId()).isEqualTo(rs.get(0).client().negotiated().get().sessionId());
  }

  @Test
  void aThrowingEngineEndsOnlyItsOwnConnection() {
    HandshakeConfig hc = HandshakeConfig.reference().withSeed(12);
    Credentials creds = Credentials.forSeed(12);
    SessionCache cache = new SessionCache(64);
    List<ConnectionResult> rs = SIM.runAll(6, n -> {
      Engine client = ModelEngine.create(EngineConfigs.client(hc, creds, n, Optional.empty()));
      Engine server = ModelEngine.create(EngineConfigs.server(hc, creds, n, cache));
      if (n == 3) {
        server = new ThrowingEngine(server, 2); // throws on the ClientKeyExchange
      }
      return new ConnectionSpec(n, client, server, Simulations.script(hc, true), NetworkOptions.perfect(),
          Simulations.networkRandom(12, n));
    }, 6, true);
    assertThat(rs).hasSize(6);
    ConnectionResult crashed = rs.get(2);
    assertThat(crashed.outcome().kind()).isEqualTo(Outcome.Kind.CRASHED);
    assertThat(crashed.outcome().side()).isEqualTo(Side.SERVER);
    assertThat(crashed.crash()).isEqualTo("throwing engine threw java.lang.IllegalStateException: planted failure on receive 2");
    // Its trace stops where the engine threw: the server's flight went out, nothing after.
    assertThat(crashed.trace().labels()).containsExactly("client.client_hello", "server.server_hello", "server.certificate",
        "server.server_key_exchange", "server.server_hello_done", "client.client_key_exchange",
        "client.change_cipher_spec", "client.finished");
    for (int i : new int[] {0, 1, 3, 4, 5}) {
      assertThat(rs.get(i).outcome().established()).as("connection %d", i + 1).isTrue();
    }
  }

  @Test
  void runGivesLoopbackShapedConnectionsWithResumptionAndRenegotiation() {
    HandshakeConfig hc = HandshakeConfig.reference().withResumption(Resumption.ID).withRenegotiation(Renegotiation.CLIENT);
    List<LoopbackRun.Connection> actors = Simulations.run(hc, NetworkOptions.perfect());
    List<LoopbackRun.Connection> loopback = LoopbackRun.run(hc);
    assertThat(actors).hasSize(2);
    for (int i = 0; i < 2; i++) {
      // Same engines, same seed, a perfect network: the same messages as the in-memory loopback.
      assertThat(actors.get(i).trace().labels()).isEqualTo(loopback.get(i).trace().labels());
      assertThat(actors.get(i).trace().sent()).extracting(s -> s.message().encoding())
          .isEqualTo(loopback.get(i).trace().sent().stream().map(s -> s.message().encoding()).toList());
    }
    // The second connection resumed; its renegotiation was a full handshake.
    assertThat(actors.get(1).trace().engineEvents(Side.CLIENT)).filteredOn(e -> e instanceof EngineEvent.Established)
        .extracting(e -> ((EngineEvent.Established) e).negotiated().resumed()).containsExactly(true, false);
    assertThat(actors.get(1).trace().engineEvents(Side.SERVER)).filteredOn(e -> e instanceof EngineEvent.ApplicationDataReceived)
        .hasSize(2);
  }
}
