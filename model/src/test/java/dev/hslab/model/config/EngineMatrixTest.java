package dev.hslab.model.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.concrete.ConfigMapping;
import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.engine.Negotiated;
import dev.hslab.model.explore.ConfigurationSpace;
import dev.hslab.model.handshake.ClientAuth;
import dev.hslab.model.handshake.ClientCertificate;
import dev.hslab.model.handshake.Renegotiation;
import dev.hslab.model.handshake.Resumption;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.loopback.LoopbackRun;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 3's matrix: every legal configuration from {@link ConfigurationSpace} runs over the
 * loopback with model engines, both sides derive the same master secret, verify each other's
 * Finished, exchange application data both ways and close; and the messages on the wire are
 * exactly the RFC's sequence for that configuration ({@link RfcSequences}).
 */
class EngineMatrixTest {

  static Stream<HandshakeConfig> legal() {
    return ConfigMapping.runs(ConfigurationSpace.runs(), 7).stream();
  }

  static Stream<HandshakeConfig> renegotiations() {
    return ConfigMapping.runs(ConfigurationSpace.renegotiations(), 7).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("legal")
  void completesWithTheRfcSequence(HandshakeConfig hc) {
    List<LoopbackRun.Connection> run = LoopbackRun.run(hc);
    boolean ticket = hc.resumption() == Resumption.TICKET;
    assertThat(run).hasSize(hc.resumption() == Resumption.NONE ? 1 : 2);

    List<String> first = new ArrayList<>(RfcSequences.fullHandshake(hc, ticket));
    first.addAll(RfcSequences.dataBothWays());
    first.addAll(RfcSequences.closeFromClient());
    assertThat(run.get(0).trace().labels()).as("first connection").containsExactlyElementsOf(first);
    checkConnection(run.get(0), false, hc);

    if (run.size() == 2) {
      List<String> second = new ArrayList<>(RfcSequences.abbreviatedHandshake(ticket));
      second.addAll(RfcSequences.dataBothWays());
      second.addAll(RfcSequences.closeFromClient());
      assertThat(run.get(1).trace().labels()).as("resumed connection").containsExactlyElementsOf(second);
      checkConnection(run.get(1), true, hc);
      assertThat(run.get(1).client().negotiated().orElseThrow().masterSecret())
          .as("RFC 5246 §7.3: the resumed session keeps its master secret")
          .isEqualTo(run.get(0).client().negotiated().orElseThrow().masterSecret());
    }
  }

  /** Every registered suite over every version that can carry it: each record cipher and MAC in use. */
  static Stream<HandshakeConfig> everySuite() {
    List<HandshakeConfig> out = new ArrayList<>();
    for (dev.hslab.model.suite.CipherSuite s : dev.hslab.model.suite.CipherSuite.values()) {
      for (dev.hslab.model.wire.ProtocolVersion v : dev.hslab.model.wire.ProtocolVersion.SUPPORTED) {
        if (s.supportedBy(v)) {
          out.add(new HandshakeConfig(v, v, v, v, s.keyExchange(), List.of(s), ClientAuth.NONE, ClientCertificate.NONE,
              Resumption.NONE, Renegotiation.NONE, false, 11));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everySuite")
  void everySuiteNegotiatesAndCarriesData(HandshakeConfig hc) {
    LoopbackRun.Connection c = LoopbackRun.run(hc).get(0);
    assertThat(c.client().negotiated().orElseThrow().cipherSuite()).isEqualTo(hc.suites().get(0));
    checkConnection(c, false, hc);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renegotiations")
  void renegotiatesFromEitherSide(HandshakeConfig hc) {
    LoopbackRun.Connection c = LoopbackRun.run(hc).get(0);
    List<String> expected = new ArrayList<>(RfcSequences.fullHandshake(hc, false));
    expected.addAll(RfcSequences.dataBothWays());
    if (hc.renegotiation() == Renegotiation.SERVER) {
      expected.add("server.hello_request"); // RFC 5246 §7.4.1.1
    }
    expected.addAll(RfcSequences.fullHandshake(hc, false));
    expected.addAll(RfcSequences.dataBothWays());
    expected.addAll(RfcSequences.closeFromClient());
    assertThat(c.trace().labels()).containsExactlyElementsOf(expected);
    assertThat(c.trace().engineEvents(Side.CLIENT).stream().filter(e -> e instanceof EngineEvent.Established).count())
        .as("two completed handshakes").isEqualTo(2);
    checkConnection(c, false, hc);
  }

  private static void checkConnection(LoopbackRun.Connection c, boolean resumed, HandshakeConfig hc) {
    Negotiated cn = c.client().negotiated().orElseThrow();
    Negotiated sn = c.server().negotiated().orElseThrow();
    assertThat(cn.masterSecret()).as("same master secret").isEqualTo(sn.masterSecret());
    assertThat(cn.masterSecret().length()).isEqualTo(48);
    assertThat(cn.version()).isEqualTo(hc.clientMax());
    assertThat(cn.cipherSuite()).isEqualTo(sn.cipherSuite());
    assertThat(cn.cipherSuite().keyExchange()).isEqualTo(hc.keyExchange());
    assertThat(cn.resumed()).isEqualTo(resumed);
    assertThat(sn.resumed()).isEqualTo(resumed);
    boolean authenticated = hc.clientAuth() == ClientAuth.REQUIRE;
    assertThat(sn.clientAuthenticated()).as("server saw a verified client certificate").isEqualTo(authenticated);
    assertThat(received(c, Side.SERVER)).as("server received").anyMatch(s -> s.startsWith("GET / "));
    assertThat(received(c, Side.CLIENT)).as("client received").anyMatch(s -> s.startsWith("200 OK"));
    assertThat(c.client().state()).isEqualTo("CLOSED");
    assertThat(c.server().state()).isEqualTo("CLOSED");
  }

  private static List<String> received(LoopbackRun.Connection c, Side side) {
    return c.trace().engineEvents(side).stream()
        .filter(e -> e instanceof EngineEvent.ApplicationDataReceived)
        .map(e -> new String(((EngineEvent.ApplicationDataReceived) e).data().toByteArray(), java.nio.charset.StandardCharsets.UTF_8))
        .toList();
  }

}
