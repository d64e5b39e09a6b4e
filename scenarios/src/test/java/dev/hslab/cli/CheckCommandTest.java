package dev.hslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {

  record Result(int exit, String out, String err) {}

  @TempDir Path dir;

  static Result hslab(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Hslab.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(exit, out.toString(), err.toString());
  }

  @Test
  void theWholeCatalogPassesFaultScenariosThroughTheActors() {
    Result r = hslab("check", "catalog");
    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("PASS     catalog/kex-rsa.yaml\n", "PASS     catalog/fault-partition.yaml\n",
        "PASS     catalog/tcp-lossy-link.yaml\n", "PASS     catalog/tcp-partition.yaml\n")
        .doesNotContain("FAIL", "NOT RUN");
    assertThat(r.out().lines().reduce((a, b) -> b).orElseThrow()).isEqualTo("37 passed, 0 failed, 0 not run, of 37 scenarios");
  }

  @Test
  void aMismatchIsExitOneWithExpectedAndActualPerMessage() throws Exception {
    Path f = dir.resolve("wrong.yaml");
    Files.writeString(f, "name: wrong\nclient:\n  kex: rsa\nexpect:\n  outcome: established\n"
        + "  contains: [server.certificate, server.server_key_exchange]\n  absent: [server.certificate]\n");
    Result r = hslab("check", f.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("FAIL     " + f + "\n"
        + "         expect.contains[2]: expected server.server_key_exchange after message 3 (server.certificate), got"
        + " no server.server_key_exchange in the run\n"
        + "         expect.absent[1]: message 3: expected no server.certificate, got server.certificate\n"
        + "         the run: established, client.client_hello server.server_hello server.certificate");
    assertThat(r.out()).endsWith("0 passed, 1 failed, 0 not run, of 1 scenario\n");
  }

  @Test
  void jsonListsEachScenarioWithItsStatusMessagesAndMismatches() throws Exception {
    Path f = dir.resolve("v.yaml");
    Files.writeString(f, "name: v\nexpect:\n  outcome: established\n  version: tls1.1\n");
    Path jsse = dir.resolve("jsse.yaml");
    Files.writeString(jsse, "name: jsse\nclient:\n  engine: jsse\nexpect:\n  outcome: established\n");
    Result r = hslab("check", "--json", f.toString(), jsse.toString());
    assertThat(r.exit()).isEqualTo(1);
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("failed").asInt()).isEqualTo(1);
    assertThat(j.get("notRun").asInt()).isEqualTo(1);
    JsonNode v = j.get("scenarios").get(0);
    assertThat(v.get("status").asText()).isEqualTo("failed");
    assertThat(v.get("outcome").asText()).isEqualTo("established");
    assertThat(v.get("messages").get(0).asText()).isEqualTo("client.client_hello");
    assertThat(v.get("mismatches").get(0).get("text").asText()).isEqualTo("expect.version: expected tls1.1, got tls1.2");
    JsonNode p = j.get("scenarios").get(1);
    assertThat(p.get("status").asText()).isEqualTo("not_run");
    assertThat(p.get("reason").asText()).isNotEmpty();
    assertThat(p.get("messages").isNull()).isTrue();
  }

  @Test
  void aBadFileIsOneLineWithFileLineColumnAndExitTwo() throws Exception {
    Path f = dir.resolve("bad.yaml");
    Files.writeString(f, "name: bad\nclient:\n  kex: ecdh\nexpect:\n  outcome: established\n");
    Result r = hslab("check", "catalog/kex-rsa.yaml", f.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("hslab check: " + f + ":3:3: client.kex: unknown value 'ecdh' (allowed: rsa,"
        + " dhe_rsa, ecdhe_rsa, ecdhe_ecdsa, dh_anon, ecdh_anon, psk, ecdhe_psk)\n");
  }

  @Test
  void aMissingFileOrEmptyDirectoryOrBadFlagIsExitTwo() {
    Result missing = hslab("check", "no/such.yaml");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).isEqualTo("hslab check: no/such.yaml: no such file\n");
    Result empty = hslab("check", dir.toString());
    assertThat(empty.exit()).isEqualTo(2);
    assertThat(empty.err()).isEqualTo("hslab check: " + dir + ": no scenario files (*.yaml) in this directory\n");
    Result flag = hslab("check", "--nope", "catalog");
    assertThat(flag.exit()).isEqualTo(2);
    assertThat(flag.err()).startsWith("hslab: Unknown option: '--nope'");
    assertThat(hslab("check").exit()).isEqualTo(2);
  }

  @Test
  void helpShowsExamplesAndExitCodes() {
    Result r = hslab("check", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Usage: hslab check", "Examples:", "hslab check scenarios/catalog", "Exit codes:");
  }
}
