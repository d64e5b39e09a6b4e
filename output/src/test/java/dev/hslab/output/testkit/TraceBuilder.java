package dev.hslab.output.testkit;

import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.engine.MessageInfo;
import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.record.Alert;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.trace.TraceEvent;
import dev.hslab.model.trace.TraceEvent.NetworkAction;
import dev.hslab.model.wire.Bytes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Builds traces the way the simulation will report them (each message in its own record, the
 * network's decision per record), for testing the writers before the model engine exists.
 */
public final class TraceBuilder {

  private final List<TraceEvent> events = new ArrayList<>();
  private final Map<Side, Integer> records = new EnumMap<>(Side.class);
  private double time;
  private double latency = 0.5;

  public TraceBuilder at(double timeMs) {
    this.time = timeMs;
    return this;
  }

  public TraceBuilder latency(double ms) {
    this.latency = ms;
    return this;
  }

  /** A message sent and delivered unchanged. */
  public TraceBuilder send(Side from, MessageKind kind, int bytes, boolean optional, boolean encrypted) {
    return send(from, info(kind, null, bytes, optional, encrypted), NetworkAction.DELIVERED);
  }

  public TraceBuilder alert(Side from, Alert alert, boolean encrypted, NetworkAction... fate) {
    MessageInfo mi = new MessageInfo("alert", null, alert, 2, false, encrypted, alert.describe(), alert.encode());
    return send(from, mi, fate);
  }

  /** A message sent, then what the network did with its record, in order. */
  public TraceBuilder send(Side from, MessageInfo mi, NetworkAction... fate) {
    int no = records.merge(from, 1, Integer::sum);
    // The network's decision for the record, as the simulation puts it on the message sent.
    NetworkAction fault = Arrays.stream(fate).filter(a -> a != NetworkAction.DELIVERED).findFirst().orElse(null);
    events.add(new TraceEvent.OfEngine(time, from, new EngineEvent.MessageSent(mi), new TraceEvent.Carriage(no, fault)));
    Bytes wire = wire(no, mi.bytes() + 5);
    boolean arrived = false;
    double t = time + latency;
    for (NetworkAction a : fate) {
      String detail = switch (a) {
        case DELAYED -> "40 ms";
        case CORRUPTED -> "byte 7 flipped";
        case TRUNCATED -> "3 bytes kept";
        default -> "";
      };
      Bytes onWire = a == NetworkAction.DROPPED ? Bytes.EMPTY : a == NetworkAction.TRUNCATED ? wire.slice(0, 3) : wire;
      if (a == NetworkAction.DELAYED) {
        t += 40;
      }
      events.add(new TraceEvent.OfNetwork(t, from, no, a, detail, onWire));
      arrived |= a != NetworkAction.DROPPED;
    }
    if (arrived) {
      events.add(new TraceEvent.OfEngine(t, from.peer(), new EngineEvent.MessageReceived(mi)));
    }
    time = t;
    return this;
  }

  /** A record the network made up, as if from {@code from}. */
  public TraceBuilder inject(Side from, MessageKind kind, int bytes) {
    int no = records.merge(from, 1, Integer::sum);
    time += latency;
    events.add(new TraceEvent.OfNetwork(time, from, no, NetworkAction.INJECTED, kind.label(), wire(no, bytes + 5)));
    return this;
  }

  /** A TCP segment event at the current time. */
  public TraceBuilder segment(TraceEvent.OfSegment s) {
    events.add(new TraceEvent.OfSegment(time, s.from(), s.seq(), s.ack(), s.flags(), s.payload(), s.retransmission(),
        s.duplicateAck(), s.fate()));
    return this;
  }

  public TraceBuilder engine(Side side, EngineEvent e) {
    events.add(new TraceEvent.OfEngine(time, side, e));
    return this;
  }

  public Trace build() {
    return new Trace(events);
  }

  public static MessageInfo info(MessageKind kind, Alert alert, int bytes, boolean optional, boolean encrypted) {
    return new MessageInfo(kind.typeName(), kind, alert, bytes, optional, encrypted, kind.label() + " len=" + bytes,
        Bytes.EMPTY);
  }

  private static Bytes wire(int no, int len) {
    byte[] b = new byte[len];
    for (int i = 0; i < len; i++) {
      b[i] = (byte) (no * 7 + i);
    }
    return Bytes.wrap(b);
  }
}
