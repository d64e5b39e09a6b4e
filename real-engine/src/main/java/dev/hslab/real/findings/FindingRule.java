package dev.hslab.real.findings;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One row of the classification table: which differences it covers and what they mean. Every
 * match field is a pattern over one word of a {@link Difference}: {@code *} (anything),
 * {@code a|b} (one of), {@code !a|b} (none of).
 *
 * @param id a stable name, e.g. {@code warning-refused}
 * @param engines the engines it applies to ({@code jsse}, {@code bcjsse}, {@code openssl})
 * @param deviation the deviation kind ({@code inject}, {@code skip}, ...: {@code Mutation.Kind#cliName})
 * @param message the injected message, or for the other kinds the targeted one, without its side
 * @param target the targeted message without its side (an injection goes just before it)
 * @param expected the model's expected ending, as {@link Difference#key}
 * @param observed the engine's ending, as {@link Difference#key}
 * @param kind what such a difference means
 * @param section the RFC section that decides it, e.g. {@code RFC 5246 §7.2.2}
 * @param quote the RFC's words, briefly
 * @param reason why this class, in a sentence: what the engine did and why that is or is not allowed
 * @param api for a limit of our observation, the interface that hides what the engine did; else empty
 */
public record FindingRule(
    String id, String engines, String deviation, String message, String target, String expected, String observed,
    FindingClass kind, String section, String quote, String reason, String api) {

  /** {@code RFC NNNN §N(.N)*}, or several joined by {@code , }. */
  static final Pattern SECTION = Pattern.compile("RFC \\d{4} §\\d+(\\.\\d+)*(, RFC \\d{4} §\\d+(\\.\\d+)*)*");

  public FindingRule {
    for (String s : List.of(id, engines, deviation, message, target, expected, observed, section, quote, reason, api)) {
      Objects.requireNonNull(s, "every field of a rule is set (api: empty when none)");
    }
    Objects.requireNonNull(kind, "kind");
  }

  /** Whether this rule covers {@code d}. */
  public boolean matches(Difference d) {
    return matches(engines, d.engine()) && matches(deviation, d.deviation()) && matches(message, d.message())
        && matches(target, d.target()) && matches(expected, d.expected()) && matches(observed, d.observed());
  }

  static boolean matches(String pattern, String word) {
    if (pattern.equals("*")) {
      return true;
    }
    boolean negated = pattern.startsWith("!");
    boolean any = List.of((negated ? pattern.substring(1) : pattern).split("\\|")).contains(word);
    return negated != any;
  }
}
