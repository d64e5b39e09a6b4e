package dev.hslab.cli;

import static dev.hslab.cli.RunCommandTest.hslab;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hslab.model.explore.ConfigurationSpace;
import dev.hslab.model.explore.ExploreOptions;
import dev.hslab.model.explore.Explorer;
import dev.hslab.model.handshake.ClientTable;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.output.diagram.PathGraph;
import dev.hslab.output.diagram.StateGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hslab render}: the files, the config flags as a filter, --json, and exit 2 for bad usage. */
class RenderCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void statesAsDotWritesBothTablesAndPrintsThePaths() throws Exception {
    RunCommandTest.Result r = hslab("render", "states", "--format", "dot", "--out", dir.toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isZero();
    assertThat(r.out().lines()).containsExactly(dir.resolve("client-states.dot").toString(),
        dir.resolve("server-states.dot").toString());
    assertThat(Files.readString(dir.resolve("client-states.dot")))
        .isEqualTo(StateGraph.dot(ClientTable.TABLE, StateGraph.Options.defaults()));
  }

  @Test
  void statesOfOneSideAsSvgWithJson() throws Exception {
    RunCommandTest.Result r = hslab("render", "states", "--side", "server", "--json", "--out", dir.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = JSON.readTree(r.out());
    assertThat(j.get("what").asText()).isEqualTo("states");
    assertThat(j.get("format").asText()).isEqualTo("svg");
    assertThat(j.get("files")).hasSize(1);
    Path svg = Path.of(j.get("files").get(0).asText());
    assertThat(svg.getFileName().toString()).isEqualTo("server-states.svg");
    assertThat(Files.readString(svg)).contains("<svg", "WAIT_CLIENT_HELLO");
  }

  @Test
  void pathsAreFilteredByTheConfigFlagsLeftOutMeaningAllValues() throws Exception {
    RunCommandTest.Result r = hslab("render", "paths", "--version", "tls1.2", "--kex", "ecdhe_rsa", "--format", "dot",
        "--json", "--out", dir.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = JSON.readTree(r.out());
    var expected = Explorer.explore(ExploreOptions.of(ConfigurationSpace.where(
        c -> c.keyExchange() == KeyExchange.ECDHE_RSA && c.clientMax().equals(ProtocolVersion.TLS12))));
    assertThat(j.get("configurations").asInt()).isEqualTo(expected.configurations());
    assertThat(j.get("paths").asInt()).isEqualTo(expected.distinctPaths().size());
    assertThat(Files.readString(dir.resolve("paths.dot"))).isEqualTo(PathGraph.dot(expected, PathGraph.Options.defaults()));
  }

  @Test
  void pathFlagsNarrowTheGraph() throws Exception {
    assertThat(hslab("render", "paths", "--version", "tls1.2", "--kex", "rsa", "--client-auth", "none", "--resume", "none",
        "--renegotiate", "none", "--format", "dot", "--out", dir.toString()).exit()).isZero();
    String dot = Files.readString(dir.resolve("paths.dot"));
    assertThat(dot).contains("1 distinct message sequences", "h1_client_client_key_exchange")
        .doesNotContain("server_key_exchange", "certificate_request", "new_session_ticket", "h2_");
  }

  @Test
  void versionRangesExploreTheNegotiation() throws Exception {
    RunCommandTest.Result r = hslab("render", "paths", "--client-versions", "tls1.0-tls1.2", "--server-versions",
        "tls1.0-tls1.1", "--kex", "rsa", "--client-auth", "none", "--resume", "none", "--renegotiate", "none",
        "--format", "dot", "--json", "--out", dir.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(JSON.readTree(r.out()).get("paths").asInt()).isEqualTo(1);
  }

  @Test
  void badFormatSideWhatOrFlagsAreOneLineAndExit2() {
    for (String[] args : new String[][] {
        {"render", "states", "--format", "gif", "--out", dir.toString()},
        {"render", "pictures", "--out", dir.toString()},
        {"render", "paths", "--side", "client", "--out", dir.toString()},
        {"render", "states", "--side", "middle", "--out", dir.toString()},
        {"render", "paths", "--kex", "psk", "--client-auth", "require", "--out", dir.toString()},
        {"render", "paths", "--kex", "nope", "--out", dir.toString()}}) {
      RunCommandTest.Result r = hslab(args);
      assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
      assertThat(r.err()).startsWith("hslab render: ");
      assertThat(r.out()).isEmpty();
    }
  }

  @Test
  void unwritableOutIsExit2() throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    RunCommandTest.Result r = hslab("render", "states", "--format", "dot", "--out", file.resolve("sub").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("hslab render: --out: ").hasLineCount(1);
  }
}
