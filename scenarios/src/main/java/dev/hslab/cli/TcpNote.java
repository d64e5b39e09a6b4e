package dev.hslab.cli;

import dev.hslab.model.handshake.Side;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.trace.TraceEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * A line of {@code hslab run}'s sequence for what TCP did under the records: a segment the link
 * lost, corrupted, duplicated or held back, a retransmission, a duplicate ACK. Read from the
 * trace's segment events; segments that went through unharmed get no line.
 */
record TcpNote(double timeMs, String text) {

  /** What the printed output says about which fault hits which layer (docs/cli.md "Network faults"). */
  static final String LAYERS = "over TCP: --loss, --dup, --reorder and --corrupt hit TCP segments, which TCP recovers; "
      + "--fault alters TLS records above TCP (a middlebox)";

  static boolean overTcp(Trace t) {
    return t.events().stream().anyMatch(e -> e instanceof TraceEvent.OfSegment);
  }

  static List<TcpNote> of(Trace t) {
    List<TcpNote> out = new ArrayList<>();
    for (TraceEvent e : t.events()) {
      if (!(e instanceof TraceEvent.OfSegment s)) {
        continue;
      }
      List<String> what = new ArrayList<>();
      if (s.retransmission()) {
        what.add("retransmission");
      }
      if (s.duplicateAck()) {
        what.add("duplicate ACK");
      }
      if (s.fate() != TraceEvent.SegmentFate.DELIVERED) {
        what.add(s.fate().label());
      }
      if (what.isEmpty()) {
        continue;
      }
      String arrow = s.from() == Side.CLIENT ? "client  --> server" : "client <--  server";
      String seg = s.flagText() + (s.payload().isEmpty() ? "" : " seq " + s.seq() + "-" + (s.seq() + s.payload().length() - 1))
          + (s.flags().contains(TraceEvent.TcpFlag.ACK) ? " ack " + s.ack() : "");
      out.add(new TcpNote(s.timeMs(), String.format("       %8.1f ms  %s  tcp %-28s %6d B  ** %s **", s.timeMs(), arrow,
          seg, s.payload().length(), String.join(", ", what))));
    }
    return out;
  }
}
