package dev.hslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultsCommandTest {

  @TempDir Path dir;

  @Test
  void theReferenceMatrixNamesEachFaultsOutcomeAndBreaksNoInvariant() throws Exception {
    RunCommandTest.Result r = RunCommandTest.hslab("faults", "--json", "--out", dir.toString(), "--version", "tls1.2",
        "--kex", "ecdhe_rsa", "--client-auth", "none", "--resume", "none", "--renegotiate", "none");
    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("violations").asInt()).isZero();
    JsonNode cells = j.get("configurations").get(0).get("cells");
    assertThat(cells.size()).as("10 handshake messages x 6 fault kinds").isEqualTo(60);
    assertThat(find(cells, "drop:server.server_key_exchange")).isEqualTo("client sends unexpected_message");
    assertThat(find(cells, "duplicate:client.finished")).isEqualTo("server sends bad_record_mac");
    assertThat(find(cells, "drop:client.client_hello"))
        .isEqualTo("server times out in WAIT_CLIENT_HELLO waiting for client_hello, "
            + "client times out in WAIT_SERVER_HELLO waiting for server_hello");
    assertThat(dir.resolve("report.html")).exists();
    assertThat(dir.resolve("faults.json")).exists();
  }

  private static String find(JsonNode cells, String fault) {
    for (JsonNode c : cells) {
      if (c.get("fault").asText().startsWith(fault)) {
        return c.get("outcome").asText();
      }
    }
    throw new AssertionError("no cell " + fault);
  }

  /**
   * {@code --transport tcp}: the same matrix over a simulated TCP connection. The aimed faults alter
   * the TLS records above TCP (a middlebox), so every cell ends as it does with the records carried
   * alone; only the times (and so the order of two timers that expire together) differ.
   */
  @Test
  void overTcpTheAimedFaultsKeepTheirMeaning() throws Exception {
    String[] flags = {"--version", "tls1.2", "--kex", "ecdhe_rsa", "--client-auth", "none", "--resume", "none",
        "--renegotiate", "none"};
    JsonNode none = new ObjectMapper().readTree(RunCommandTest.hslab(concat(new String[] {"faults", "--json"}, flags)).out());
    RunCommandTest.Result r = RunCommandTest.hslab(concat(new String[] {"faults", "--json", "--transport", "tcp"}, flags));
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode tcp = new ObjectMapper().readTree(r.out());

    assertThat(none.get("transport").asText()).isEqualTo("none");
    assertThat(tcp.get("transport").asText()).isEqualTo("tcp");
    JsonNode a = none.get("configurations").get(0).get("cells");
    JsonNode b = tcp.get("configurations").get(0).get("cells");
    assertThat(b.size()).isEqualTo(a.size()).isEqualTo(60);
    int compared = 0;
    for (int i = 0; i < a.size(); i++) {
      assertThat(b.get(i).get("fault").asText()).isEqualTo(a.get(i).get("fault").asText());
      if (a.get(i).get("fault").asText().startsWith("reorder:")) {
        // Left open: a held last record of a flight goes when the network is idle without TCP,
        // but over TCP the network never turns idle while the engines wait (docs/cli.md).
        continue;
      }
      compared++;
      // The same failures; two timers that expire together may fire in the other order over TCP,
      // where the server's starts when the connection is accepted.
      assertThat(b.get(i).get("outcome").asText().split(", ")).as(a.get(i).get("fault").asText())
          .containsExactlyInAnyOrder(a.get(i).get("outcome").asText().split(", "));
    }
    assertThat(compared).isEqualTo(50);
  }

  @Test
  void anUnknownTransportIsAUsageError() {
    RunCommandTest.Result r = RunCommandTest.hslab("faults", "--transport", "udp", "--version", "tls1.2", "--kex", "rsa");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("hslab faults: --transport 'udp': unknown transport 'udp'");
    RunCommandTest.Result d = RunCommandTest.hslab("demo", "--transport", "udp");
    assertThat(d.exit()).isEqualTo(2);
    assertThat(d.err()).startsWith("hslab demo: --transport 'udp': unknown transport 'udp'");
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void flagsThatSelectNothingAreAUsageError() {
    RunCommandTest.Result r = RunCommandTest.hslab("faults", "--version", "ssl3", "--kex", "ecdhe_rsa");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("hslab faults: no legal configuration matches these flags\n");
  }
}
