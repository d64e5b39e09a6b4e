package dev.hslab.real.findings;

import java.util.List;

/**
 * One row of the findings table: a deviant trace where a real engine did not end as the model expects.
 *
 * @param configuration the explorer configuration's label
 * @param engine the engine under test
 * @param role the engine's side ({@code client}, {@code server}); the deviating model engine plays the other
 * @param trace the trace's number in {@code hslab deviate}'s table for the same configuration
 * @param deviation the deviation, e.g. {@code inject client.hello_request before client.client_hello}
 * @param expected the model's expected ending, in deviate's words
 * @param observed the engine's ending in each run, in deviate's words (several: nondeterministic)
 * @param kind what it means
 * @param rule the rule that classifies it; null when unclassified or nondeterministic
 * @param note why no rule applies (several rules match, the runs differ), else empty
 */
public record Finding(String configuration, String engine, String role, int trace, String deviation, String expected,
    List<String> observed, FindingClass kind, FindingRule rule, String note) {

  public Finding {
    observed = List.copyOf(observed);
  }
}
