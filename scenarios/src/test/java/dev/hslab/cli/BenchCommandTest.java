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
    List<String> suites = List.of("ecdhe_rsa", "ecdhe_ecdsa", "rsa", "ecdhe_rsa_auth");
    List<String> cas = List.of("ecdsa_ca", "rsa_ca");
    List<String> expected = new ArrayList<>();
    for (String suite : suites) {
      for (String ca : cas) {
        for (String baseline : List.of("jsse", "bcjsse", "floor")) {
          expected.add("handshake." + suite + "." + ca + " model vs " + baseline);
        }
        expected.add("handshake." + suite + "." + ca + " jsse vs jsse-bare");
        expected.add("handshake." + suite + "." + ca + " bcjsse vs bcjsse-bare");
      }
    }
    for (String suite : suites) {
      for (String ca : cas) {
        expected.add("adapter." + suite + "." + ca + " jsse-adapter vs jsse");
        expected.add("adapter." + suite + "." + ca + " bcjsse-adapter vs bcjsse");
      }
    }
    for (String by : List.of("id", "ticket")) {
      for (String baseline : List.of("jsse", "bcjsse")) {
        expected.add("resume." + by + " model vs " + baseline);
      }
    }
    expected.addAll(List.of("actors.lossless actors vs loopback", "actors.lossy actors vs loopback",
        "actors.scaling 2cores vs 1core"));
    for (String suite : suites) {
      for (String ca : cas) {
        for (String pair : List.of("model vs floor", "model vs jsse", "model vs bcjsse", "jsse vs jsse-bare",
            "bcjsse vs bcjsse-bare")) {
          expected.add("paired." + suite + "." + ca + " " + pair);
        }
      }
    }
    expected.addAll(List.of("paired.actors.lossless actors vs loopback", "paired.actors.lossy actors vs loopback",
        "paired.actors.scaling 2cores vs 1core"));
    assertThat(rows).containsExactlyElementsOf(expected);
    floorsAreWrittenOut(j.get("floors"));
  }

  /**
   * Each handshake row's floor: its operations with a count and a positive cost, adding up to the
   * row's total. The counts are those of RFC 5246 / RFC 8422 (checked for two rows by hand): a
   * chain of two certificates below the root, ECDHE's signature and its verification, two X25519
   * key pairs and two agreements.
   */
  private static void floorsAreWrittenOut(JsonNode floors) {
    List<String> names = new ArrayList<>();
    for (JsonNode f : floors) {
      names.add(f.get("name").asText());
      double sum = 0;
      for (JsonNode op : f.get("operations")) {
        assertThat(op.get("microseconds").asDouble()).as(op.toString()).isPositive();
        sum += op.get("count").asInt() * op.get("microseconds").asDouble();
      }
      assertThat(f.get("microseconds").asDouble()).isCloseTo(sum, within(1e-6 * sum));
      assertThat(f.get("perSecond").asDouble()).isCloseTo(1e6 / sum, within(1e-6 * 1e6 / sum));
    }
    List<String> expected = new ArrayList<>();
    for (String suite : List.of("ecdhe_rsa", "ecdhe_ecdsa", "rsa", "ecdhe_rsa_auth")) {
      for (String ca : List.of("ecdsa_ca", "rsa_ca")) {
        expected.add("floor." + suite + "." + ca);
      }
    }
    assertThat(names).containsExactlyElementsOf(expected);
    assertThat(counts(floors.get(0))).isEqualTo("2 x ecdsa_p256.verify_ca, 1 x rsa_2048.sign, 1 x rsa_2048.verify, "
        + "2 x x25519.keygen, 2 x x25519.agree");
    assertThat(counts(floors.get(7))).isEqualTo("4 x rsa_2048.verify_ca, 2 x rsa_2048.sign, 2 x rsa_2048.verify, "
        + "2 x x25519.keygen, 2 x x25519.agree");
  }

  private static String counts(JsonNode floor) {
    List<String> out = new ArrayList<>();
    for (JsonNode op : floor.get("operations")) {
      out.add(op.get("count").asInt() + " x " + op.get("operation").asText());
    }
    return String.join(", ", out);
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
