package dev.hslab.real;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.handshake.ClientAuth;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.loopback.Loopback;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Behaviours of the real providers that the model's expectations must take into account. */
class ProviderFindingsTest {

  private static final ProtocolVersion V12 = ProtocolVersion.TLS12;
  private static final CipherSuite ANON = CipherSuite.TLS_DH_anon_WITH_AES_128_GCM_SHA256;

  /** SunJSSE honours "require" by not choosing an anonymous suite (it cannot ask for a certificate). */
  @Test
  void sunJsseServerRequiringClientAuthRefusesAnAnonymousSuite() {
    var client = JsseEngineFactory.create(JsseProvider.JSSE, Connections.client(V12, V12, List.of(ANON))
        .identities(List.of(TestPki.CLIENT_EC)).build());
    var server = JsseEngineFactory.create(JsseProvider.JSSE, Connections.server(V12, V12, List.of(ANON))
        .clientAuth(ClientAuth.REQUIRE).build());
    JsseEngine s = server.newEngine();

    Trace t = Loopback.run(client.newEngine(TestPki.HOST, 443), s, Connections.EXCHANGE);

    assertThat(server.dropped()).isEmpty();
    assertThat(t.labels()).containsExactly("client.client_hello", "server.handshake_failure");
    assertThat(s.state()).isEqualTo("failed");
  }

  /**
   * RFC 5246 §7.4.4: an anonymous server must not request a client certificate, so "require" cannot
   * be honoured with DH_anon. Unlike SunJSSE (above), BCJSSE completes the handshake anyway,
   * with an unauthenticated client.
   */
  @Test
  void bcJsseServerRequiringClientAuthStillCompletesAnAnonymousHandshake() {
    var client = JsseEngineFactory.create(JsseProvider.JSSE, Connections.client(V12, V12, List.of(ANON))
        .identities(List.of(TestPki.CLIENT_EC)).build());
    var server = JsseEngineFactory.create(JsseProvider.BCJSSE, Connections.server(V12, V12, List.of(ANON))
        .clientAuth(ClientAuth.REQUIRE).build());
    JsseEngine s = server.newEngine();

    Trace t = Loopback.run(client.newEngine(TestPki.HOST, 443), s, Connections.EXCHANGE);

    assertThat(t.labels()).doesNotContain("server.certificate_request", "client.certificate");
    assertThat(s.negotiated().orElseThrow().clientAuthenticated()).isFalse();
    assertThat(Connections.received(t, Side.SERVER)).isEqualTo(Connections.CLIENT_DATA);
  }
}
