package dev.hslab.model.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.config.Credentials;
import dev.hslab.model.config.EngineConfigs;
import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.dtls.DtlsDatagram;
import dev.hslab.model.dtls.RecordDecision;
import dev.hslab.model.dtls.handshake.HandshakeFragment;
import dev.hslab.model.handshake.ClientAuth;
import dev.hslab.model.handshake.ClientCertificate;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.record.ContentType;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The model engine speaking DTLS to itself over {@link DatagramLink}, in virtual time: the
 * sequence of RFC 6347 §4.2.4 with the cookie exchange, for every key exchange and both
 * versions; datagrams within the PMTU; a lost flight sent again after 1 s, then 2 s (§4.2.4.1);
 * a lost last flight sent again when the peer repeats its previous one (§4.2.4).
 */
class DtlsModelEngineTest {

  private static final Credentials CREDS = Credentials.forSeed(19);

  static Stream<Arguments> everyKeyExchange() {
    List<Arguments> out = new ArrayList<>();
    for (ProtocolVersion v : ProtocolVersion.DTLS) {
      for (KeyExchange k : KeyExchange.values()) {
        if (!HandshakeConfig.of(v, k).effectiveSuites().isEmpty()) {
          out.add(Arguments.of(v, k));
        }
      }
    }
    return out.stream();
  }

  private static DatagramLink run(HandshakeConfig hc, Map<Side, Set<Integer>> drops) {
    ModelEngine<?> client = ModelEngine.create(EngineConfigs.client(hc, CREDS, 1, Optional.empty()));
    ModelEngine<?> server = ModelEngine.create(EngineConfigs.server(hc, CREDS, 1, new SessionCache(16)));
    DatagramLink link = new DatagramLink(client, server, drops).run(600_000);
    assertThat(client.established()).as("client established, %s", link.labels()).isTrue();
    assertThat(server.established()).as("server established, %s", link.labels()).isTrue();
    assertThat(client.masterSecret()).isPresent().isEqualTo(server.masterSecret());
    assertThat(client.negotiated().orElseThrow().version()).isEqualTo(hc.clientMax());
    return link;
  }

  @ParameterizedTest
  @MethodSource("everyKeyExchange")
  void everyKeyExchangeCompletesWithTheCookieExchange(ProtocolVersion v, KeyExchange kex) {
    DatagramLink link = run(HandshakeConfig.of(v, kex), Map.of());
    // RFC 6347 §4.2.1: ClientHello, HelloVerifyRequest, the ClientHello again with the cookie.
    assertThat(link.labels().subList(0, 4)).containsExactly("client.client_hello", "server.hello_verify_request",
        "client.client_hello", "server.server_hello");
    assertThat(link.labels()).endsWith("client.change_cipher_spec", "client.finished",
        "server.change_cipher_spec", "server.finished");
    for (DatagramLink.Sent s : link.sent()) {
      // §4.1.1: every datagram within the 1,200-byte PMTU, every record whole in it.
      assertThat(s.datagram().length()).isLessThanOrEqualTo(1200);
      assertThat(DtlsDatagram.decode(s.datagram())).allMatch(d -> d instanceof RecordDecision.Accepted);
    }
  }

  @Test
  void clientAuthenticationSendsFlightFiveOfFigure1() {
    HandshakeConfig hc = HandshakeConfig.of(ProtocolVersion.DTLS12, KeyExchange.ECDHE_ECDSA)
        .withClientAuth(ClientAuth.REQUIRE, ClientCertificate.ECDSA);
    DatagramLink link = run(hc, Map.of());
    // RFC 6347 §4.2.4 Figure 1, every starred message present.
    assertThat(link.labels()).containsExactly("client.client_hello", "server.hello_verify_request",
        "client.client_hello", "server.server_hello", "server.certificate", "server.server_key_exchange",
        "server.certificate_request", "server.server_hello_done", "client.certificate", "client.client_key_exchange",
        "client.certificate_verify", "client.change_cipher_spec", "client.finished", "server.change_cipher_spec",
        "server.finished");
  }

  @Test
  void aLostFirstFlightIsSentAgainAfterOneSecondThenTwo() {
    // The client's first two ClientHello datagrams are lost: sent at 0, again at 1 s, again at
    // 1 + 2 = 3 s (RFC 6347 §4.2.4.1: 1 s initial, doubled at each retransmission).
    DatagramLink link = run(HandshakeConfig.of(ProtocolVersion.DTLS12, KeyExchange.ECDHE_RSA),
        Map.of(Side.CLIENT, Set.of(1, 2)));
    List<DatagramLink.Sent> firstHellos = link.sent().stream()
        .filter(s -> s.from() == Side.CLIENT && carriesHandshake(s, 1, 0)).toList();
    assertThat(firstHellos).extracting(DatagramLink.Sent::atMillis).containsExactly(0L, 1_000L, 3_000L);
    assertThat(firstHellos).extracting(DatagramLink.Sent::dropped).containsExactly(true, true, false);
    // Each retransmission is the same message in a record with a new sequence number (§4.2.4, §4.1).
    assertThat(firstHellos.stream().map(s -> recordSeq(s)).distinct()).hasSize(3);
  }

  @Test
  void aLostLastFlightIsSentAgainWhenThePeerRepeatsItsPrevious() {
    HandshakeConfig hc = HandshakeConfig.of(ProtocolVersion.DTLS12, KeyExchange.ECDHE_RSA);
    DatagramLink lossless = run(hc, Map.of());
    int lastServer = (int) lossless.sent().stream().filter(s -> s.from() == Side.SERVER).count();
    DatagramLink link = run(hc, Map.of(Side.SERVER, Set.of(lastServer)));
    // The server's flight 6 (ChangeCipherSpec, Finished) is lost; it has no timer (FINISHED), so
    // only the client's retransmitted flight 5 at 1 s brings it out again (§4.2.4).
    List<DatagramLink.Sent> serverAfter = link.sent().stream().filter(s -> s.from() == Side.SERVER && s.n() > lastServer).toList();
    assertThat(serverAfter).isNotEmpty();
    assertThat(serverAfter.get(0).atMillis()).isEqualTo(1_000L);
    assertThat(link.sent().stream().filter(s -> s.from() == Side.CLIENT && s.atMillis() == 1_000L)).isNotEmpty();
  }

  /** Whether {@code s} holds an epoch-0 handshake record carrying message {@code type} with message_seq {@code seq}. */
  private static boolean carriesHandshake(DatagramLink.Sent s, int type, int seq) {
    for (RecordDecision d : DtlsDatagram.decode(s.datagram())) {
      if (d instanceof RecordDecision.Accepted a && a.record().type() == ContentType.HANDSHAKE && a.record().epoch() == 0) {
        try {
          for (HandshakeFragment f : HandshakeFragment.decodeAll(a.record().fragment())) {
            if (f.msgType() == type && f.messageSeq() == seq) {
              return true;
            }
          }
        } catch (dev.hslab.model.wire.TlsAlertException e) {
          return false;
        }
      }
    }
    return false;
  }

  private static long recordSeq(DatagramLink.Sent s) {
    return ((RecordDecision.Accepted) DtlsDatagram.decode(s.datagram()).get(0)).record().sequenceNumber();
  }
}
