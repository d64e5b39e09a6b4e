package dev.hslab.actors;

import java.util.List;
import java.util.Locale;

/** What carries the TLS records between the two endpoints of a simulated connection. */
public enum Transport {
  /**
   * A simulated TCP connection ({@link dev.hslab.actors.tcp}): the random faults hit its segments,
   * which it retransmits, reorders back and checks, so a lossy link costs time, not handshakes.
   */
  TCP,
  /** The records themselves, each delivered, lost or altered whole: no recovery below TLS. */
  NONE,
  /**
   * Simulated UDP, for a datagram engine (DTLS): each element an engine sends is one datagram,
   * delivered, lost, duplicated, reordered or altered whole, with no recovery below DTLS (RFC 768);
   * datagrams keep no order (a later one may overtake a delayed one). The engine recovers with its
   * own retransmission timer (RFC 6347 §4.2.4), which its endpoint arms in virtual time.
   */
  UDP;

  /** The word on the command line and in scenario files: {@code tcp}, {@code none}, {@code udp}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads {@code tcp}, {@code none} or {@code udp}. */
  public static Transport of(String word) {
    return of(word, List.of(values()));
  }

  /** Reads one of {@code allowed}; the error lists them. */
  public static Transport of(String word, List<Transport> allowed) {
    for (Transport t : allowed) {
      if (t.label().equals(word == null ? "" : word.trim().toLowerCase(Locale.ROOT))) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown transport '" + word + "'; one of "
        + String.join(", ", allowed.stream().map(Transport::label).toList()));
  }
}
