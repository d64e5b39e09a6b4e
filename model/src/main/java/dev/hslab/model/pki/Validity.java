package dev.hslab.model.pki;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A certificate's validity window, both ends inclusive (RFC 5280 §4.1.2.5). X.509 times have
 * whole seconds, so both ends are truncated to the second; the caller passes the instant, nothing
 * here reads a clock.
 */
public record Validity(Instant notBefore, Instant notAfter) {

  public Validity {
    Objects.requireNonNull(notBefore, "notBefore");
    Objects.requireNonNull(notAfter, "notAfter");
    notBefore = notBefore.truncatedTo(ChronoUnit.SECONDS);
    notAfter = notAfter.truncatedTo(ChronoUnit.SECONDS);
    if (notAfter.isBefore(notBefore)) {
      throw new IllegalArgumentException("notAfter " + notAfter + " before notBefore " + notBefore);
    }
  }

  /** From {@code start} for {@code lifetime}. */
  public static Validity starting(Instant start, Duration lifetime) {
    return new Validity(start, start.plus(lifetime));
  }

  /**
   * A window around {@code now}: from one hour before (peers whose clocks run slightly behind
   * still accept it) for {@code lifetime}.
   */
  public static Validity around(Instant now, Duration lifetime) {
    return starting(now.minus(Duration.ofHours(1)), lifetime);
  }

  /** Whether {@code t} lies in the window, ends included. */
  public boolean contains(Instant t) {
    return !t.isBefore(notBefore) && !t.isAfter(notAfter);
  }
}
