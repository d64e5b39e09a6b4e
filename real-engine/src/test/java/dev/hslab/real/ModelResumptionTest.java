package dev.hslab.real;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.engine.Negotiated;
import dev.hslab.model.handshake.ClientCertificate;
import dev.hslab.model.handshake.Resumption;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Resumption between the model engine and a real engine, both directions: the second connection
 * is the abbreviated handshake (RFC 5246 Figure 2) with the first session's parameters; by session
 * ID with either provider, by RFC 5077 ticket with SunJSSE (BCJSSE 1.84 neither issues nor offers
 * tickets, so a ticket configuration against it falls back to a full handshake, then resumes by ID
 * where the server cached the session).
 */
class ModelResumptionTest {

  @ParameterizedTest(name = "{0} model={1} {2} resume by {3}")
  @CsvSource({
      "JSSE, CLIENT, TLS12, ID", "JSSE, SERVER, TLS12, ID", "BCJSSE, CLIENT, TLS12, ID", "BCJSSE, SERVER, TLS12, ID",
      "JSSE, CLIENT, TLS10, ID", "BCJSSE, SERVER, TLS11, ID",
      "JSSE, CLIENT, TLS12, TICKET", "JSSE, SERVER, TLS12, TICKET", "JSSE, CLIENT, TLS11, TICKET",
      "JSSE, SERVER, TLS10, TICKET"})
  void secondConnectionIsAbbreviated(JsseProvider p, Side modelSide, String version, Resumption by) {
    ProtocolVersion v = switch (version) {
      case "TLS10" -> ProtocolVersion.TLS10;
      case "TLS11" -> ProtocolVersion.TLS11;
      default -> ProtocolVersion.TLS12;
    };
    KeyExchange kex = KeyExchange.ECDHE_RSA;
    HandshakeConfig hc = ModelPeers.config(v, kex, InteropMatrixTest.suiteFor(kex, v), ClientCertificate.NONE, by);
    ModelPeers.Run first;
    ModelPeers.Run second;
    if (modelSide == Side.CLIENT) {
      ModelPeers.RealServer server = new ModelPeers.RealServer(p, hc);
      first = server.connect(1, Optional.empty(), Connections.EXCHANGE);
      second = server.connect(2, ((dev.hslab.model.engine.ModelEngine<?>) first.model()).session(), Connections.EXCHANGE);
    } else {
      ModelPeers.RealClient client = new ModelPeers.RealClient(p, hc);
      first = client.connect(1, Connections.EXCHANGE);
      second = client.connect(2, Connections.EXCHANGE);
    }
    boolean ticket = by == Resumption.TICKET;

    List<String> full = decoded(Rfc5246Sequence.full(kex, false, ticket));
    assertThat(handshake(first.trace().labels())).containsExactlyElementsOf(full);
    assertThat(handshake(second.trace().labels())).containsExactlyElementsOf(decoded(Rfc5246Sequence.abbreviated(ticket)));
    Negotiated n1 = first.model().negotiated().orElseThrow();
    for (var e : List.of(second.model(), second.real())) {
      Negotiated n = e.negotiated().orElseThrow();
      assertThat(n.resumed()).as(e.name() + " resumed").isTrue();
      assertThat(n.cipherSuite()).isEqualTo(n1.cipherSuite());
      assertThat(n.version()).isEqualTo(v);
    }
    // RFC 5246 §7.3: the abbreviated handshake reuses the session's master secret (the real engine
    // does not expose its own; the model's is checked).
    assertThat(second.model().negotiated().orElseThrow().masterSecret()).isEqualTo(n1.masterSecret());
    assertThat(Connections.received(second.trace(), Side.SERVER)).isEqualTo(Connections.CLIENT_DATA);
    assertThat(Connections.received(second.trace(), Side.CLIENT)).isEqualTo(Connections.SERVER_DATA);
    // Conformance (issue #4): the real engine's own sequence is accepted by its role's table.
    for (ModelPeers.Run r : List.of(first, second)) {
      var verdict = dev.hslab.real.conform.TableAcceptance.check(r.real().side(),
          dev.hslab.real.conform.Observed.of(r.trace().engineEvents(r.real().side())));
      assertThat(verdict.accepted()).as(verdict.summary() + " " + r.realView()).isTrue();
      assertThat(verdict.complete()).isTrue();
      assertThat(verdict.finalState()).isEqualTo("CLOSED");
    }
    assertThat(second.realReceived()).extracting(m -> m.label()).doesNotContain("encrypted_handshake_message");
  }

  /**
   * Every Finished decoded, a real client's in a full handshake too: the model server tells the
   * secret from the ClientKeyExchange sent with it (issue 16, item 1).
   */
  private static List<String> decoded(List<String> labels) {
    List<String> out = new ArrayList<>();
    for (String l : labels) {
      out.add(l.replace("encrypted_handshake_message", "finished"));
    }
    return out;
  }

  private static List<String> handshake(List<String> labels) {
    List<String> out = new ArrayList<>();
    for (String l : labels) {
      if (l.endsWith(".application_data")) {
        break;
      }
      out.add(l);
    }
    return out;
  }
}
