package dev.hslab.bench;

import dev.hslab.bench.FloorOp.Step;
import dev.hslab.bench.HandshakeComparisons.Budget;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The floor written out: for each suite and CA family, the public-key operations its floor counts
 * ({@link FloorOp#steps}), each with its cost measured in this run, so a reader can add them up.
 * Each operation is measured once, on the pools of the first row that counts it, all in
 * alternating slices ({@link Paired}), so that every cost is taken under the same machine load.
 */
public final class FloorBreakdown {

  /** {@code count} times {@code op}, which cost {@code micros} each. */
  public record Term(FloorOp op, int count, double micros) {}

  /** The floor of row {@code name} ({@code floor.SUITE.CA}): its terms, in the order the floor runs them. */
  public record Row(String name, List<Term> terms) {

    /** The sum: microseconds of public-key work per handshake. */
    public double micros() {
      return terms.stream().mapToDouble(t -> t.count() * t.micros()).sum();
    }

    /** The handshakes per second the sum allows. */
    public double perSecond() {
      return 1e6 / micros();
    }
  }

  private FloorBreakdown() {}

  public static List<Row> run(Budget budget) throws Exception {
    Map<FloorOp, Paired.Measured> measured = new EnumMap<>(FloorOp.class);
    for (Suite suite : Suite.values()) {
      for (CaFamily ca : CaFamily.values()) {
        FloorBenchmark b = null;
        for (Step step : FloorOp.steps(suite, ca)) {
          if (!measured.containsKey(step.op())) {
            if (b == null) {
              b = new FloorBenchmark();
              b.suite = suite;
              b.ca = ca;
              b.pool = budget.pool();
              b.setUp();
            }
            FloorBenchmark on = b;
            int[] next = {0};
            measured.put(step.op(), Paired.Measured.one(() -> {
              on.run(step, next[0]);
              next[0] = (next[0] + 1) % budget.pool();
              return null;
            }));
          }
        }
      }
    }
    List<FloorOp> ops = new ArrayList<>(measured.keySet());
    double[] rates = Paired.medianRates(ops.stream().map(measured::get).toList(), budget);
    Map<FloorOp, Double> micros = new EnumMap<>(FloorOp.class);
    for (int k = 0; k < ops.size(); k++) {
      micros.put(ops.get(k), 1e6 / rates[k]);
    }
    return rows(micros);
  }

  /** The rows, from each operation's cost. */
  static List<Row> rows(Map<FloorOp, Double> micros) {
    List<Row> out = new ArrayList<>();
    for (Suite suite : Suite.values()) {
      for (CaFamily ca : CaFamily.values()) {
        Map<FloorOp, Integer> counts = new LinkedHashMap<>();
        for (Step step : FloorOp.steps(suite, ca)) {
          counts.merge(step.op(), 1, Integer::sum);
        }
        List<Term> terms = new ArrayList<>();
        counts.forEach((op, n) -> terms.add(new Term(op, n, micros.get(op))));
        out.add(new Row("floor." + suite.label() + "." + ca.label(), terms));
      }
    }
    return out;
  }
}
