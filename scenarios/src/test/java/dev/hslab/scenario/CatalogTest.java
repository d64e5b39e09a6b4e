package dev.hslab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole catalog, as {@code hslab check scenarios/catalog} runs it: fault-free scenarios over
 * the loopback, the others through the actors' simulated network; every one matches its expect.
 */
class CatalogTest {

  static final Path CATALOG = Path.of("catalog");

  static Stream<Path> catalog() throws IOException {
    try (Stream<Path> s = Files.list(CATALOG)) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalog")
  void everyScenarioMatchesItsExpectations(Path file) throws Exception {
    Scenario s = ScenarioReader.read(file);
    Verdict v = ScenarioRunner.loopbackOnly().withNetwork(new ActorsDriver()).run(s);
    assertThat(v.mismatches().stream().map(Mismatch::describe).collect(Collectors.toList())).isEmpty();
    assertThat(v.status()).isEqualTo(Verdict.Status.PASSED);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalog")
  void withoutTheActorsNetworkScenariosAreNotRunRatherThanFaked(Path file) throws Exception {
    Scenario s = ScenarioReader.read(file);
    if (!s.perfectNetwork()) {
      Verdict v = ScenarioRunner.loopbackOnly().run(s);
      assertThat(v.status()).isEqualTo(Verdict.Status.NOT_RUN);
      assertThat(v.reason()).isEqualTo(ScenarioRunner.NEEDS_ACTORS);
    }
  }

  @Test
  void everyScenarioIsNamedAfterItsFileAndStatesTheExactSequenceOrAnOutcomeOnlyForRandomLoss() throws Exception {
    for (Path file : catalog().toList()) {
      Scenario s = ScenarioReader.read(file);
      assertThat(s.name() + ".yaml").isEqualTo(file.getFileName().toString());
      assertThat(s.description()).as(s.name()).contains("RFC");
      // Random loss without TCP makes the sequence a matter of the seed; TCP recovers every loss.
      boolean randomLoss = s.network().loss() > 0 && s.network().transport() == dev.hslab.actors.Transport.NONE;
      assertThat(s.expect().sequence().isPresent()).as(s.name()).isEqualTo(!randomLoss);
    }
  }

  @Test
  void theCatalogCoversEveryKeyExchangeAndTheFaultScenarios() throws Exception {
    List<Scenario> all = catalog().map(CatalogTest::read).toList();
    for (dev.hslab.model.suite.KeyExchange k : dev.hslab.model.suite.KeyExchange.values()) {
      assertThat(all).as(k.cliName()).anyMatch(s -> s.config().keyExchange() == k && s.perfectNetwork());
    }
    assertThat(all.stream().filter(s -> !s.perfectNetwork()).map(Scenario::name)).containsExactlyInAnyOrder(
        "fault-corrupted-finished", "fault-duplicated-client-key-exchange", "fault-lossy-link",
        "fault-lost-server-hello-done", "fault-partition", "tcp-lossy-link", "tcp-partition");
  }

  @Test
  void theExampleInTheFormatPageIsAValidScenarioThatPasses() throws Exception {
    String page = Files.readString(Path.of("..", "docs", "scenarios.md"));
    int start = page.indexOf("```yaml\n") + "```yaml\n".length();
    String example = page.substring(start, page.indexOf("```", start));
    Verdict v = ScenarioRunner.loopbackOnly().run(ScenarioReader.parse("docs/scenarios.md", example));
    assertThat(v.mismatches()).isEmpty();
    assertThat(v.status()).isEqualTo(Verdict.Status.PASSED);
  }

  private static Scenario read(Path p) {
    try {
      return ScenarioReader.read(p);
    } catch (ScenarioException e) {
      throw new AssertionError(e.getMessage());
    }
  }
}
