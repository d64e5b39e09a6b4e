package dev.hslab.bench;

/**
 * One row of {@code hslab bench}: the subject's and the baseline's throughput, measured in the
 * same run, and their ratio (above 1: the subject is faster).
 */
public record Comparison(String name, String subject, String baseline, double subjectPerSecond, double baselinePerSecond) {

  public double ratio() {
    return subjectPerSecond / baselinePerSecond;
  }
}
