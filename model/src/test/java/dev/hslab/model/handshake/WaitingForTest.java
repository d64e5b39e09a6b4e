package dev.hslab.model.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What a side waits for is answered by the tables alone. The expected strings are the answers the
 * hand-written code gave before the tables did (ModelEngine.waitingFor, explore.Model.waitingFor),
 * state by state, so no printed {@code waitingFor} changed.
 */
class WaitingForTest {

  private static final Facts NOTHING_KNOWN = Facts.initial(true);
  private static final Facts ECDHE_CLIENT_AUTH = NOTHING_KNOWN
      .withHello(ProtocolVersion.TLS12, KeyExchange.ECDHE_RSA, false, false)
      .withCertificateRequested(true).withClientCertificate(true);
  private static final Facts RSA_TICKET = NOTHING_KNOWN.withHello(ProtocolVersion.TLS12, KeyExchange.RSA, false, true);
  private static final Facts PSK_NO_HINT = NOTHING_KNOWN.withHello(ProtocolVersion.TLS12, KeyExchange.PSK, false, false);
  private static final Facts RESUMED = NOTHING_KNOWN.withHello(ProtocolVersion.TLS12, KeyExchange.ECDHE_RSA, true, true);
  private static final Facts RENEGOTIATING_DHE =
      NOTHING_KNOWN.nextHandshake().withHello(ProtocolVersion.TLS12, KeyExchange.DHE_RSA, false, false);

  /** The facts of the columns below, in order. */
  private static final List<Facts> PROFILES =
      List.of(NOTHING_KNOWN, ECDHE_CLIENT_AUTH, RSA_TICKET, PSK_NO_HINT, RESUMED, RENEGOTIATING_DHE);

  /** State, then the model engine's answer under each of {@link #PROFILES}, then the explorer's. */
  private static final List<String> CLIENT = List.of(
      "START nothing nothing nothing nothing nothing nothing | nothing",
      "WAIT_SERVER_HELLO server_hello server_hello server_hello server_hello server_hello server_hello"
          + " | server_hello|no_renegotiation",
      "WAIT_SERVER_CERTIFICATE certificate certificate certificate certificate certificate certificate | certificate",
      "WAIT_SERVER_KEY_EXCHANGE server_hello_done server_key_exchange server_key_exchange server_hello_done"
          + " server_key_exchange server_key_exchange | server_key_exchange|server_hello_done",
      "WAIT_CERTIFICATE_REQUEST server_hello_done server_hello_done server_hello_done server_hello_done"
          + " server_hello_done server_hello_done | certificate_request|server_hello_done",
      "WAIT_SERVER_HELLO_DONE server_hello_done server_hello_done server_hello_done server_hello_done"
          + " server_hello_done server_hello_done | server_hello_done",
      "WAIT_NEW_SESSION_TICKET new_session_ticket new_session_ticket new_session_ticket new_session_ticket"
          + " new_session_ticket new_session_ticket | new_session_ticket",
      "WAIT_CHANGE_CIPHER_SPEC change_cipher_spec change_cipher_spec change_cipher_spec change_cipher_spec"
          + " change_cipher_spec change_cipher_spec | change_cipher_spec",
      "WAIT_FINISHED finished finished finished finished finished finished | finished",
      "ESTABLISHED application_data application_data application_data application_data application_data"
          + " application_data | hello_request|close_notify",
      "WAIT_CLOSE_NOTIFY close_notify close_notify close_notify close_notify close_notify close_notify | close_notify",
      "CLOSED nothing nothing nothing nothing nothing nothing | nothing",
      "FAILED nothing nothing nothing nothing nothing nothing | nothing");

  private static final List<String> SERVER = List.of(
      "WAIT_CLIENT_HELLO client_hello client_hello client_hello client_hello client_hello client_hello | client_hello",
      "WAIT_CLIENT_CERTIFICATE certificate certificate certificate certificate certificate certificate"
          + " | certificate|no_certificate",
      "WAIT_CLIENT_KEY_EXCHANGE client_key_exchange client_key_exchange client_key_exchange client_key_exchange"
          + " client_key_exchange client_key_exchange | client_key_exchange",
      "WAIT_CERTIFICATE_VERIFY certificate_verify certificate_verify certificate_verify certificate_verify"
          + " certificate_verify certificate_verify | certificate_verify",
      "WAIT_CHANGE_CIPHER_SPEC change_cipher_spec change_cipher_spec change_cipher_spec change_cipher_spec"
          + " change_cipher_spec change_cipher_spec | change_cipher_spec",
      "WAIT_FINISHED finished finished finished finished finished finished | finished",
      "ESTABLISHED application_data application_data application_data application_data application_data"
          + " application_data | client_hello|close_notify",
      "WAIT_CLOSE_NOTIFY close_notify close_notify close_notify close_notify close_notify close_notify | close_notify",
      "CLOSED nothing nothing nothing nothing nothing nothing | nothing",
      "FAILED nothing nothing nothing nothing nothing nothing | nothing");

  @Test
  void theClientTableGivesTheAnswersOfEveryStateAsBefore() {
    assertThat(answers(ClientTable.TABLE, ServerTable.TABLE)).containsExactlyElementsOf(CLIENT);
  }

  @Test
  void theServerTableGivesTheAnswersOfEveryStateAsBefore() {
    assertThat(answers(ServerTable.TABLE, ClientTable.TABLE)).containsExactlyElementsOf(SERVER);
  }

  @Test
  void theReadmeTimeoutsComeFromTheTable() {
    // README: "client timed out in WAIT_CERTIFICATE_REQUEST waiting for server_hello_done" (ECDHE,
    // ServerHelloDone dropped) and the demo's timeout:client:WAIT_CLOSE_NOTIFY:close_notify.
    assertThat(ClientTable.TABLE.waitingFor(ClientState.WAIT_CERTIFICATE_REQUEST, ECDHE_CLIENT_AUTH
        .withCertificateRequested(false).withClientCertificate(false), ServerTable.TABLE))
        .contains(MessageKind.SERVER_HELLO_DONE);
    assertThat(ClientTable.TABLE.waitingFor(ClientState.WAIT_CLOSE_NOTIFY, RSA_TICKET, ServerTable.TABLE))
        .contains(MessageKind.CLOSE_NOTIFY_ALERT);
  }

  /**
   * RFC 5246 §7.3 Figure 1: ClientHello; ServerHello, Certificate*, ServerKeyExchange*,
   * CertificateRequest*, ServerHelloDone; Certificate*, ClientKeyExchange, CertificateVerify*,
   * [ChangeCipherSpec], Finished; [ChangeCipherSpec], Finished. Figure 2 (abbreviated):
   * ClientHello; ServerHello, [ChangeCipherSpec], Finished; [ChangeCipherSpec], Finished.
   */
  @Test
  void theFlowsTheTablesWalkAreTheRfcFlights() {
    List<Flights.Sent> figure1 = flow("c.client_hello s.server_hello s.certificate s.server_key_exchange"
        + " s.certificate_request s.server_hello_done c.certificate c.client_key_exchange c.certificate_verify"
        + " c.change_cipher_spec c.finished s.change_cipher_spec s.finished");
    List<Flights.Sent> figure2 = flow("c.client_hello s.server_hello s.change_cipher_spec s.finished"
        + " c.change_cipher_spec c.finished");
    assertThat(Flights.handshakes(false)).contains(figure1);
    assertThat(Flights.handshakes(true)).contains(figure2);
    // RFC 5077 §3.1: NewSessionTicket comes just before the server's ChangeCipherSpec.
    assertThat(Flights.handshakes(true)).contains(flow("c.client_hello s.server_hello s.new_session_ticket"
        + " s.change_cipher_spec s.finished c.change_cipher_spec c.finished"));
    // Every other flow keeps Figure 1's order, only leaving out starred messages (or, in SSL 3.0,
    // answering with no_certificate, RFC 6101 §5.4.2; and a ticket, RFC 5077).
    List<Flights.Sent> order = new ArrayList<>(figure1);
    order.add(order.indexOf(new Flights.Sent(Side.CLIENT, MessageKind.CERTIFICATE)) + 1,
        new Flights.Sent(Side.CLIENT, MessageKind.NO_CERTIFICATE_ALERT));
    order.add(order.indexOf(new Flights.Sent(Side.SERVER, MessageKind.CHANGE_CIPHER_SPEC)),
        new Flights.Sent(Side.SERVER, MessageKind.NEW_SESSION_TICKET));
    for (List<Flights.Sent> f : Flights.handshakes(false)) {
      assertThat(order).containsSubsequence(f);
    }
  }

  @Test
  void aSideFirstWaitsForItsPeersOpening() {
    assertThat(Flights.opening(Side.CLIENT)).isEqualTo(MessageKind.SERVER_HELLO);
    assertThat(Flights.opening(Side.SERVER)).isEqualTo(MessageKind.CLIENT_HELLO);
  }

  @Test
  void afterAMessageComesTheNextOneEveryFlowSends() {
    // Bracketed messages are passed over: after the ServerHello of a full handshake, whatever
    // stands between, the ServerHelloDone (RFC 5246 §7.3, §7.4.5).
    assertThat(Flights.after(Side.SERVER, MessageKind.SERVER_HELLO, false)).contains(MessageKind.SERVER_HELLO_DONE);
    assertThat(Flights.after(Side.SERVER, MessageKind.SERVER_HELLO, true)).contains(MessageKind.CHANGE_CIPHER_SPEC);
    assertThat(Flights.after(Side.SERVER, MessageKind.SERVER_HELLO_DONE, false)).contains(MessageKind.CLIENT_KEY_EXCHANGE);
    // A ServerKeyExchange belongs to a full handshake whatever the caller believed.
    assertThat(Flights.after(Side.SERVER, MessageKind.SERVER_KEY_EXCHANGE, true)).contains(MessageKind.SERVER_HELLO_DONE);
    // The last Finished ends the handshake; data is no part of it.
    assertThat(Flights.after(Side.SERVER, MessageKind.FINISHED, false)).isEmpty();
    assertThat(Flights.after(Side.CLIENT, MessageKind.APPLICATION_DATA, false)).isEmpty();
  }

  private static <S extends Enum<S> & HandshakeState> List<String> answers(
      TransitionTable<S> table, TransitionTable<?> peer) {
    List<String> out = new ArrayList<>();
    for (S s : table.states()) {
      StringBuilder line = new StringBuilder(s.name());
      for (Facts f : PROFILES) {
        Optional<MessageKind> w = table.waitingFor(s, f, peer);
        line.append(' ').append(w.map(MessageKind::label).orElse("nothing"));
      }
      List<MessageKind> moving = table.movingOn(s);
      line.append(" | ").append(moving.isEmpty() ? "nothing"
          : String.join("|", moving.stream().map(MessageKind::label).toList()));
      out.add(line.toString());
    }
    return out;
  }

  private static List<Flights.Sent> flow(String labels) {
    List<Flights.Sent> out = new ArrayList<>();
    for (String l : labels.split(" ")) {
      Side side = l.startsWith("c.") ? Side.CLIENT : Side.SERVER;
      String type = l.substring(2);
      for (MessageKind k : MessageKind.values()) {
        if (k.label().equals(type)) {
          out.add(new Flights.Sent(side, k));
        }
      }
    }
    return out;
  }
}
