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
    "run --protocol dtls --loss 0.1|without network flags",
    "run --protocol dtls --server-engine jsse|only the model engines",
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
