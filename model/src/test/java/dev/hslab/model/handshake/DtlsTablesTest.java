package dev.hslab.model.handshake;

import static dev.hslab.model.handshake.MessageKind.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.handshake.Flights.Sent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The DTLS tables against RFC 6347 §4.2.4's two figures of message flights, written out here from
 * the RFC's text: six flights for a full handshake, three for an abbreviated one.
 */
class DtlsTablesTest {

  private static Sent c(MessageKind k) {
    return new Sent(Side.CLIENT, k);
  }

  private static Sent s(MessageKind k) {
    return new Sent(Side.SERVER, k);
  }

  /** RFC 6347 §4.2.4 Figure 1 with every starred message present (certificate requested and sent). */
  private static final List<List<Sent>> FULL_ALL_STARS = List.of(
      List.of(c(CLIENT_HELLO)),
      List.of(s(HELLO_VERIFY_REQUEST)),
      List.of(c(CLIENT_HELLO)),
      List.of(s(SERVER_HELLO), s(CERTIFICATE), s(SERVER_KEY_EXCHANGE), s(CERTIFICATE_REQUEST), s(SERVER_HELLO_DONE)),
      List.of(c(CERTIFICATE), c(CLIENT_KEY_EXCHANGE), c(CERTIFICATE_VERIFY), c(CHANGE_CIPHER_SPEC), c(FINISHED)),
      List.of(s(CHANGE_CIPHER_SPEC), s(FINISHED)));

  /** RFC 6347 §4.2.4 Figure 1 with no starred message (RSA key transport, no client certificate). */
  private static final List<List<Sent>> FULL_NO_STARS = List.of(
      List.of(c(CLIENT_HELLO)),
      List.of(s(HELLO_VERIFY_REQUEST)),
      List.of(c(CLIENT_HELLO)),
      List.of(s(SERVER_HELLO), s(CERTIFICATE), s(SERVER_HELLO_DONE)),
      List.of(c(CLIENT_KEY_EXCHANGE), c(CHANGE_CIPHER_SPEC), c(FINISHED)),
      List.of(s(CHANGE_CIPHER_SPEC), s(FINISHED)));

  /** RFC 6347 §4.2.4 Figure 2: the abbreviated handshake. */
  private static final List<List<Sent>> ABBREVIATED = List.of(
      List.of(c(CLIENT_HELLO)),
      List.of(s(SERVER_HELLO), s(CHANGE_CIPHER_SPEC), s(FINISHED)),
      List.of(c(CHANGE_CIPHER_SPEC), c(FINISHED)));

  @Test
  void everyFullHandshakeHasTheSixFlightsOfFigure1() {
    List<List<Sent>> flows = Flights.dtlsHandshakes(false);
    assertThat(flows).isNotEmpty();
    List<List<List<Sent>>> cut = new ArrayList<>();
    for (List<Sent> flow : flows) {
      List<List<Sent>> flights = Flights.flights(flow);
      assertThat(flights).as("%s", flow).hasSize(6);
      assertThat(flights.get(0)).containsExactly(c(CLIENT_HELLO));
      assertThat(flights.get(1)).containsExactly(s(HELLO_VERIFY_REQUEST));
      assertThat(flights.get(2)).containsExactly(c(CLIENT_HELLO));
      assertThat(flights.get(5)).endsWith(s(CHANGE_CIPHER_SPEC), s(FINISHED));
      assertThat(flow).doesNotContain(c(NO_CERTIFICATE_ALERT));
      cut.add(flights);
    }
    assertThat(cut).contains(FULL_ALL_STARS, FULL_NO_STARS);
  }

  @Test
  void everyAbbreviatedHandshakeHasTheThreeFlightsOfFigure2() {
    List<List<Sent>> flows = Flights.dtlsHandshakes(true);
    assertThat(flows).isNotEmpty();
    for (List<Sent> flow : flows) {
      assertThat(Flights.flights(flow)).as("%s", flow).hasSize(3);
    }
    assertThat(flows.stream().map(Flights::flights).toList()).contains(ABBREVIATED);
  }

  @Test
  void theDtlsTablesAreTheTlsTablesWithTheCookieExchange() {
    // Every TLS row but SSL 3.0's is in the DTLS table, or moved to the cookie states.
    for (Transition<ClientState> t : ClientTable.TABLE.rows()) {
      boolean ssl3 = t.guards().contains(Guard.SSL3);
      boolean start = t.from() == ClientState.START;
      if (!ssl3 && !start && t.emits().stream().noneMatch(e -> e.kind() == NO_CERTIFICATE_ALERT)) {
        assertThat(DtlsClientTable.TABLE.rows()).contains(t);
      }
    }
    assertThat(DtlsClientTable.TABLE.rows().size() - ClientTable.TABLE.rows().size())
        .as("one HelloVerifyRequest row and a copy of each ServerHello row").isEqualTo(1 + 4);
    assertThat(DtlsClientTable.TABLE.movingOn(ClientState.WAIT_HELLO_VERIFY_REQUEST))
        .containsExactly(HELLO_VERIFY_REQUEST, SERVER_HELLO);
    assertThat(DtlsServerTable.TABLE.rowsFrom(ServerState.WAIT_CLIENT_HELLO))
        .extracting(Transition::to)
        .containsExactly(ServerState.WAIT_CLIENT_HELLO_WITH_COOKIE, ServerState.WAIT_CHANGE_CIPHER_SPEC);
    assertThat(DtlsServerTable.TABLE.states()).contains(ServerState.WAIT_CLIENT_HELLO_WITH_COOKIE);
    assertThat(DtlsServerTable.TABLE.rows()).noneMatch(t -> t.guards().contains(Guard.SSL3));
  }

  @Test
  void theTlsTablesAndVocabularyKnowNothingOfDtls() {
    assertThat(ClientTable.TABLE.states()).doesNotContain(ClientState.WAIT_HELLO_VERIFY_REQUEST);
    assertThat(ServerTable.TABLE.states()).doesNotContain(ServerState.WAIT_CLIENT_HELLO_WITH_COOKIE);
    assertThat(MessageKind.tls()).doesNotContain(HELLO_VERIFY_REQUEST).hasSize(MessageKind.values().length - 1);
    assertThat(MessageKind.typeNames()).doesNotContain("hello_verify_request");
    assertThat(MessageKind.typeNames(true)).contains("hello_verify_request");
    for (List<Sent> flow : Flights.handshakes(false)) {
      assertThat(flow).doesNotContain(s(HELLO_VERIFY_REQUEST));
    }
  }
}
