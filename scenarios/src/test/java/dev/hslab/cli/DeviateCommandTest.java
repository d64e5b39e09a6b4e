package dev.hslab.cli;

import static dev.hslab.cli.RunCommandTest.hslab;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class DeviateCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void modelEngineMatchesEveryExpectationOfTheReferenceHandshake() throws Exception {
    RunCommandTest.Result r = hslab("deviate", "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = JSON.readTree(r.out());
    assertThat(j.get("engine").asText()).isEqualTo("model");
    assertThat(j.get("traces").asInt()).isEqualTo(178);
    assertThat(j.get("mismatches").asInt()).isZero();
    JsonNode skipSke = null;
    for (JsonNode d : j.get("deviations")) {
      if (d.get("trace").asText().equals("skip server.server_key_exchange")) {
        skipSke = d;
      }
    }
    assertThat(skipSke).isNotNull();
    assertThat(skipSke.get("expected").asText()).isEqualTo("alert client unexpected_message");
    assertThat(skipSke.get("actual").asText()).isEqualTo("alert client unexpected_message");
    assertThat(skipSke.get("verdict").asText()).isEqualTo("ok");
  }

  @Test
  void textIsATableWithASummary() {
    RunCommandTest.Result r = hslab("deviate", "--version", "tls1.0", "--kex", "rsa");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("expected", "engine did", "downgrade server.server_hello to ssl3",
        "alert client protocol_version", "0 differ");
  }

  @Test
  void sunJsseCanBeTheEngineUnderTestAndDifferencesAreNotFailures() throws Exception {
    // SunJSSE plays the side that does not deviate. It picks other alerts than the model in many
    // places (handshake_failure, internal_error): listed as "differs", exit code still 0.
    RunCommandTest.Result r = hslab("deviate", "--engine", "jsse", "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = JSON.readTree(r.out());
    assertThat(j.get("engine").asText()).isEqualTo("jsse");
    assertThat(j.get("ran").asInt()).isEqualTo(178);
    for (JsonNode d : j.get("deviations")) {
      if (d.get("trace").asText().equals("downgrade server.server_hello to tls1.1")) {
        // RFC 5246 §7.4.1.3: a client that does not support the version must refuse it.
        assertThat(d.get("actual").asText()).startsWith("alert client ");
      }
    }
  }

  @Test
  void unknownEngineIsAUsageError() {
    RunCommandTest.Result r = hslab("deviate", "--engine", "openssl9");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--engine");
  }
}
