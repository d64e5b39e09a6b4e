package dev.hslab.cli;

import static dev.hslab.cli.RunCommandTest.hslab;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --protocol dtls} on the command line: run and render states, and one line for what is not there yet. */
class DtlsCommandsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource({
    "dtls1.2, ecdhe_ecdsa, none", "dtls1.2, rsa, require", "dtls1.2, dhe_rsa, request", "dtls1.2, psk, none",
    "dtls1.2, ecdh_anon, none", "dtls1.0, ecdhe_rsa, require", "dtls1.0, rsa, none"})
  void runCompletesWithTheCookieExchange(String version, String kex, String auth) throws Exception {
    RunCommandTest.Result r = hslab("run", "--json", "--protocol", "dtls", "--version", version, "--kex", kex,
        "--client-auth", auth);
    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isZero();
    JsonNode j = JSON.readTree(r.out());
    assertThat(j.get("outcome").asText()).isEqualTo("established");
    assertThat(j.get("masterSecretMatch").asBoolean()).isTrue();
    assertThat(j.get("negotiated").get("version").asText()).isEqualTo(version.equals("dtls1.2") ? "DTLSv1.2" : "DTLSv1.0");
    List<String> types = new ArrayList<>();
    j.get("messages").forEach(m -> types.add(m.get("from").asText() + "." + m.get("type").asText()));
    // RFC 6347 §4.2.1: ClientHello, HelloVerifyRequest, ClientHello with the cookie, ServerHello.
    assertThat(types.subList(0, 4)).containsExactly("client.client_hello", "server.hello_verify_request",
        "client.client_hello", "server.server_hello");
  }

  /**
   * Over the simulated UDP network, a lost datagram is recovered by the DTLS timers, not by a
   * transport: the datagram starting the server's ServerHello is dropped, the client's timer
   * (1 s, RFC 6347 §4.2.4.1) resends its ClientHello, and that retransmission makes the server
   * resend its whole flight (§4.2.4), one second of virtual time after the first.
   */
  @Test
  void aLostServerFlightIsResentWhenTheClientsTimerExpires() throws Exception {
    JsonNode lossless = JSON.readTree(hslab("run", "--json", "--protocol", "dtls", "--version", "dtls1.2").out());
    RunCommandTest.Result r = hslab("run", "--json", "--protocol", "dtls", "--version", "dtls1.2",
        "--fault", "drop:server.server_hello");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = JSON.readTree(r.out());
    assertThat(j.get("outcome").asText()).isEqualTo("established");
    List<Double> serverHellos = new ArrayList<>();
    List<Double> clientHellos = new ArrayList<>();
    j.get("messages").forEach(m -> {
      String t = m.get("from").asText() + "." + m.get("type").asText();
      if (t.equals("server.server_hello")) {
        serverHellos.add(m.get("timeMs").asDouble());
      } else if (t.equals("client.client_hello")) {
        clientHellos.add(m.get("timeMs").asDouble());
      }
    });
    // The client's timer resends its ClientHello 1 s after the one with the cookie; the server's
    // own timer and that retransmission each resend the server's flight (Figure 3: both lead to
    // SENDING), so its ServerHello goes out again 1 s after the first.
    assertThat(clientHellos).hasSize(3);
    assertThat(clientHellos.get(2) - clientHellos.get(1)).isEqualTo(1000.0);
    double first = lossless.get("messages").get(3).get("timeMs").asDouble(); // the lossless ServerHello
    assertThat(serverHellos.get(0)).isEqualTo(first);
    assertThat(serverHellos.size()).isGreaterThanOrEqualTo(2);
    assertThat(serverHellos.get(1)).isEqualTo(first + 1000.0);
    assertThat(hslab("run", "--protocol", "dtls", "--fault", "drop:server.server_hello").out())
        .contains("ServerHello").contains("** retransmitted **");
  }

  /** The model client against SunJSSE's DTLSv1.2 server over simulated UDP with loss; its Finished read with the model's keys. */
  @Test
  void theModelClientCompletesWithSunJsseOverALossyLink() throws Exception {
    RunCommandTest.Result r = hslab("run", "--json", "--protocol", "dtls", "--version", "dtls1.2",
        "--server-engine", "jsse", "--kex", "ecdhe_rsa", "--loss", "0.2", "--seed", "4");
    assertThat(r.exit()).as(r.err() + r.out()).isZero();
    JsonNode j = JSON.readTree(r.out());
    assertThat(j.get("outcome").asText()).isEqualTo("established");
    List<String> types = new ArrayList<>();
    j.get("messages").forEach(m -> types.add(m.get("from").asText() + "." + m.get("type").asText()));
    assertThat(types).contains("server.hello_verify_request", "server.finished", "client.finished");
    // Seed 4 loses datagrams: both sides' timers resend, and the sequence says so.
    assertThat(r.out()).contains("retransmitted");
  }

  /**
   * {@code sweep --protocol dtls}: without loss every handshake takes the lossless time; at 10 %
   * datagram loss some lose a datagram and wait at least the 1 s timer (RFC 6347 §4.2.4.1).
   */
  @Test
  void sweepOverUdpPaysTheRetransmissionTimer(@TempDir Path dir) throws Exception {
    RunCommandTest.Result r = hslab("sweep", "--json", "--protocol", "dtls", "--loss", "0,0.1", "--connections", "60",
        "--out", dir.resolve("s").toString());
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode rows = JSON.readTree(r.out()).get("rows");
    assertThat(rows.get(0).get("completed").asDouble()).isEqualTo(1.0);
    assertThat(rows.get(0).get("maxMs").asDouble()).isEqualTo(rows.get(0).get("p50Ms").asDouble()).isLessThan(1000);
    assertThat(rows.get(1).get("maxMs").asDouble()).isGreaterThanOrEqualTo(1000 + rows.get(0).get("p50Ms").asDouble());
  }

  @Test
  void renderStatesDrawsTheDtlsTables(@TempDir Path dir) throws Exception {
    RunCommandTest.Result r = hslab("render", "states", "--protocol", "dtls", "--format", "dot", "--out", dir.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    String client = Files.readString(dir.resolve("dtls-client-states.dot"));
    String server = Files.readString(dir.resolve("dtls-server-states.dot"));
    assertThat(client).contains("WAIT_HELLO_VERIFY_REQUEST").contains("hello_verify_request");
    assertThat(server).contains("WAIT_CLIENT_HELLO_WITH_COOKIE");
    RunCommandTest.Result tls = hslab("render", "states", "--format", "dot", "--out", dir.resolve("tls").toString());
    assertThat(Files.readString(dir.resolve("tls").resolve("client-states.dot"))).doesNotContain("HELLO_VERIFY");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "run --version dtls1.2|--version: dtls1.2 is a DTLS version: add --protocol dtls",
    "run --protocol dtls --version tls1.2|--version: tls1.2 is a TLS version, not for --protocol dtls (allowed: dtls1.0, dtls1.2)",
    "run --protocol quic|--protocol: unknown value 'quic' (allowed: tls, dtls)",
    "run --protocol dtls --client-versions dtls1.2-dtls1.0|is empty",
    "run --protocol dtls --transport tcp|DTLS carries its own datagrams over UDP",
    "run --protocol dtls --server-engine bcjsse|has no DTLS",
    "explore --protocol dtls|this command does not speak DTLS yet",
    "faults --protocol dtls|this command does not speak DTLS yet",
    "render paths --protocol dtls|this command does not speak DTLS yet"})
  void badCombinationsGiveOneLineAndExitTwo(String args, String message) {
    RunCommandTest.Result r = hslab(args.split(" "));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains(message);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.out()).isEmpty();
  }
}
