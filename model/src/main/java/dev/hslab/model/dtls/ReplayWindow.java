package dev.hslab.model.dtls;

/**
 * The anti-replay sliding window of one epoch (RFC 6347 §4.1.2.6, the algorithm of RFC 4303
 * §3.4.3): a bit per sequence number for the 64 numbers up to the highest one received. A number
 * left of the window or already marked is a replay. The window moves only in {@link #accept},
 * which the caller calls once the record's MAC has verified (§4.1.2.6: "The receive window is
 * updated only if the MAC verification succeeds"), so a forged record cannot move it.
 */
public final class ReplayWindow {

  /** RFC 4303 §3.4.3: 32 is the minimum, 64 the recommended default. */
  public static final int SIZE = 64;

  /** The highest sequence number accepted, -1 before the first. */
  private long right = -1;
  /** Bit i set: sequence number {@code right - i} was accepted. */
  private long bits;

  /** Whether {@code seq} is a replay: already accepted, or too old to tell. */
  public boolean isReplay(long seq) {
    if (seq > right) {
      return false;
    }
    long age = right - seq;
    return age >= SIZE || (bits & (1L << age)) != 0;
  }

  /** Marks {@code seq} as received, moving the window right if it is the new highest. */
  public void accept(long seq) {
    if (isReplay(seq)) {
      throw new IllegalStateException("sequence number " + seq + " is a replay; check isReplay first");
    }
    if (seq > right) {
      long shift = right < 0 ? SIZE : seq - right;
      bits = shift >= SIZE ? 0 : bits << shift;
      right = seq;
      bits |= 1;
    } else {
      bits |= 1L << (right - seq);
    }
  }

  /** The highest sequence number accepted so far, -1 before the first. */
  public long highest() {
    return right;
  }
}
