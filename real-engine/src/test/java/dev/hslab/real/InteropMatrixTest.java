package dev.hslab.real;

import static dev.hslab.real.Connections.CLIENT_DATA;
import static dev.hslab.real.Connections.SERVER_DATA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.engine.Negotiated;
import dev.hslab.model.handshake.ClientAuth;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.loopback.Loopback;
import dev.hslab.model.pki.Identity;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SunJSSE and BCJSSE against each other in memory, for TLS 1.0–1.2, every authenticated key
 * exchange, and no client certificate / a required RSA or ECDSA one; the anonymous key exchanges
 * where the server's provider negotiates them. Each run must complete, carry data both ways and
 * show exactly the RFC 5246 message sequence.
 */
class InteropMatrixTest {

  private static final List<JsseProvider[]> PAIRS = List.of(
      new JsseProvider[] {JsseProvider.JSSE, JsseProvider.JSSE},
      new JsseProvider[] {JsseProvider.JSSE, JsseProvider.BCJSSE},
      new JsseProvider[] {JsseProvider.BCJSSE, JsseProvider.JSSE});

  private static final List<ProtocolVersion> VERSIONS =
      List.of(ProtocolVersion.TLS10, ProtocolVersion.TLS11, ProtocolVersion.TLS12);

  static Stream<Arguments> authenticated() {
    List<Arguments> out = new ArrayList<>();
    for (JsseProvider[] pair : PAIRS) {
      for (ProtocolVersion v : VERSIONS) {
        for (KeyExchange kex : List.of(KeyExchange.RSA, KeyExchange.DHE_RSA, KeyExchange.ECDHE_RSA, KeyExchange.ECDHE_ECDSA)) {
          for (String cert : List.of("none", "rsa", "ecdsa")) {
            out.add(Arguments.of(pair[0], pair[1], v, kex, cert));
          }
        }
      }
    }
    return out.stream();
  }

  /**
   * Anonymous key exchanges, without client authentication: an anonymous server cannot ask for a
   * certificate (RFC 5246 §7.4.4; see {@code ProviderFindingsTest} for what each provider does
   * when "require" is set anyway).
   */
  static Stream<Arguments> anonymous() {
    List<Arguments> out = new ArrayList<>();
    for (JsseProvider[] pair : PAIRS) {
      for (ProtocolVersion v : VERSIONS) {
        for (KeyExchange kex : List.of(KeyExchange.DH_ANON, KeyExchange.ECDH_ANON)) {
          out.add(Arguments.of(pair[0], pair[1], v, kex, "none"));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} -> {1} {2} {3} client cert {4}")
  @MethodSource({"authenticated", "anonymous"})
  void completesWithTheRfc5246SequenceAndCarriesDataBothWays(
      JsseProvider clientProvider, JsseProvider serverProvider, ProtocolVersion v, KeyExchange kex, String cert) {
    CipherSuite suite = suiteFor(kex, v);
    Identity clientId = switch (cert) {
      case "rsa" -> TestPki.CLIENT_RSA;
      case "ecdsa" -> TestPki.CLIENT_EC;
      default -> null;
    };
    boolean auth = clientId != null;
    var cf = JsseEngineFactory.create(clientProvider,
        Connections.clientWith(clientId, Connections.client(v, v, List.of(suite))).build());
    var sf = JsseEngineFactory.create(serverProvider, Connections.server(v, v, List.of(suite))
        .clientAuth(auth ? ClientAuth.REQUIRE : ClientAuth.NONE).build());
    JsseEngine client = cf.newEngine(TestPki.HOST, 443);
    JsseEngine server = sf.newEngine();

    Trace t = Loopback.run(client, server, Connections.EXCHANGE);

    // SunJSSE 17 servers issue RFC 5077 tickets to clients that ask; of the two only SunJSSE asks.
    boolean ticket = clientProvider == JsseProvider.JSSE && serverProvider == JsseProvider.JSSE;
    // In TLS 1.0 with CBC, BCJSSE splits application records 1/n-1; SunJSSE's SSLEngine does not.
    boolean splitCbc = v.equals(ProtocolVersion.TLS10) && !suite.isAead();
    List<String> expected = new ArrayList<>(Rfc5246Sequence.full(kex, auth, ticket));
    expected.addAll(Rfc5246Sequence.exchangeAndClose(
        splitCbc && clientProvider == JsseProvider.BCJSSE, splitCbc && serverProvider == JsseProvider.BCJSSE));
    assertThat(t.labels()).containsExactlyElementsOf(expected);
    assertThat(Connections.received(t, Side.SERVER)).isEqualTo(CLIENT_DATA);
    assertThat(Connections.received(t, Side.CLIENT)).isEqualTo(SERVER_DATA);

    Negotiated c = client.negotiated().orElseThrow();
    Negotiated s = server.negotiated().orElseThrow();
    for (Negotiated n : List.of(c, s)) {
      assertThat(n.version()).isEqualTo(v);
      assertThat(n.cipherSuite()).isEqualTo(suite);
      assertThat(n.resumed()).isFalse();
      assertThat(n.clientAuthenticated()).isEqualTo(auth);
    }
    assertThat(c.sessionId()).isEqualTo(s.sessionId());
    assertThat(c.clientRandom()).isEqualTo(s.clientRandom()).isEqualTo(clientHelloRandom(t));
    assertThat(List.of(client.state(), server.state())).containsExactly("closed", "closed");
    assertThat(client.terminal() && server.terminal()).isTrue();
    assertThat(Connections.events(t, Side.CLIENT, EngineEvent.Established.class)).hasSize(1);
    assertThat(Connections.events(t, Side.SERVER, EngineEvent.Closed.class)).hasSize(1);
  }

  static CipherSuite suiteFor(KeyExchange kex, ProtocolVersion v) {
    boolean tls12 = v.isTls12OrLater();
    return switch (kex) {
      case RSA -> tls12 ? CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256 : CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA;
      case DHE_RSA -> tls12 ? CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256 : CipherSuite.TLS_DHE_RSA_WITH_AES_128_CBC_SHA;
      case ECDHE_RSA -> tls12 ? CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 : CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA;
      case ECDHE_ECDSA -> tls12 ? CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 : CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA;
      case DH_ANON -> tls12 ? CipherSuite.TLS_DH_anon_WITH_AES_128_GCM_SHA256 : CipherSuite.TLS_DH_anon_WITH_AES_128_CBC_SHA;
      case ECDH_ANON -> CipherSuite.TLS_ECDH_anon_WITH_AES_128_CBC_SHA;
      default -> throw new IllegalArgumentException(kex.toString());
    };
  }

  /** The random of the ClientHello as our codec decoded it from the client's first record. */
  private static dev.hslab.model.wire.Bytes clientHelloRandom(Trace t) {
    Trace.Sent first = t.sent().get(0);
    // client_hello body: version(2) random(32) ...; encoding = header(4) + body
    return first.message().encoding().slice(4 + 2, 4 + 2 + 32);
  }
}
