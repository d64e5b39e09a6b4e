package dev.hslab.real.tcp;

import java.time.Duration;

/**
 * The bounds of a bridged connection: nothing waits longer. Every socket read uses {@code read}
 * as its timeout (a peer that goes silent is a timeout, never a hang); the whole handshake is
 * bounded by {@code handshake}.
 */
public record Timeouts(Duration connect, Duration read, Duration handshake) {

  public Timeouts {
    for (Duration d : new Duration[] {connect, read, handshake}) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("timeouts must be positive: " + d);
      }
    }
  }

  /** 5 s to connect, 10 s per read, 30 s for the handshake. */
  public static Timeouts defaults() {
    return new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30));
  }

  /** Every bound {@code d}: for tests against peers that break off. */
  public static Timeouts all(Duration d) {
    return new Timeouts(d, d, d);
  }
}
