package dev.hslab.actors;

import java.util.Locale;

/** What carries the TLS records between the two endpoints of a simulated connection. */
public enum Transport {
  /**
   * A simulated TCP connection ({@link dev.hslab.actors.tcp}): the random faults hit its segments,
   * which it retransmits, reorders back and checks, so a lossy link costs time, not handshakes.
   */
  TCP,
  /** The records themselves, each delivered, lost or altered whole: no recovery below TLS. */
  NONE;

  /** The word on the command line and in scenario files: {@code tcp}, {@code none}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads {@code tcp} or {@code none}. */
  public static Transport of(String word) {
    for (Transport t : values()) {
      if (t.label().equals(word == null ? "" : word.trim().toLowerCase(Locale.ROOT))) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown transport '" + word + "'; one of tcp, none");
  }
}
