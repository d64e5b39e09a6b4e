package dev.hslab.cli;

import static dev.hslab.cli.RunCommandTest.hslab;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearnCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theModelServerLearnedOverTheSmallAlphabetIsTheTables(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("learned");
    RunCommandTest.Result r = hslab("learn", "--engine", "model", "--role", "server", "--inputs", "small",
        "--repeat", "1", "--walks", "50", "--json", "--out", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = JSON.readTree(r.out());
    assertThat(j.get("engine").asText()).isEqualTo("model");
    assertThat(j.get("role").asText()).isEqualTo("server");
    // WAIT_CLIENT_HELLO, WAIT_CLIENT_KEY_EXCHANGE, WAIT_CHANGE_CIPHER_SPEC, WAIT_FINISHED, ESTABLISHED, closed;
    // the renegotiation repeats the first four with data allowed (RFC 5746; ServerTable's RENEGOTIATING rows).
    assertThat(j.get("states").asInt()).isEqualTo(9);
    assertThat(j.get("inputs")).hasSize(5);
    assertThat(j.get("queries").asLong()).isPositive();
    assertThat(j.get("differences")).isEmpty();
    assertThat(Files.readString(out.resolve("learned.dot"))).contains("client_hello / server_hello certificate server_key_exchange server_hello_done");
    assertThat(Files.readString(out.resolve("learned.svg"))).startsWith("<?xml");
    assertThat(Files.readString(out.resolve("model.dot"))).contains("9 states");
    assertThat(JSON.readTree(out.resolve("learn.json").toFile()).get("states").asInt()).isEqualTo(9);
  }
}
