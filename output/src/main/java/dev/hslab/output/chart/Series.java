package dev.hslab.output.chart;

import java.util.List;

/**
 * One distribution of an {@link EcdfChart}: the measured values of the trials that produced one,
 * out of {@code total} trials (the others produced none, e.g. a handshake that never completed),
 * so its curve levels off at {@code values.size() / total}.
 */
public record Series(String label, List<Double> values, int total) {

  public Series {
    values = values.stream().sorted().toList();
    if (total < values.size() || total < 1) {
      throw new IllegalArgumentException(label + ": " + values.size() + " values out of " + total + " trials");
    }
    for (double v : values) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException(label + ": value " + v + " is not finite");
      }
    }
  }

  /** The share of trials with a value, 0 to 1: where the curve levels off. */
  public double share() {
    return (double) values.size() / total;
  }
}
