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

  @Test
  void flagsThatSelectNothingAreAUsageError() {
    RunCommandTest.Result r = RunCommandTest.hslab("faults", "--version", "ssl3", "--kex", "ecdhe_rsa");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("hslab faults: no legal configuration matches these flags\n");
  }
}
