package dev.hslab.real;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.engine.Negotiated;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.loopback.Loopback;
import dev.hslab.model.message.ClientHello;
import dev.hslab.model.message.DecodeContext;
import dev.hslab.model.message.HandshakeCodec;
import dev.hslab.model.message.extension.SessionTicketExtension;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A second connection from the same two factories resumes the first session with the abbreviated
 * handshake (RFC 5246 Figure 2): by session ID wherever BCJSSE takes part, by RFC 5077 ticket
 * between two SunJSSE 17 engines (SunJSSE issues TLS 1.2 tickets by default; BCJSSE 1.84 neither
 * asks for nor issues them).
 */
class ResumptionTest {

  private static final CipherSuite SUITE = CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256;

  @ParameterizedTest(name = "{0} -> {1} TLS {2}")
  @CsvSource({
      "JSSE, JSSE, TLS12", "JSSE, BCJSSE, TLS12", "BCJSSE, JSSE, TLS12", "BCJSSE, BCJSSE, TLS12",
      "JSSE, BCJSSE, TLS10", "BCJSSE, JSSE, TLS11"})
  void secondConnectionResumesWithTheAbbreviatedHandshake(JsseProvider cp, JsseProvider sp, String version)
      throws Exception {
    ProtocolVersion v = version.equals("TLS12") ? ProtocolVersion.TLS12
        : version.equals("TLS11") ? ProtocolVersion.TLS11 : ProtocolVersion.TLS10;
    CipherSuite suite = InteropMatrixTest.suiteFor(KeyExchange.ECDHE_RSA, v);
    var cf = JsseEngineFactory.create(cp, Connections.client(v, v, List.of(suite)).build());
    var sf = JsseEngineFactory.create(sp, Connections.server(v, v, List.of(suite)).build());
    boolean ticket = cp == JsseProvider.JSSE && sp == JsseProvider.JSSE;

    JsseEngine c1 = cf.newEngine(TestPki.HOST, 443);
    JsseEngine s1 = sf.newEngine();
    Trace first = Loopback.run(c1, s1, Connections.EXCHANGE);
    assertThat(handshake(first)).containsExactlyElementsOf(Rfc5246Sequence.full(KeyExchange.ECDHE_RSA, false, ticket));

    JsseEngine c2 = cf.newEngine(TestPki.HOST, 443);
    JsseEngine s2 = sf.newEngine();
    Trace second = Loopback.run(c2, s2, Connections.EXCHANGE);

    assertThat(handshake(second)).containsExactlyElementsOf(Rfc5246Sequence.abbreviated(ticket));
    assertThat(Connections.received(second, Side.SERVER)).isEqualTo(Connections.CLIENT_DATA);
    assertThat(Connections.received(second, Side.CLIENT)).isEqualTo(Connections.SERVER_DATA);
    Negotiated n1 = c1.negotiated().orElseThrow();
    for (Negotiated n : List.of(c2.negotiated().orElseThrow(), s2.negotiated().orElseThrow())) {
      assertThat(n.resumed()).isTrue();
      assertThat(n.cipherSuite()).isEqualTo(suite);
      assertThat(n.version()).isEqualTo(v);
    }
    assertThat(n1.resumed()).isFalse();
    ClientHello hello = clientHello(second, v);
    Optional<SessionTicketExtension> offered = hello.extension(SessionTicketExtension.class);
    if (ticket) {
      // RFC 5077 §3.4: the client presents the ticket it got in the first connection.
      assertThat(offered).isPresent();
      assertThat(offered.get().ticket().length()).isPositive();
    } else {
      // RFC 5246 §7.4.1.2: the client offers the first session's ID, the server echoes it.
      assertThat(offered.map(SessionTicketExtension::ticket).orElse(Bytes.EMPTY).isEmpty()).isTrue();
      assertThat(hello.sessionId()).isEqualTo(n1.sessionId());
      assertThat(c2.negotiated().orElseThrow().sessionId()).isEqualTo(n1.sessionId());
    }
  }

  /** The labels up to the end of the handshake (before the first application data). */
  private static List<String> handshake(Trace t) {
    List<String> out = new ArrayList<>();
    for (String l : t.labels()) {
      if (l.endsWith(".application_data")) {
        break;
      }
      out.add(l);
    }
    return out;
  }

  private static ClientHello clientHello(Trace t, ProtocolVersion v) throws Exception {
    return (ClientHello) HandshakeCodec.decode(t.sent().get(0).message().encoding(), DecodeContext.of(v));
  }
}
