package dev.hslab.actors.tcp;

/**
 * The TCP parameters of a simulated connection, in bytes, segments and virtual milliseconds.
 *
 * @param mss the maximum segment size: 1460, Ethernet's 1500-byte MTU less 40 header bytes (RFC 879)
 * @param initialWindow the initial congestion window in segments: 10 (RFC 6928)
 * @param initialRtoMs the RTO before any RTT sample: 1 s (RFC 6298 §2.1)
 * @param minRtoMs the RTO's lower bound: RFC 6298 §2.4's 1 s, or Linux's 200 ms
 * @param maxRtoMs the RTO's upper bound (RFC 6298 §2.5 allows one of at least 60 s; Linux uses 120 s)
 * @param synRetries SYN retransmissions before the connect fails (Linux's tcp_syn_retries, 6)
 * @param maxRetransmissions retransmissions of one segment before the connection is reset (Linux's
 *     tcp_retries2, 15)
 */
public record TcpOptions(int mss, int initialWindow, double initialRtoMs, double minRtoMs, double maxRtoMs,
    int synRetries, int maxRetransmissions) {

  public static final int ETHERNET_MSS = 1460;
  public static final double RFC6298_MIN_RTO_MS = 1000;
  public static final double LINUX_MIN_RTO_MS = 200;

  public TcpOptions {
    if (mss < 1 || mss > 65_495 || initialWindow < 1 || synRetries < 0 || maxRetransmissions < 0) {
      throw new IllegalArgumentException("MSS 1-65495, initial window >= 1, retries >= 0; got " + mss + ", "
          + initialWindow + ", " + synRetries + ", " + maxRetransmissions);
    }
    if (!(minRtoMs > 0) || !(initialRtoMs >= minRtoMs) || !(maxRtoMs >= initialRtoMs) || Double.isInfinite(maxRtoMs)) {
      throw new IllegalArgumentException("RTO bounds must satisfy 0 < min <= initial <= max, got " + minRtoMs + ", "
          + initialRtoMs + ", " + maxRtoMs + " ms");
    }
  }

  /** RFC defaults: MSS 1460, IW10, initial and minimum RTO 1 s, 120 s maximum, 6 SYN and 15 data retries. */
  public static TcpOptions defaults() {
    return new TcpOptions(ETHERNET_MSS, 10, 1000, RFC6298_MIN_RTO_MS, 120_000, 6, 15);
  }

  /** These options with the RTO's lower bound at {@code ms} (the initial RTO stays 1 s, or {@code ms} if above). */
  public TcpOptions withMinRto(double ms) {
    return new TcpOptions(mss, initialWindow, Math.max(initialRtoMs, ms), ms, Math.max(maxRtoMs, ms), synRetries,
        maxRetransmissions);
  }
}
