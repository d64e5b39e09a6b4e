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
        new Paired.Measured(() -> calls.add("b"), 16)), budget);
    assertThat(rates).hasSize(2);
    assertThat(rates[0]).isPositive();
    assertThat(rates[1]).isPositive();
    // Collapse consecutive calls into slices: a then b, once for the warm-up and once per round.
    List<String> slices = new ArrayList<>();
    for (String c : calls) {
      if (slices.isEmpty() || !slices.get(slices.size() - 1).equals(c)) {
        slices.add(c);
      }
    }
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 1 + Paired.ROUNDS_PER_ITERATION; i++) {
      expected.addAll(List.of("a", "b"));
    }
    assertThat(slices).isEqualTo(expected);
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
