package dev.hslab.output.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.handshake.ClientTable;
import dev.hslab.model.handshake.ServerTable;
import dev.hslab.output.testkit.Explorations;
import dev.hslab.output.testkit.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The DOT sources are byte-stable (docs/style.md §22): each is compared with a reviewed golden file.
 * After a deliberate change, regenerate with {@code -Dgolden.update=true} and review the diff.
 */
class GoldenDotTest {

  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  private static void matches(String name, String dot) throws IOException {
    Path file = GOLDEN.resolve(name);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(file, dot, StandardCharsets.UTF_8);
    }
    assertThat(dot).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }

  @Test
  void clientStateMachineMatchesGolden() throws IOException {
    matches("client-states.dot", StateGraph.dot(ClientTable.TABLE, StateGraph.Options.defaults()));
  }

  @Test
  void serverStateMachineMatchesGolden() throws IOException {
    matches("server-states.dot", StateGraph.dot(ServerTable.TABLE, StateGraph.Options.defaults()));
  }

  @Test
  void clientStateMachineWithoutSelfLoopsMatchesGolden() throws IOException {
    matches("client-states-no-loops.dot", StateGraph.dot(ClientTable.TABLE, StateGraph.Options.defaults().withSelfLoops(false)));
  }

  @Test
  void sequenceOfFullHandshakeMatchesGolden() throws IOException {
    matches("sequence-full.dot", SequenceDiagram.dot(Fixtures.fullHandshake(), SequenceDiagram.Options.defaults().withTitle("ECDHE_RSA, TLS 1.2")));
  }

  @Test
  void sequenceWithFaultsMatchesGolden() throws IOException {
    matches("sequence-faulty.dot", SequenceDiagram.dot(Fixtures.faulty(), SequenceDiagram.Options.defaults().withDetails(true)));
  }

  @Test
  void sequenceWithDroppedRecordMatchesGolden() throws IOException {
    matches("sequence-dropped.dot", SequenceDiagram.dot(Fixtures.dropped(), SequenceDiagram.Options.defaults()));
  }

  @Test
  void validPathsOfTls12EcdheRsaMatchGolden() throws IOException {
    matches("paths-tls12-ecdhe_rsa.dot", PathGraph.dot(Explorations.tls12EcdheRsa(), PathGraph.Options.defaults()));
  }

  @Test
  void sameInputGivesTheSameBytes() {
    assertThat(StateGraph.dot(ServerTable.TABLE, StateGraph.Options.defaults()))
        .isEqualTo(StateGraph.dot(ServerTable.TABLE, StateGraph.Options.defaults()));
    assertThat(SequenceDiagram.dot(Fixtures.faulty(), SequenceDiagram.Options.defaults()))
        .isEqualTo(SequenceDiagram.dot(Fixtures.faulty(), SequenceDiagram.Options.defaults()));
  }
}
