package dev.hslab.cli;

import static dev.hslab.cli.RunCommandTest.hslab;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code hslab bench} with a tiny budget: the JSON of docs/cli.md, one row per comparison. No timing assertions. */
class BenchCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void jsonHasTheMachineAndOneRowPerComparisonWithRatioEqualToSubjectOverBaseline() throws Exception {
    RunCommandTest.Result r = hslab("bench", "--quick", "--json", "--iteration-ms", "40");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = JSON.readTree(r.out()); // stdout is exactly one JSON document: JMH printed nothing
    assertThat(j.get("machine").get("cores").asInt()).isPositive();
    assertThat(j.get("machine").get("jvm").asText()).isNotBlank();
    List<String> rows = new ArrayList<>();
    for (JsonNode row : j.get("results")) {
      rows.add(row.get("name").asText() + " " + row.get("subject").asText() + " vs " + row.get("baseline").asText());
      double subject = row.get("subjectPerSecond").asDouble();
      double baseline = row.get("baselinePerSecond").asDouble();
      assertThat(subject).as(rows.get(rows.size() - 1)).isPositive();
      assertThat(baseline).as(rows.get(rows.size() - 1)).isPositive();
      assertThat(row.get("ratio").asDouble()).isCloseTo(subject / baseline, within(1e-9 * subject / baseline));
    }
    List<String> expected = new ArrayList<>();
    for (String suite : List.of("ecdhe_rsa", "ecdhe_ecdsa", "rsa", "ecdhe_rsa_auth")) {
      for (String baseline : List.of("jsse", "bcjsse", "floor")) {
        expected.add("handshake." + suite + " model vs " + baseline);
      }
    }
    for (String by : List.of("id", "ticket")) {
      for (String baseline : List.of("jsse", "bcjsse")) {
        expected.add("resume." + by + " model vs " + baseline);
      }
    }
    expected.addAll(List.of("actors.lossless actors vs loopback", "actors.lossy actors vs loopback",
        "actors.scaling 2cores vs 1core"));
    for (String suite : List.of("ecdhe_rsa", "ecdhe_ecdsa", "rsa", "ecdhe_rsa_auth")) {
      expected.add("paired." + suite + " model vs floor");
    }
    expected.addAll(List.of("paired.actors.lossless actors vs loopback", "paired.actors.lossy actors vs loopback",
        "paired.actors.scaling 2cores vs 1core"));
    assertThat(rows).containsExactlyElementsOf(expected);
  }

  @Test
  void aBadIterationBudgetIsAUsageError() {
    RunCommandTest.Result r = hslab("bench", "--iteration-ms", "0");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--iteration-ms");
    RunCommandTest.Result forks = hslab("bench", "--quick", "--forks", "-1");
    assertThat(forks.exit()).isEqualTo(2);
    assertThat(forks.err()).contains("--forks");
  }
}
