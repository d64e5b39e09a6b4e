package dev.hslab.cli;

import static dev.hslab.cli.RunCommandTest.hslab;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExploreCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void jsonOfOneConfigurationHasTheContractFieldsAndTheRfcSequence() throws Exception {
    RunCommandTest.Result r = hslab("explore", "--json", "--version", "tls1.2", "--kex", "ecdhe_rsa", "--client-auth", "none",
        "--resume", "none", "--renegotiate", "none");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = JSON.readTree(r.out());
    for (String field : List.of("states", "transitions", "paths", "deadlocks", "violations", "outcomes", "pathList", "seconds")) {
      assertThat(j.has(field)).as(field).isTrue();
    }
    // Left out: who closes (client or server) — a flag left out means all values, so two configurations.
    assertThat(j.get("configurations").asInt()).isEqualTo(2);
    assertThat(j.get("paths").asInt()).isEqualTo(2);
    List<String> messages = new ArrayList<>();
    j.get("pathList").get(0).get("messages").forEach(m -> messages.add(m.asText()));
    // RFC 5246 §7.3 Figure 1 for ECDHE_RSA without client authentication.
    assertThat(messages).containsExactly("client.client_hello", "server.server_hello", "server.certificate",
        "server.server_key_exchange", "server.server_hello_done", "client.client_key_exchange",
        "client.change_cipher_spec", "client.finished", "server.change_cipher_spec", "server.finished");
    assertThat(j.get("outcomes").get("established").asLong()).isEqualTo(2);
    assertThat(j.get("violations").size()).isZero();
  }

  @Test
  void aFlagLeftOutMeansAllValues() throws Exception {
    JsonNode some = JSON.readTree(hslab("explore", "--json", "--version", "tls1.1", "--kex", "rsa").out());
    JsonNode more = JSON.readTree(hslab("explore", "--json", "--version", "tls1.1").out());
    assertThat(more.get("configurations").asInt()).isGreaterThan(some.get("configurations").asInt());
    assertThat(some.get("pathList").findValuesAsText("config")).allMatch(c -> c.startsWith("tls1.1 rsa "));
  }

  @Test
  void faultsShowOutcomesOtherThanEstablishedAndNoViolation() throws Exception {
    RunCommandTest.Result r = hslab("explore", "--json", "--version", "tls1.2", "--kex", "rsa", "--client-auth", "none",
        "--resume", "none", "--renegotiate", "none", "--faults", "1");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = JSON.readTree(r.out());
    assertThat(j.get("outcomes").has("alert server bad_record_mac")).isTrue();
    assertThat(j.get("faults").asInt()).isEqualTo(1);
  }

  @Test
  void threadCountChangesNothingButTheThreadsField() throws Exception {
    String[] flags = {"explore", "--json", "--version", "tls1.2", "--kex", "ecdhe_rsa", "--renegotiate", "none", "--faults", "1"};
    ObjectNode one = (ObjectNode) JSON.readTree(hslab(concat(flags, "--threads", "1")).out());
    ObjectNode three = (ObjectNode) JSON.readTree(hslab(concat(flags, "--threads", "3")).out());
    assertThat(one.get("threads").asInt()).isEqualTo(1);
    assertThat(three.get("threads").asInt()).isEqualTo(3);
    assertThat(one.get("states").asLong()).isGreaterThan(1000);
    for (ObjectNode j : List.of(one, three)) {
      j.remove(List.of("seconds", "threads"));
    }
    assertThat(three).isEqualTo(one);
    assertThat(hslab("explore", "--threads", "0").exit()).isEqualTo(2);
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void textNamesCountsAndPaths() {
    RunCommandTest.Result r = hslab("explore", "--version", "ssl3", "--kex", "rsa", "--client-auth", "none",
        "--resume", "id", "--renegotiate", "none");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("valid paths:", "deadlocks: 0", "violations: 0",
        "client.client_hello, server.server_hello, server.change_cipher_spec, server.finished, client.change_cipher_spec, client.finished");
  }

  @Test
  void badFlagsExitTwoWithOneLine() {
    RunCommandTest.Result r = hslab("explore", "--faults", "9");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().trim().lines().count()).isEqualTo(1);
    assertThat(hslab("explore", "--kex", "quantum").exit()).isEqualTo(2);
    assertThat(hslab("explore", "--kex", "dh_anon", "--client-auth", "require").err()).contains("no configuration");
  }
}
