package dev.hslab.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hslab.bench.HandshakeComparisons.Budget;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Interleaving: every operation gets a slice in every round, in order; a failing operation fails the measurement. */
class PairedTest {

  @Test
  void slicesAlternateRoundByRoundAfterTheWarmUp() throws Exception {
    List<String> calls = new ArrayList<>();
    Budget budget = Budget.of(2); // 1 warm-up iteration, then 20 rounds
    double[] rates = Paired.medianRates(List.of(
        Paired.Measured.one(() -> calls.add("a")),
        new Paired.Measured(() -> calls.add("b"), 16)), budget, () -> 0);
    assertThat(rates).hasSize(2);
    assertThat(rates[0]).isPositive();
    assertThat(rates[1]).isPositive();
    assertThat(slices(calls)).isEqualTo(alternating(1 + Paired.ROUNDS_PER_ITERATION));
  }

  @Test
  void warmUpWaitsForTheJitToGoQuiet() throws Exception {
    List<String> calls = new ArrayList<>();
    // The "JIT" compiles for an hour during each of the first three warm-up rounds, then stops.
    long[] compiled = {0};
    int[] reads = {0};
    Paired.medianRates(List.of(Paired.Measured.one(() -> calls.add("a")), Paired.Measured.one(() -> calls.add("b"))),
        Budget.of(2), () -> reads[0]++ < 6 ? compiled[0] += 3_600_000 : compiled[0]);
    assertThat(slices(calls)).isEqualTo(alternating(4 + Paired.ROUNDS_PER_ITERATION));
  }

  @Test
  void warmUpEndsAtItsLimitIfTheJitNeverGoesQuiet() throws Exception {
    List<String> calls = new ArrayList<>();
    long[] compiled = {0};
    Paired.medianRates(List.of(Paired.Measured.one(() -> calls.add("a")), Paired.Measured.one(() -> calls.add("b"))),
        Budget.of(2), () -> compiled[0] += 3_600_000);
    assertThat(slices(calls)).isEqualTo(alternating(Paired.MAX_WARMUP_FACTOR + Paired.ROUNDS_PER_ITERATION));
  }

  @Test
  void aQuickLookDoesNotWaitForTheJit() throws Exception {
    List<String> calls = new ArrayList<>();
    long[] compiled = {0};
    Budget quickShape = new Budget(1, 2, 1, 2, 2, 0, false);
    Paired.medianRates(List.of(Paired.Measured.one(() -> calls.add("a")), Paired.Measured.one(() -> calls.add("b"))),
        quickShape, () -> compiled[0] += 3_600_000);
    assertThat(slices(calls)).isEqualTo(alternating(1 + Paired.ROUNDS_PER_ITERATION));
  }

  /** Consecutive calls of one operation collapsed into its slice. */
  private static List<String> slices(List<String> calls) {
    List<String> slices = new ArrayList<>();
    for (String c : calls) {
      if (slices.isEmpty() || !slices.get(slices.size() - 1).equals(c)) {
        slices.add(c);
      }
    }
    return slices;
  }

  /** a then b, {@code rounds} times: warm-up and measurement rounds alike. */
  private static List<String> alternating(int rounds) {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      expected.addAll(List.of("a", "b"));
    }
    return expected;
  }

  @Test
  void aFailingOperationFailsTheMeasurement() {
    assertThatThrownBy(() -> Paired.medianRates(List.of(Paired.Measured.one(() -> {
      throw new IllegalStateException("handshake not established");
    })), Budget.of(1))).hasMessage("handshake not established");
  }

  @Test
  void medianOfOddAndEvenCounts() {
    assertThat(Paired.median(new double[] {5, 1, 3})).isEqualTo(3);
    assertThat(Paired.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
  }
}
