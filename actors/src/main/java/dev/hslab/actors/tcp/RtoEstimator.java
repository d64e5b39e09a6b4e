package dev.hslab.actors.tcp;

/**
 * The retransmission timeout of RFC 6298: smoothed RTT and RTT variance from samples (§2), the
 * bounds (§2.4, §2.5) and the exponential backoff (§5.5). Karn's rule (§3: no sample from a
 * retransmitted segment) is the caller's, which alone knows what was retransmitted. Mutable, one
 * per sender.
 */
public final class RtoEstimator {

  /** RFC 6298 §2: alpha = 1/8, beta = 1/4, K = 4. */
  static final double ALPHA = 1.0 / 8;
  static final double BETA = 1.0 / 4;
  static final int K = 4;
  /** The clock granularity G of §2: the simulation's clock is exact, one microsecond is its step. */
  static final double G_MS = 0.001;

  private final TcpOptions options;
  private double srtt = Double.NaN;
  private double rttvar = Double.NaN;
  private double rto;

  public RtoEstimator(TcpOptions options) {
    this.options = options;
    this.rto = options.initialRtoMs();
  }

  /** The RTO now, in virtual milliseconds. */
  public double rto() {
    return rto;
  }

  public double srtt() {
    return srtt;
  }

  public double rttvar() {
    return rttvar;
  }

  /** A round-trip time measured on a segment that was not retransmitted (§2.2, §2.3). */
  public void sample(double r) {
    if (Double.isNaN(srtt)) {
      srtt = r;
      rttvar = r / 2;
    } else {
      // §2.3: RTTVAR first, from the old SRTT.
      rttvar = (1 - BETA) * rttvar + BETA * Math.abs(srtt - r);
      srtt = (1 - ALPHA) * srtt + ALPHA * r;
    }
    rto = bound(srtt + Math.max(G_MS, K * rttvar));
  }

  /** The timer expired: §5.5, RTO = RTO * 2, up to the maximum. */
  public void backOff() {
    rto = Math.min(options.maxRtoMs(), rto * 2);
  }

  /**
   * §5.7: when the SYN or SYN-ACK timed out and no sample came since, data transmission starts
   * with an RTO of 3 s.
   */
  public void afterSynTimeout() {
    if (Double.isNaN(srtt)) {
      rto = Math.max(rto, 3000);
      rto = Math.min(rto, Math.max(3000, options.maxRtoMs()));
    }
  }

  private double bound(double v) {
    return Math.min(options.maxRtoMs(), Math.max(options.minRtoMs(), v));
  }
}
