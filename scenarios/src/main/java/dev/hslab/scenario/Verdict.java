package dev.hslab.scenario;

import java.util.List;
import java.util.Locale;

/**
 * The result of checking one scenario: passed, failed with its mismatches, or not run with the
 * reason (a scenario whose network needs the actors is never faked over the loopback).
 *
 * @param facts what the run did; null when it was not run
 */
public record Verdict(Scenario scenario, Status status, List<Mismatch> mismatches, String reason, RunFacts facts) {

  public enum Status {
    PASSED,
    FAILED,
    NOT_RUN;

    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
  }

  public Verdict {
    mismatches = List.copyOf(mismatches);
  }

  static Verdict compared(Scenario s, RunFacts facts) {
    List<Mismatch> m = ExpectationCheck.of(s.expect(), facts);
    return new Verdict(s, m.isEmpty() ? Status.PASSED : Status.FAILED, m, "", facts);
  }

  static Verdict notRun(Scenario s, String reason) {
    return new Verdict(s, Status.NOT_RUN, List.of(), reason, null);
  }
}
