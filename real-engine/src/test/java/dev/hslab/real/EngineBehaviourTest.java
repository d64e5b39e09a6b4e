package dev.hslab.real;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.engine.Step;
import dev.hslab.model.handshake.ClientAuth;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.loopback.Loopback;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.wire.AlertLevel;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Engine contract around the handshake: refusals, timeouts, trust, renegotiation, config. */
class EngineBehaviourTest {

  private static final ProtocolVersion V12 = ProtocolVersion.TLS12;
  private static final CipherSuite SUITE = CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256;

  @ParameterizedTest
  @EnumSource(JsseProvider.class)
  void refusesDataAndRenegotiationBeforeTheHandshake(JsseProvider p) {
    JsseEngine c = JsseEngineFactory.create(p, Connections.client(V12, V12, List.of(SUITE)).build()).newEngine();
    c.start();

    assertThat(c.send(Bytes.of((byte) 1)).events()).singleElement().isInstanceOf(EngineEvent.Refused.class);
    assertThat(c.send(Bytes.of((byte) 1)).records()).isEmpty();
    assertThat(c.renegotiate().events()).singleElement().isInstanceOf(EngineEvent.Refused.class);
    assertThat(c.terminal()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(JsseProvider.class)
  void timeoutNamesTheStateAndTheAwaitedMessage(JsseProvider p) {
    JsseEngine c = JsseEngineFactory.create(p, Connections.client(V12, V12, List.of(SUITE)).build()).newEngine();
    assertThat(c.start().records()).hasSize(1);
    assertThat(c.waitingFor()).isEqualTo("server_hello");

    Step s = c.timeout();

    assertThat(s.records()).isEmpty();
    assertThat(s.events()).containsExactly(new EngineEvent.TimedOut("handshaking", "server_hello"),
        new EngineEvent.StateChanged("handshaking", "timed_out"));
    assertThat(c.terminal()).isTrue();
    assertThat(c.timeout()).isEqualTo(Step.NOTHING);
  }

  @ParameterizedTest
  @EnumSource(JsseProvider.class)
  void untrustedServerChainIsRefusedWithAFatalAlertFromTheClient(JsseProvider p) {
    var client = JsseEngineFactory.create(p, Connections.client(V12, V12, List.of(SUITE)).build());
    var server = JsseEngineFactory.create(JsseProvider.JSSE, Connections.server(V12, V12, List.of(SUITE))
        .identities(List.of(TestPki.STRANGER)).build());
    JsseEngine c = client.newEngine(TestPki.HOST, 443);
    JsseEngine s = server.newEngine();

    Trace t = Loopback.run(c, s, Connections.EXCHANGE);

    assertThat(c.terminal() && s.terminal()).isTrue();
    assertThat(c.established()).isFalse();
    assertThat(t.labels()).startsWith("client.client_hello", "server.server_hello", "server.certificate");
    assertThat(Connections.events(t, Side.CLIENT, EngineEvent.AlertSent.class)).singleElement()
        .satisfies(a -> assertThat(a.alert().level()).isEqualTo(AlertLevel.FATAL));
  }

  @ParameterizedTest
  @EnumSource(JsseProvider.class)
  void verifyPeerFalseAcceptsAnUntrustedChainAndReportsWhy(JsseProvider p) {
    var client = JsseEngineFactory.create(p, Connections.client(V12, V12, List.of(SUITE)).verifyPeer(false).build());
    var server = JsseEngineFactory.create(JsseProvider.JSSE, Connections.server(V12, V12, List.of(SUITE))
        .identities(List.of(TestPki.STRANGER)).build());
    JsseEngine c = client.newEngine(TestPki.HOST, 443);

    Trace t = Loopback.run(c, server.newEngine(), Connections.EXCHANGE);

    assertThat(Connections.received(t, Side.CLIENT)).isEqualTo(Connections.SERVER_DATA);
    assertThat(c.peerValidationProblem()).isPresent();
  }

  @Test
  void trustedChainLeavesNoValidationProblem() {
    var client = JsseEngineFactory.create(JsseProvider.JSSE, Connections.client(V12, V12, List.of(SUITE)).verifyPeer(false).build());
    var server = JsseEngineFactory.create(JsseProvider.JSSE, Connections.server(V12, V12, List.of(SUITE)).build());
    JsseEngine c = client.newEngine(TestPki.HOST, 443);

    Loopback.run(c, server.newEngine(), Connections.EXCHANGE);

    assertThat(c.negotiated()).isPresent();
    assertThat(c.peerValidationProblem()).isEmpty();
  }

  @Test
  void sunJsseRenegotiatesInsideTheProtectedChannel() {
    var client = JsseEngineFactory.create(JsseProvider.JSSE, Connections.client(V12, V12, List.of(SUITE)).build());
    var server = JsseEngineFactory.create(JsseProvider.JSSE, Connections.server(V12, V12, List.of(SUITE)).build());
    JsseEngine c = client.newEngine(TestPki.HOST, 443);
    JsseEngine s = server.newEngine();

    Trace t = Loopback.run(c, s, List.of(new Loopback.Action.Renegotiate(Side.CLIENT),
        new Loopback.Action.Send(Side.CLIENT, Connections.CLIENT_DATA), new Loopback.Action.Close(Side.CLIENT)));

    assertThat(Connections.events(t, Side.CLIENT, EngineEvent.Established.class)).hasSize(2);
    assertThat(Connections.events(t, Side.SERVER, EngineEvent.Established.class)).hasSize(2);
    assertThat(Connections.received(t, Side.SERVER)).isEqualTo(Connections.CLIENT_DATA);
    // The second handshake travels under the first one's keys: every record of it is opaque.
    List<String> labels = t.labels();
    int firstData = labels.indexOf("client.application_data");
    assertThat(labels.subList(labels.lastIndexOf("server.change_cipher_spec") - 1, labels.size()))
        .doesNotContain("client.client_hello");
    assertThat(labels.stream().filter("client.change_cipher_spec"::equals)).hasSize(2);
    assertThat(firstData).isGreaterThan(labels.lastIndexOf("server.change_cipher_spec"));
  }

  @Test
  void bcJsseRefusesRenegotiationWithoutFailingTheConnection() {
    var client = JsseEngineFactory.create(JsseProvider.BCJSSE, Connections.client(V12, V12, List.of(SUITE)).build());
    var server = JsseEngineFactory.create(JsseProvider.JSSE, Connections.server(V12, V12, List.of(SUITE)).build());
    JsseEngine c = client.newEngine(TestPki.HOST, 443);

    Trace t = Loopback.run(c, server.newEngine(), List.of(new Loopback.Action.Renegotiate(Side.CLIENT),
        new Loopback.Action.Send(Side.CLIENT, Connections.CLIENT_DATA)));

    assertThat(Connections.events(t, Side.CLIENT, EngineEvent.Refused.class)).singleElement()
        .satisfies(r -> assertThat(r.request()).isEqualTo("renegotiate"));
    assertThat(Connections.received(t, Side.SERVER)).isEqualTo(Connections.CLIENT_DATA);
  }

  @Test
  void factoryDropsWhatTheProviderCannotDoAndSaysWhich() {
    var config = Connections.client(ProtocolVersion.SSL3, V12,
        List.of(CipherSuite.TLS_PSK_WITH_AES_128_CBC_SHA, SUITE)).build();

    var bc = JsseEngineFactory.create(JsseProvider.BCJSSE, config);
    var sun = JsseEngineFactory.create(JsseProvider.JSSE, config);

    // Neither provider implements the PSK suites; both still list SSLv3 as a supported protocol.
    for (JsseEngineFactory f : List.of(bc, sun)) {
      assertThat(f.dropped()).containsExactly("TLS_PSK_WITH_AES_128_CBC_SHA");
      assertThat(f.protocols()).containsExactly("SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2");
      assertThat(f.suites()).containsExactly(SUITE);
    }
  }

  @Test
  void factoryRefusesAConfigWithNoUsableSuite() {
    var config = Connections.client(V12, V12, List.of(CipherSuite.TLS_PSK_WITH_AES_128_CBC_SHA)).build();

    assertThatThrownBy(() -> JsseEngineFactory.create(JsseProvider.JSSE, config))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("none of the cipher suites");
  }

  @Test
  void serverThatRequestsACertificateAcceptsAClientWithout() {
    var client = JsseEngineFactory.create(JsseProvider.JSSE, Connections.client(V12, V12, List.of(SUITE)).build());
    var server = JsseEngineFactory.create(JsseProvider.BCJSSE, Connections.server(V12, V12, List.of(SUITE))
        .clientAuth(ClientAuth.REQUEST).build());
    JsseEngine s = server.newEngine();

    Trace t = Loopback.run(client.newEngine(TestPki.HOST, 443), s, Connections.EXCHANGE);

    // RFC 5246 §7.4.6: a client without a suitable certificate sends an empty Certificate.
    assertThat(t.labels()).contains("server.certificate_request", "client.certificate");
    assertThat(s.negotiated().orElseThrow().clientAuthenticated()).isFalse();
    assertThat(Connections.received(t, Side.SERVER)).isEqualTo(Connections.CLIENT_DATA);
  }
}
