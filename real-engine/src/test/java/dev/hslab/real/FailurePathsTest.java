package dev.hslab.real;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.engine.Step;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.loopback.Loopback;
import dev.hslab.model.message.ClientHello;
import dev.hslab.model.message.DecodeContext;
import dev.hslab.model.message.HandshakeCodec;
import dev.hslab.model.record.Alert;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.AlertLevel;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Failures end in named alerts and terminal engines, never in exceptions. */
class FailurePathsTest {

  private static final ProtocolVersion V12 = ProtocolVersion.TLS12;

  /** RFC 8446 §4.2: the supported_versions extension type. */
  private static final int SUPPORTED_VERSIONS = 43;

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"JSSE, JSSE", "JSSE, BCJSSE", "BCJSSE, JSSE", "BCJSSE, BCJSSE"})
  void noCommonSuiteEndsInHandshakeFailureFromTheServer(JsseProvider cp, JsseProvider sp) {
    var client = JsseEngineFactory.create(cp,
        Connections.client(V12, V12, List.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256)).build());
    var server = JsseEngineFactory.create(sp,
        Connections.server(V12, V12, List.of(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256)).build());
    JsseEngine c = client.newEngine(TestPki.HOST, 443);
    JsseEngine s = server.newEngine();

    Trace t = Loopback.run(c, s, Connections.EXCHANGE);

    assertThat(t.labels()).containsExactly("client.client_hello", "server.handshake_failure");
    assertFailed(t, c, s, Side.SERVER, AlertDescription.HANDSHAKE_FAILURE);
  }

  /**
   * A TLS 1.2-only client against a TLS 1.0–1.1 server. SunJSSE's client lists its versions in a
   * supported_versions extension (RFC 8446 §4.2.1) even without TLS 1.3, and both servers honour
   * it, so the server refuses at once. BCJSSE's client sends a plain TLS 1.2 hello; the server then
   * rightly picks TLS 1.1 (RFC 5246 Appendix E.1) and the client refuses that ServerHello.
   */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"JSSE, JSSE", "JSSE, BCJSSE", "BCJSSE, JSSE", "BCJSSE, BCJSSE"})
  void clientRequiringAVersionTheServerLacksGetsProtocolVersion(JsseProvider cp, JsseProvider sp) throws Exception {
    CipherSuite suite = CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA;
    var client = JsseEngineFactory.create(cp, Connections.client(V12, V12, List.of(suite)).build());
    var server = JsseEngineFactory.create(sp,
        Connections.server(ProtocolVersion.TLS10, ProtocolVersion.TLS11, List.of(suite)).build());
    JsseEngine c = client.newEngine(TestPki.HOST, 443);
    JsseEngine s = server.newEngine();

    Trace t = Loopback.run(c, s, Connections.EXCHANGE);

    ClientHello hello = (ClientHello) HandshakeCodec.decode(t.sent().get(0).message().encoding(), DecodeContext.of(V12));
    boolean supportedVersions = hello.extension(SUPPORTED_VERSIONS).isPresent();
    assertThat(supportedVersions).isEqualTo(cp == JsseProvider.JSSE);
    Side refuser = supportedVersions ? Side.SERVER : Side.CLIENT;
    if (supportedVersions) {
      assertThat(t.labels()).containsExactly("client.client_hello", "server.protocol_version");
    } else {
      assertThat(t.labels()).containsExactly("client.client_hello", "server.server_hello", "server.certificate",
          "server.server_key_exchange", "server.server_hello_done", "client.protocol_version");
    }
    assertFailed(t, c, s, refuser, AlertDescription.PROTOCOL_VERSION);
  }

  @ParameterizedTest
  @EnumSource(JsseProvider.class)
  void garbageIntoAServerIsAFatalOutcomeNotAnException(JsseProvider p) {
    JsseEngine s = JsseEngineFactory.create(p, Connections.server(V12, V12, List.of(
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256)).build()).newEngine();
    s.start();

    Step step = s.receive(Bytes.wrap("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));

    assertThat(s.terminal()).isTrue();
    assertThat(s.established()).isFalse();
    assertThat(s.state()).isEqualTo("failed");
    assertThat(step.events()).filteredOn(EngineEvent.StateChanged.class::isInstance)
        .extracting(e -> ((EngineEvent.StateChanged) e).to()).containsExactly("failed");
    // SunJSSE answers a plaintext (non-TLS) stream with a fatal internal_error; BCJSSE sends nothing.
    List<EngineEvent.AlertSent> alerts = step.events().stream()
        .filter(EngineEvent.AlertSent.class::isInstance).map(EngineEvent.AlertSent.class::cast).toList();
    if (p == JsseProvider.JSSE) {
      assertThat(alerts).singleElement().satisfies(a -> assertThat(a.alert()).isEqualTo(Alert.fatal(AlertDescription.INTERNAL_ERROR)));
      assertThat(step.records()).containsExactly(Bytes.fromHex("15030300020250"));
    } else {
      assertThat(alerts).isEmpty();
      assertThat(step.records()).isEmpty();
    }
    assertThat(s.receive(Bytes.of((byte) 1))).isEqualTo(Step.NOTHING);
  }

  @ParameterizedTest
  @EnumSource(JsseProvider.class)
  void garbageInPlaceOfTheServerHelloFailsTheClient(JsseProvider p) {
    JsseEngine c = JsseEngineFactory.create(p, Connections.client(V12, V12, List.of(
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256)).build()).newEngine(TestPki.HOST, 443);
    Step hello = c.start();
    assertThat(hello.records()).hasSize(1);

    // A well-framed handshake record whose message is nonsense: type 2 (server_hello), 3 bytes of body.
    Step step = c.receive(Bytes.fromHex("16030300070200000301" + "0203"));

    assertThat(c.terminal()).isTrue();
    assertThat(c.state()).isEqualTo("failed");
    assertThat(step.events()).filteredOn(EngineEvent.MessageReceived.class::isInstance).hasSize(1);
    assertThat(step.events()).filteredOn(EngineEvent.AlertSent.class::isInstance).singleElement()
        .satisfies(e -> assertThat(((EngineEvent.AlertSent) e).alert().level()).isEqualTo(AlertLevel.FATAL));
  }

  private static void assertFailed(Trace t, JsseEngine c, JsseEngine s, Side sender, AlertDescription alert) {
    assertThat(c.terminal() && s.terminal()).isTrue();
    assertThat(c.established() || s.established()).isFalse();
    assertThat(List.of(c.state(), s.state())).containsExactly("failed", "failed");
    assertThat(Connections.events(t, sender, EngineEvent.AlertSent.class))
        .singleElement().satisfies(a -> assertThat(a.alert().description()).isEqualTo(alert));
    assertThat(Connections.events(t, sender.peer(), EngineEvent.AlertReceived.class))
        .singleElement().satisfies(a -> assertThat(a.alert().description()).isEqualTo(alert));
  }
}
