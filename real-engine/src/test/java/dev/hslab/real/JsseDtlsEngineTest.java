package dev.hslab.real;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hslab.model.dtls.DtlsDatagram;
import dev.hslab.model.dtls.Pmtu;
import dev.hslab.model.engine.Engine;
import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.engine.Step;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SunJSSE's DTLSv1.2 SSLEngine behind the datagram contract ({@link JsseDtlsEngine}), two of them
 * passing datagrams by hand: the handshake completes with RFC 6347's messages named by our codecs,
 * the retransmission timer starts at 1 s and doubles on each expiry (§4.2.4.1), and an expiry
 * makes SunJSSE resend its flight (the JDK tests' {@code wrap()} on timeout).
 */
class JsseDtlsEngineTest {

  private static final ProtocolVersion V = ProtocolVersion.DTLS12;
  private static final List<CipherSuite> SUITES = List.of(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256);

  /** Sent datagrams and events per side. */
  private final List<String> sent = new ArrayList<>();
  private final List<Long> timers = new ArrayList<>();

  @Test
  void twoSunJsseDtlsEnginesCompleteAHandshakeWithRfc6347sMessages() {
    Engine client = client();
    Engine server = server();
    server.start();
    pingPong(client.start(), client, server, -1);
    assertThat(client.established()).isTrue();
    assertThat(server.established()).isTrue();
    assertThat(client.negotiated().orElseThrow().version()).isEqualTo(ProtocolVersion.DTLS12);
    assertThat(client.negotiated().orElseThrow().cipherSuite()).isEqualTo(SUITES.get(0));
    // RFC 6347 §4.2.1 and Figure 1: the cookie exchange, then the TLS 1.2 flights (the Finished
    // messages in epoch 1 stay encrypted without the master secret).
    assertThat(sent).startsWith("client:client_hello", "server:hello_verify_request", "client:client_hello",
        "server:server_hello", "server:certificate", "server:server_key_exchange", "server:server_hello_done",
        "client:client_key_exchange", "client:change_cipher_spec", "client:" + Infos.ENCRYPTED_HANDSHAKE);
    // Observed, pinned: SunJSSE's server sends its last flight twice at once, with new record
    // sequence numbers (no timer guards the last flight, RFC 6347 §4.2.4; the copy stands in).
    assertThat(sent).filteredOn("server:change_cipher_spec"::equals).hasSize(2);
    // Each flight asked for the timer at 1 s; the end of the handshake cancelled it.
    assertThat(timers).isNotEmpty().allMatch(t -> t == JsseDtlsEngine.INITIAL_TIMER_MS || t < 0);
  }

  @Test
  void anExpiredTimerResendsTheFlightAndDoublesUpTo60Seconds() {
    JsseDtlsEngine client = client();
    Engine server = server();
    server.start();
    Step hello = client.start();
    assertThat(timerOf(hello)).isEqualTo(1_000);
    // The ClientHello is lost; each expiry resends it, with the timer doubled: 2, 4, ..., 60, 60 s.
    List<Long> seen = new ArrayList<>();
    Step again = hello;
    for (int i = 0; i < 8; i++) {
      again = client.retransmissionTimeout();
      assertThat(again.records()).as("the ClientHello again").hasSize(1);
      assertThat(messages(again, Side.CLIENT)).containsExactly("client:client_hello");
      seen.add(timerOf(again));
    }
    assertThat(seen).containsExactly(2_000L, 4_000L, 8_000L, 16_000L, 32_000L, 60_000L, 60_000L, 60_000L);
    // The last copy arrives: the handshake goes on, and the next flight starts at 1 s again.
    pingPong(again, client, server, -1);
    assertThat(client.established() && server.established()).isTrue();
    assertThat(timers).contains(1_000L);
  }

  @Test
  void aLostServerFlightIsResentWhenTheClientsTimerExpires() {
    JsseDtlsEngine client = client();
    Engine server = server();
    server.start();
    Step ch1 = client.start();
    Step hvr = server.receive(ch1.records().get(0));
    Step ch2 = client.receive(hvr.records().get(0));
    Step flight = deliverAll(ch2, server);
    assertThat(messages(flight, Side.SERVER)).startsWith("server:server_hello");
    assertThat(flight.records()).allMatch(d -> d.length() <= Pmtu.DEFAULT.bytes());
    // The server flight is lost. The client's timer resends the second ClientHello; SunJSSE's
    // server answers the retransmission with its whole flight again (RFC 6347 §4.2.4).
    Step resent = client.retransmissionTimeout();
    assertThat(messages(resent, Side.CLIENT)).containsExactly("client:client_hello");
    assertThat(resent.events()).filteredOn(e -> e instanceof EngineEvent.MessageSent)
        .allMatch(e -> ((EngineEvent.MessageSent) e).message().detail().contains("retransmitted"));
    Step again = deliverAll(resent, server);
    assertThat(messages(again, Side.SERVER)).isEqualTo(messages(flight, Side.SERVER));
    pingPong(again, server, client, -1);
    assertThat(client.established() && server.established()).isTrue();
  }

  @Test
  void dtls10IsRefusedWithTheJdksReason() {
    JvmTlsPolicy.enableLegacyTlsForThisJvm(); // removes TLS 1.0/1.1, never DTLS 1.0
    assertThatThrownBy(() -> JsseEngineFactory.create(JsseProvider.JSSE,
        Connections.client(ProtocolVersion.DTLS10, ProtocolVersion.DTLS10, SUITES).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DTLSv1.0 is disabled in this JDK");
  }

  private static JsseDtlsEngine client() {
    return JsseEngineFactory.create(JsseProvider.JSSE, Connections.client(V, V, SUITES).build()).newDtlsEngine();
  }

  private static JsseDtlsEngine server() {
    return JsseEngineFactory.create(JsseProvider.JSSE, Connections.server(V, V, SUITES).build()).newDtlsEngine();
  }

  /** Delivers every datagram of {@code step} to {@code to}, the answers merged into one step. */
  private Step deliverAll(Step step, Engine to) {
    record(step, to.side().peer());
    List<Bytes> out = new ArrayList<>();
    List<EngineEvent> events = new ArrayList<>();
    for (Bytes d : step.records()) {
      assertThat(DtlsDatagram.decode(d)).isNotEmpty();
      Step s = to.receive(d);
      out.addAll(s.records());
      events.addAll(s.events());
    }
    return new Step(out, events);
  }

  /** Passes datagrams back and forth until neither side sends more. */
  private void pingPong(Step first, Engine from, Engine to, int maxTurns) {
    Step s = first;
    Engine a = from;
    Engine b = to;
    for (int turn = 0; turn < 20 && !s.records().isEmpty(); turn++) {
      s = deliverAll(s, b);
      Engine t = a;
      a = b;
      b = t;
    }
    record(s, a.side());
  }

  private void record(Step step, Side from) {
    sent.addAll(messages(step, from));
    for (EngineEvent e : step.events()) {
      if (e instanceof EngineEvent.RetransmissionTimer t) {
        timers.add(t.afterMillis());
      }
    }
  }

  private static List<String> messages(Step step, Side from) {
    return step.events().stream().filter(e -> e instanceof EngineEvent.MessageSent)
        .map(e -> from.label() + ":" + ((EngineEvent.MessageSent) e).message().type()).toList();
  }

  private static long timerOf(Step step) {
    return step.events().stream().filter(e -> e instanceof EngineEvent.RetransmissionTimer)
        .map(e -> ((EngineEvent.RetransmissionTimer) e).afterMillis()).reduce((x, y) -> y).orElseThrow();
  }
}
