package dev.hslab.output.capture;

import dev.hslab.model.handshake.Side;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.trace.TraceEvent;
import dev.hslab.model.wire.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays a trace's records out as one TCP connection (a run without TCP under its records): three-way handshake, the records as payload,
 * then a FIN exchange (RFC 9293 §3.5–3.6). Sequence and acknowledgment numbers follow the bytes;
 * every data segment acknowledges all the peer has sent (no separate pure ACKs, which a dissector
 * does not need).
 *
 * <p>The capture is what each endpoint <em>received</em>, as if taken at the receiver after the
 * simulated network: a record the network delivered, duplicated, delayed, reordered, corrupted,
 * truncated or injected is payload with the bytes the network put on the wire (in the trace's
 * order, which is delivery order); a dropped record is not in the capture. Showing the sender's
 * copy of a dropped record would leave a hole in the receiver's byte stream that TCP never
 * allows, and Wireshark would lose the record boundaries after it.
 *
 * <p>A run over the simulated TCP ({@code TraceEvent.OfSegment} in its trace) is written as it
 * happened instead: its SYN exchange, every segment as its sender put it on the wire (so a lost
 * segment is there, and so is its retransmission, which Wireshark marks), duplicate ACKs, with the
 * model's sequence numbers shifted by the ISNs below, then the FIN exchange.
 *
 * <p>Timestamps are the trace's virtual time; where that does not advance (a loopback run is all
 * at time 0) each packet is {@link #STEP_MICROS} after the previous one, so they strictly increase.
 */
final class TcpConversation {

  static final long STEP_MICROS = 10;
  // Fixed initial sequence numbers (RFC 9293 §3.4.1 wants them unpredictable on a real network;
  // a synthetic capture wants them reproducible).
  static final long CLIENT_ISN = 0x1000_0000L;
  static final long SERVER_ISN = 0x2000_0000L;

  private final int mss;
  private final List<Segment> out = new ArrayList<>();
  private long clientNext = CLIENT_ISN;
  private long serverNext = SERVER_ISN;
  private long lastMicros = -STEP_MICROS;

  private TcpConversation(int mss) {
    this.mss = mss;
  }

  static List<Segment> of(Trace trace, int mss) {
    TcpConversation c = new TcpConversation(mss);
    if (trace.events().stream().anyMatch(e -> e instanceof TraceEvent.OfSegment)) {
      return c.segments(trace);
    }
    double start = trace.events().isEmpty() ? 0 : trace.events().get(0).timeMs();
    // The connection opens just before the first record, so that record keeps its own time.
    double open = start - 3 * STEP_MICROS / 1000.0;
    c.control(open, Side.CLIENT, Segment.SYN);
    c.control(open, Side.SERVER, Segment.SYN | Segment.ACK);
    c.control(open, Side.CLIENT, Segment.ACK);
    double end = start;
    for (TraceEvent e : trace.events()) {
      end = Math.max(end, e.timeMs());
      if (e instanceof TraceEvent.OfNetwork n && carriesBytes(n)) {
        c.data(n.timeMs(), n.from(), n.bytes());
      }
    }
    c.control(end, Side.CLIENT, Segment.FIN | Segment.ACK);
    c.control(end, Side.SERVER, Segment.FIN | Segment.ACK);
    c.control(end, Side.CLIENT, Segment.ACK);
    return List.copyOf(c.out);
  }

  /**
   * A run over the simulated TCP: its own segments, each as its sender put it on the wire (a lost
   * one too, so the retransmission that follows is one), numbers shifted by the fixed ISNs; then the
   * FIN exchange.
   */
  private List<Segment> segments(Trace trace) {
    double end = 0;
    for (TraceEvent e : trace.events()) {
      end = Math.max(end, e.timeMs());
      if (e instanceof TraceEvent.OfSegment s) {
        boolean client = s.from() == Side.CLIENT;
        long isn = client ? CLIENT_ISN : SERVER_ISN;
        long peerIsn = client ? SERVER_ISN : CLIENT_ISN;
        int flags = 0;
        for (TraceEvent.TcpFlag f : s.flags()) {
          flags |= switch (f) {
            case FIN -> Segment.FIN;
            case SYN -> Segment.SYN;
            case RST -> Segment.RST;
            case PSH -> Segment.PSH;
            case ACK -> Segment.ACK;
          };
        }
        out.add(new Segment(time(s.timeMs()), s.from(), flags, (isn + s.seq()) & 0xffffffffL,
            (peerIsn + s.ack()) & 0xffffffffL, s.payload()));
        long next = isn + s.seq() + s.payload().length() + (s.flags().contains(TraceEvent.TcpFlag.SYN) ? 1 : 0);
        if (client) {
          clientNext = Math.max(clientNext, next);
        } else {
          serverNext = Math.max(serverNext, next);
        }
      }
    }
    control(end, Side.CLIENT, Segment.FIN | Segment.ACK);
    control(end, Side.SERVER, Segment.FIN | Segment.ACK);
    control(end, Side.CLIENT, Segment.ACK);
    return List.copyOf(out);
  }

  /** What reached the receiver: everything but a dropped record (see the class comment). */
  static boolean carriesBytes(TraceEvent.OfNetwork n) {
    return n.action() != TraceEvent.NetworkAction.DROPPED && n.bytes() != null && !n.bytes().isEmpty();
  }

  private void control(double timeMs, Side from, int flags) {
    boolean client = from == Side.CLIENT;
    // Only the first SYN lacks the ACK flag; Frames writes ack 0 there.
    long seq = client ? clientNext : serverNext;
    long ack = client ? serverNext : clientNext;
    out.add(new Segment(time(timeMs), from, flags, seq & 0xffffffffL, ack & 0xffffffffL, Bytes.EMPTY));
    // RFC 9293 §3.4: SYN and FIN each occupy one sequence number.
    if ((flags & (Segment.SYN | Segment.FIN)) != 0) {
      if (client) {
        clientNext++;
      } else {
        serverNext++;
      }
    }
  }

  private void data(double timeMs, Side from, Bytes bytes) {
    for (int off = 0; off < bytes.length(); off += mss) {
      Bytes chunk = bytes.slice(off, Math.min(bytes.length(), off + mss));
      boolean client = from == Side.CLIENT;
      long seq = client ? clientNext : serverNext;
      long ack = client ? serverNext : clientNext;
      out.add(new Segment(time(timeMs), from, Segment.PSH | Segment.ACK, seq & 0xffffffffL, ack & 0xffffffffL, chunk));
      if (client) {
        clientNext += chunk.length();
      } else {
        serverNext += chunk.length();
      }
    }
  }

  private long time(double timeMs) {
    long micros = Double.isFinite(timeMs) && timeMs > 0 ? Math.round(timeMs * 1000.0) : 0;
    lastMicros = Math.max(micros, lastMicros + STEP_MICROS);
    return lastMicros;
  }
}
