package dev.hslab.real;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.handshake.Side;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a real engine waits for, read off the transition tables' flights from the last message on
 * the wire. Each row is a case the hand-written list (the former {@code real.WaitingFor}) answered:
 * sender, message type, whether the handshake looked abbreviated, the answer. Where that list was
 * wrong by RFC 5246 §7.3 the row says so and holds the RFC's answer.
 */
class JsseWaitingForTest {

  private static final List<String> SAME_AS_BEFORE = List.of(
      "client client_hello false server_hello",
      "client client_hello true server_hello",
      "server server_hello false server_hello_done",
      "server server_hello true change_cipher_spec",
      "server certificate false server_hello_done",
      "server certificate true server_hello_done",
      "server server_key_exchange false server_hello_done",
      "server certificate_request false server_hello_done",
      "server server_hello_done false client_key_exchange",
      "server server_hello_done true client_key_exchange",
      "client certificate false client_key_exchange",
      "client certificate true client_key_exchange",
      "client client_key_exchange false change_cipher_spec",
      "client client_key_exchange true change_cipher_spec",
      "client certificate_verify false change_cipher_spec",
      "client certificate_verify true change_cipher_spec",
      "server new_session_ticket false change_cipher_spec",
      "server new_session_ticket true change_cipher_spec",
      "client change_cipher_spec false finished",
      "client change_cipher_spec true finished",
      "server change_cipher_spec false finished",
      "server change_cipher_spec true finished",
      "client finished false change_cipher_spec",
      "client encrypted_handshake_message false change_cipher_spec",
      "server finished true change_cipher_spec",
      "server encrypted_handshake_message true change_cipher_spec",
      "server hello_request false -",
      "client application_data false -",
      "server application_data true -",
      "client alert false -",
      "server alert true -");

  /**
   * The cases the old list answered against the RFC. (1) "Abbreviated" is a ServerHello without a
   * ServerHelloDone yet, so it holds in the middle of every full server flight: the old list then
   * said change_cipher_spec after a ServerKeyExchange or CertificateRequest, which only a full
   * handshake sends; ServerHelloDone must come (RFC 5246 §7.3, §7.4.5). (2) The Finished that ends
   * the handshake (the server's in a full one, the client's in an abbreviated one) is followed by
   * no handshake message, where the old list said change_cipher_spec.
   */
  private static final List<String> CORRECTED = List.of(
      "server server_key_exchange true server_hello_done",
      "server certificate_request true server_hello_done",
      "server finished false -",
      "server encrypted_handshake_message false -",
      "client finished true -",
      "client encrypted_handshake_message true -");

  @Test
  void beforeAnythingCrossesTheWireEachSideWaitsForItsPeersHello() {
    assertThat(JsseEngine.waitingFor(Side.CLIENT, null, "", false)).isEqualTo("server_hello");
    assertThat(JsseEngine.waitingFor(Side.SERVER, null, "", false)).isEqualTo("client_hello");
  }

  @Test
  void theTablesGiveTheAnswersTheHandWrittenListGave() {
    for (String row : SAME_AS_BEFORE) {
      check(row);
    }
  }

  @Test
  void theTablesCorrectWhereTheHandWrittenListWentAgainstTheRfc() {
    for (String row : CORRECTED) {
      check(row);
    }
  }

  private static void check(String row) {
    String[] f = row.split(" ");
    Side from = f[0].equals("client") ? Side.CLIENT : Side.SERVER;
    String expected = f[3].equals("-") ? "" : f[3];
    for (Side self : Side.values()) {
      assertThat(JsseEngine.waitingFor(self, from, f[1], Boolean.parseBoolean(f[2]))).as(row).isEqualTo(expected);
    }
  }
}
