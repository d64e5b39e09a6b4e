package dev.hslab.actors.tcp;

import dev.hslab.model.wire.Bytes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The sending half of a connection's data: the byte stream the application wrote, cut into
 * segments of at most MSS bytes as the congestion window allows; cumulative ACKs; the
 * retransmission timer of RFC 6298 §5 with Karn's rule (§3); slow start from an initial window of
 * ten segments (RFC 5681 §3.1, RFC 6928); fast retransmit and fast recovery on the third
 * duplicate ACK (RFC 5681 §3.2). No SACK, so a timeout goes back to the first unacknowledged byte
 * and resends from there (RFC 5681 §3.1, "go-back-N" after an RTO). Mutable; time is passed in.
 */
public final class Sender {

  /** RFC 5681 §3.2: the third duplicate ACK starts a fast retransmit. */
  public static final int DUP_ACK_THRESHOLD = 3;

  /** A segment's worth of the stream: where it starts, its bytes, whether it was sent before. */
  public record Chunk(long seq, Bytes payload, boolean retransmission) {}

  /** What an ACK or a timeout led to: segments to send now, or that the sender gave up. */
  public record Result(List<Chunk> send, boolean gaveUp) {
    static final Result NOTHING = new Result(List.of(), false);
  }

  private final TcpOptions options;
  private final RtoEstimator rto;
  private final long first;
  private byte[] stream = new byte[256];
  private int written;
  private long una;
  private long nxt;
  /** The highest sequence number sent plus one: below it, a segment is a retransmission. */
  private long max;
  private double cwnd;
  private double ssthresh = Double.MAX_VALUE;
  private int dupAcks;
  private boolean recovering;
  private int retries;
  /** Karn's rule: one timed segment at a time, never a retransmitted one (RFC 6298 §3). */
  private long timedEnd = -1;
  private double timedAt;
  /** When the retransmission timer expires, NaN when it is off. */
  private double deadline = Double.NaN;

  /** @param first the sequence number of the first data byte (ISN + 1: the SYN takes the ISN) */
  public Sender(TcpOptions options, RtoEstimator rto, long first) {
    this.options = options;
    this.rto = rto;
    this.first = first;
    this.una = first;
    this.nxt = first;
    this.max = first;
    this.cwnd = (double) options.initialWindow() * options.mss();
  }

  /** The application writes bytes into the stream (TLS records, whole or several). */
  public void write(Bytes b) {
    if (written + b.length() > stream.length) {
      stream = Arrays.copyOf(stream, Math.max(stream.length * 2, written + b.length()));
    }
    b.copyTo(stream, written);
    written += b.length();
  }

  /** SND.UNA: the oldest unacknowledged sequence number. */
  public long una() {
    return una;
  }

  /** SND.NXT: the sequence number of the next byte to send. */
  public long nxt() {
    return nxt;
  }

  /** The sequence number after the last byte written. */
  public long end() {
    return first + written;
  }

  /** Whether bytes were sent and not yet acknowledged, or written and not yet sent. */
  public boolean busy() {
    return una < end();
  }

  /** When the retransmission timer expires (virtual ms), NaN when it does not run. */
  public double deadline() {
    return deadline;
  }

  public double cwnd() {
    return cwnd;
  }

  public RtoEstimator rto() {
    return rto;
  }

  /** The segments the window allows now, new data or the resumed stream after a timeout. */
  public List<Chunk> sendable(double now) {
    List<Chunk> out = new ArrayList<>();
    while (nxt < end() && nxt < una + cwnd) {
      int len = (int) Math.min(options.mss(), Math.min(end() - nxt, (long) Math.ceil(una + cwnd - nxt)));
      out.add(transmit(nxt, len, now));
      nxt += len;
    }
    return out;
  }

  private Chunk transmit(long seq, int len, double now) {
    boolean again = seq < max;
    if (again) {
      timedEnd = -1; // Karn: an ACK covering a retransmission says nothing about the RTT
    } else if (timedEnd < 0) {
      timedEnd = seq + len;
      timedAt = now;
    }
    max = Math.max(max, seq + len);
    if (Double.isNaN(deadline)) {
      deadline = now + rto.rto(); // RFC 6298 §5.1
    }
    int off = (int) (seq - first);
    return new Chunk(seq, Bytes.of(stream, off, len), again);
  }

  /**
   * An acknowledgment arrived.
   *
   * @param pure the segment carried no data and no SYN or FIN, so an old ACK number is a duplicate
   *     ACK (RFC 5681 §2)
   */
  public Result onAck(long ack, boolean pure, double now) {
    if (ack > max) {
      return Result.NOTHING; // acknowledges what was never sent: ignored (RFC 9293 §3.10.7.4)
    }
    if (ack > una) {
      long acked = ack - una;
      una = ack;
      nxt = Math.max(nxt, una);
      retries = 0;
      dupAcks = 0;
      if (timedEnd >= 0 && ack >= timedEnd) {
        rto.sample(now - timedAt);
        timedEnd = -1;
      }
      if (recovering) {
        recovering = false;
        cwnd = ssthresh; // RFC 5681 §3.2 step 6: deflate the window
      } else if (cwnd < ssthresh) {
        cwnd += Math.min(acked, options.mss()); // slow start, RFC 5681 §3.1 (3.2)
      } else {
        cwnd += (double) options.mss() * options.mss() / cwnd; // congestion avoidance (3.3)
      }
      // RFC 6298 §5.2, §5.3: stop the timer when all is acknowledged, else restart it.
      deadline = una >= max ? Double.NaN : now + rto.rto();
      return new Result(sendable(now), false);
    }
    if (!pure || ack != una || una >= max) {
      return Result.NOTHING;
    }
    dupAcks++;
    if (dupAcks == DUP_ACK_THRESHOLD) {
      // RFC 5681 §3.2 steps 2-4: halve, resend the missing segment, inflate by the three.
      ssthresh = Math.max(flight() / 2.0, 2.0 * options.mss());
      recovering = true;
      cwnd = ssthresh + DUP_ACK_THRESHOLD * options.mss();
      int len = (int) Math.min(options.mss(), max - una);
      List<Chunk> out = new ArrayList<>();
      out.add(transmit(una, len, now));
      out.addAll(sendable(now));
      return new Result(out, false);
    }
    if (dupAcks > DUP_ACK_THRESHOLD && recovering) {
      cwnd += options.mss(); // step 5: each further duplicate means a segment left the network
      return new Result(sendable(now), false);
    }
    return Result.NOTHING;
  }

  /**
   * The retransmission timer expired (RFC 6298 §5.4-5.6): back off, resend the first
   * unacknowledged segment from a window of one segment (RFC 5681 §3.1), or give up after
   * {@link TcpOptions#maxRetransmissions()} retransmissions of it.
   */
  public Result onTimeout(double now) {
    if (una >= max) {
      deadline = Double.NaN;
      return Result.NOTHING;
    }
    if (retries >= options.maxRetransmissions()) {
      deadline = Double.NaN;
      return new Result(List.of(), true);
    }
    retries++;
    ssthresh = Math.max(flight() / 2.0, 2.0 * options.mss());
    cwnd = options.mss();
    recovering = false;
    dupAcks = 0;
    rto.backOff();
    nxt = una;
    deadline = Double.NaN;
    return new Result(sendable(now), false);
  }

  /** How many retransmissions of the oldest unacknowledged segment there were since it was last acknowledged. */
  public int retries() {
    return retries;
  }

  private long flight() {
    return max - una;
  }
}
