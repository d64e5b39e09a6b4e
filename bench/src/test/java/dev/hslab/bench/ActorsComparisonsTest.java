package dev.hslab.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The actors' rows pair the right runs: overhead and loss against the loopback, two threads against one. */
class ActorsComparisonsTest {

  @Test
  void eachRowPairsItsSubjectRunWithItsBaselineRun() {
    Map<String, Double> score = new HashMap<>();
    score.put(ActorsComparisons.key(ActorsRun.LOOPBACK), 100.0);
    score.put(ActorsComparisons.key(ActorsRun.LOSSLESS_1), 90.0);
    score.put(ActorsComparisons.key(ActorsRun.LOSSY_1), 95.0);
    score.put(ActorsComparisons.key(ActorsRun.LOSSLESS_2), 171.0);
    List<Comparison> rows = ActorsComparisons.rows(score);
    assertThat(rows).containsExactly(
        new Comparison("actors.lossless", "actors", "loopback", 90.0, 100.0),
        new Comparison("actors.lossy", "actors", "loopback", 95.0, 100.0),
        new Comparison("actors.scaling", "2cores", "1core", 171.0, 90.0));
    assertThat(rows.get(2).ratio()).isEqualTo(1.9);
  }

  @Test
  void aMissingRunIsAnErrorNotARow() {
    Map<String, Double> score = new HashMap<>();
    score.put(ActorsComparisons.key(ActorsRun.LOOPBACK), 100.0);
    assertThatThrownBy(() -> ActorsComparisons.rows(score)).hasMessageContaining("lossless_1");
  }

  @Test
  void onlyTheLossyRunLosesRecordsAndOnlyTheLoopbackRunsWithoutActors() {
    for (ActorsRun r : ActorsRun.values()) {
      assertThat(r.network().loss()).as(r.label()).isEqualTo(r == ActorsRun.LOSSY_1 ? 0.01 : 0.0);
      assertThat(r.threads()).as(r.label()).isEqualTo(switch (r) {
        case LOOPBACK -> 0;
        case LOSSLESS_1, LOSSY_1 -> 1;
        case LOSSLESS_2 -> 2;
      });
    }
  }
}
