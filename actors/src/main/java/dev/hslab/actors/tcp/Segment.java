package dev.hslab.actors.tcp;

import dev.hslab.model.trace.TraceEvent.TcpFlag;
import dev.hslab.model.wire.Bytes;
import java.util.EnumSet;
import java.util.Set;

/**
 * One segment as the model sends it: sequence and acknowledgment numbers (from each side's
 * initial sequence number 0), control bits, payload, and the checksum its sender computed over
 * them, so that a receiver can tell a corrupted segment and drop it (RFC 9293 §3.1).
 *
 * @param retransmission the sender sent these sequence numbers before (for the trace and Karn's rule)
 */
public record Segment(long seq, long ack, Set<TcpFlag> flags, Bytes payload, int checksum, boolean retransmission) {

  public Segment {
    flags = Set.copyOf(flags);
  }

  /** A segment with its checksum computed now, as its sender puts it on the wire. */
  public static Segment of(long seq, long ack, Set<TcpFlag> flags, Bytes payload, boolean retransmission) {
    return new Segment(seq, ack, flags, payload, checksum(seq, ack, flags, payload), retransmission);
  }

  public boolean has(TcpFlag f) {
    return flags.contains(f);
  }

  /** The sequence space it occupies: its payload, plus one each for SYN and FIN (RFC 9293 §3.4). */
  public long length() {
    return payload.length() + (has(TcpFlag.SYN) ? 1 : 0) + (has(TcpFlag.FIN) ? 1 : 0);
  }

  /** Whether the checksum still matches what the segment holds. */
  public boolean intact() {
    return checksum == checksum(seq, ack, flags, payload);
  }

  /** This segment with bit {@code bit} of its payload flipped (the link corrupted it) and its checksum as sent. */
  public Segment withPayloadBitFlipped(int bit) {
    byte[] b = payload.toByteArray();
    b[bit / 8] ^= (byte) (1 << (bit % 8));
    return new Segment(seq, ack, flags, Bytes.wrap(b), checksum, retransmission);
  }

  /** This segment with its acknowledgment number's bit {@code bit} flipped: for segments without payload. */
  public Segment withAckBitFlipped(int bit) {
    return new Segment(seq, ack ^ (1L << bit), flags, payload, checksum, retransmission);
  }

  /**
   * The Internet checksum (RFC 1071: one's complement of the one's complement sum of 16-bit words)
   * over the numbers, the control bits and the payload; a single flipped bit always changes it.
   */
  static int checksum(long seq, long ack, Set<TcpFlag> flags, Bytes payload) {
    int bits = 0;
    for (TcpFlag f : flags) {
      bits |= 1 << f.ordinal();
    }
    long sum = (seq >>> 16 & 0xffff) + (seq & 0xffff) + (ack >>> 16 & 0xffff) + (ack & 0xffff) + bits;
    byte[] b = payload.toByteArray();
    for (int i = 0; i < b.length; i += 2) {
      sum += ((b[i] & 0xff) << 8) | (i + 1 < b.length ? b[i + 1] & 0xff : 0);
    }
    while ((sum >>> 16) != 0) {
      sum = (sum & 0xffff) + (sum >>> 16);
    }
    return (int) (~sum & 0xffff);
  }

  static Set<TcpFlag> flags(TcpFlag... f) {
    return f.length == 0 ? Set.of() : EnumSet.of(f[0], f);
  }
}
