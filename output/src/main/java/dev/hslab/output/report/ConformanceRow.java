package dev.hslab.output.report;

import java.util.List;

/**
 * One configuration of a conformance run (docs/cli.md {@code hslab conform}): a real engine's
 * message sequence next to the model's, and whether the model's tables accept the real one.
 *
 * @param config the configuration's label
 * @param engine e.g. {@code jsse}, {@code bcjsse}
 * @param realSequence what the real engine's run sent, as {@code side.type}
 * @param modelSequence what the model sends for the same configuration
 * @param accepted the real trace is a run of the transition tables
 */
public record ConformanceRow(String config, String engine, List<String> realSequence, List<String> modelSequence,
    boolean accepted) {

  public ConformanceRow {
    realSequence = List.copyOf(realSequence);
    modelSequence = List.copyOf(modelSequence);
  }
}
