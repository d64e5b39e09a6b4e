package dev.hslab.real.findings;

import dev.hslab.model.concrete.DeviationRun;
import dev.hslab.model.concrete.DeviationSuite;
import dev.hslab.model.handshake.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds the rows of the findings table from {@code hslab deviate}'s results: one engine, one
 * command-line configuration, the same suite run one or more times (to see nondeterminism).
 */
public final class FindingsTable {

  private FindingsTable() {}

  /** The rules of {@link FindingRules#ALL} that cover {@code d}: exactly one, or the table is wrong. */
  public static List<FindingRule> rulesFor(Difference d) {
    return FindingRules.ALL.stream().filter(r -> r.matches(d)).toList();
  }

  /**
   * Every trace where the engine's ending differs from the model's in any of {@code repeats} (the
   * same suite, same engine, run again), in trace order.
   */
  public static List<Finding> rows(List<DeviationSuite.Result> repeats) {
    if (repeats.isEmpty()) {
      return List.of();
    }
    List<DeviationRun> first = repeats.get(0).runs();
    for (DeviationSuite.Result r : repeats) {
      if (r.runs().size() != first.size()) {
        throw new IllegalArgumentException("repeats of one suite have the same traces");
      }
    }
    List<Finding> out = new ArrayList<>();
    for (int i = 0; i < first.size(); i++) {
      int n = i;
      List<DeviationRun> runs = repeats.stream().map(r -> r.runs().get(n)).toList();
      if (runs.stream().allMatch(r -> !r.ran() || r.matches())) {
        continue;
      }
      out.add(row(runs, i + 1));
    }
    return out;
  }

  /** One trace's row from its runs (at least one of which differs from the expectation). */
  static Finding row(List<DeviationRun> runs, int trace) {
    DeviationRun run = runs.get(0);
    var m = run.deviation().mutation();
    Set<Outcome> endings = new LinkedHashSet<>();
    Set<String> observed = new LinkedHashSet<>();
    for (DeviationRun r : runs) {
      observed.add(r.ran() ? r.actual().explorerLabel() : "not run: " + r.note());
      if (r.ran()) {
        endings.add(r.actual());
      }
    }
    String config = run.deviation().configuration().label();
    String expected = run.deviation().expected().explorerLabel();
    String role = m.receiver().label();
    if (observed.size() > 1) {
      return new Finding(config, run.engine(), role, trace, m.label(), expected, List.copyOf(observed),
          FindingClass.NONDETERMINISTIC, null, "the " + runs.size() + " runs ended " + String.join(", then ", observed));
    }
    Outcome ending = endings.iterator().next();
    List<FindingRule> rules = rulesFor(Difference.of(run, ending));
    if (rules.size() != 1) {
      String why = rules.isEmpty() ? "no rule matches " + Difference.of(run, ending)
          : "several rules match: " + rules.stream().map(FindingRule::id).collect(Collectors.joining(", "));
      return new Finding(config, run.engine(), role, trace, m.label(), expected, List.copyOf(observed),
          FindingClass.UNCLASSIFIED, null, why);
    }
    FindingRule rule = rules.get(0);
    return new Finding(config, run.engine(), role, trace, m.label(), expected, List.copyOf(observed), rule.kind(), rule, "");
  }
}
