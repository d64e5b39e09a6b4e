package dev.hslab.model.trace;

import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.engine.Step;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.wire.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * One event of a run, in virtual time: what an engine reported, what the network did to a
 * record, or a TCP segment under the records. The loopback, the actors and the real-engine bridge all produce these, and every
 * output (terminal list, JSON Lines, sequence diagram, pcap) reads them.
 */
public sealed interface TraceEvent {

  /** Virtual time in milliseconds since the run started. */
  double timeMs();

  /**
   * An engine on {@code side} reported {@code event}; for a message it sent, {@code carriage} is how
   * the network carried it, decided when the network took the record (null for other events, and
   * when the sender's records and messages do not pair up one to one).
   */
  record OfEngine(double timeMs, Side side, EngineEvent event, Carriage carriage) implements TraceEvent {

    public OfEngine(double timeMs, Side side, EngineEvent event) {
      this(timeMs, side, event, null);
    }
  }

  /**
   * The record a sent message travelled in, numbered per sending side from 1 like
   * {@link OfNetwork#record()}, and the first thing the network did to it other than deliver it
   * ({@code dropped}, {@code corrupted}, ...), or null when it was delivered unchanged; {@code
   * injected} for a message an inject fault made the sender send as its own record.
   */
  record Carriage(int record, NetworkAction fault) {

    public Carriage {
      if (record < 1 || fault == NetworkAction.DELIVERED) {
        throw new IllegalArgumentException("record " + record + ", fault " + fault);
      }
    }
  }

  /**
   * The network handled record number {@code record} (counted per sending side from 1) sent by
   * {@code from}: {@code bytes} is what it put on the wire towards the peer (empty when dropped).
   */
  record OfNetwork(double timeMs, Side from, int record, NetworkAction action, String detail, Bytes bytes)
      implements TraceEvent {}

  /**
   * One TCP segment {@code from} put on the wire at {@code timeMs}, under the TLS records when the
   * run's transport is TCP (RFC 9293): what the capture writes and what a sequence shows as a
   * retransmission or a duplicate ACK. Sequence numbers count from each side's initial sequence
   * number 0, so the first data byte is 1 (the SYN occupies one, RFC 9293 §3.4).
   *
   * @param ack the acknowledgment number, meaningful when {@code flags} holds {@link TcpFlag#ACK}
   * @param payload the data bytes the segment carries (empty for SYN and pure ACKs)
   * @param retransmission the segment repeats data (or a SYN) this side sent before
   * @param duplicateAck a pure ACK repeating the previous ACK's number (RFC 5681 §2)
   * @param fate what the link did to it
   */
  record OfSegment(double timeMs, Side from, long seq, long ack, java.util.Set<TcpFlag> flags, Bytes payload,
      boolean retransmission, boolean duplicateAck, SegmentFate fate) implements TraceEvent {

    public OfSegment {
      flags = java.util.Set.copyOf(flags);
    }

    /** {@code SYN}, {@code SYN,ACK}, {@code ACK}, {@code PSH,ACK}: the flags in header order. */
    public String flagText() {
      java.util.List<String> out = new ArrayList<>();
      for (TcpFlag f : TcpFlag.values()) {
        if (flags.contains(f)) {
          out.add(f.name());
        }
      }
      return String.join(",", out);
    }
  }

  /** The TCP control bits a segment of the model can carry (RFC 9293 §3.1), in header order. */
  enum TcpFlag {
    FIN, SYN, RST, PSH, ACK
  }

  /** What the link did to a segment. */
  enum SegmentFate {
    DELIVERED,
    LOST,
    /** A bit flipped on the way: the receiver's checksum fails and it drops the segment (RFC 9293 §3.1). */
    CORRUPTED,
    DUPLICATED,
    REORDERED;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * Whether {@code step}'s messages and records pair one to one, the k-th message in the k-th
   * record: the model engine's rule (each message in its own record). A real engine that packs a
   * flight into one record does not, and its messages get no carriage.
   */
  static boolean pairs(Step step) {
    return step.events().stream().filter(e -> e instanceof EngineEvent.MessageSent).count() == step.records().size();
  }

  /**
   * {@code step}'s events as trace events at {@code timeMs}; the i-th message sent gets
   * {@code carriages.get(i)}, or none when {@code carriages} is empty.
   */
  static List<TraceEvent> ofStep(double timeMs, Side side, Step step, List<Carriage> carriages) {
    List<TraceEvent> out = new ArrayList<>(step.events().size());
    int m = 0;
    for (EngineEvent e : step.events()) {
      Carriage c = e instanceof EngineEvent.MessageSent && !carriages.isEmpty() ? carriages.get(m++) : null;
      out.add(new OfEngine(timeMs, side, e, c));
    }
    return out;
  }

  /**
   * {@code step}'s events for a link that delivers every record unchanged (the loopback, a TCP
   * connection): its records are the sender's numbers {@code firstRecord}, {@code firstRecord + 1},
   * ... when they pair with its messages.
   */
  static List<TraceEvent> ofStep(double timeMs, Side side, Step step, int firstRecord) {
    List<Carriage> carriages = new ArrayList<>();
    if (pairs(step)) {
      for (int i = 0; i < step.records().size(); i++) {
        carriages.add(new Carriage(firstRecord + i, null));
      }
    }
    return ofStep(timeMs, side, step, carriages);
  }

  /** What the network did with a record. */
  enum NetworkAction {
    DELIVERED,
    DROPPED,
    DUPLICATED,
    DELAYED,
    CORRUPTED,
    TRUNCATED,
    REORDERED,
    INJECTED;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
