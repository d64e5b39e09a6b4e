package dev.hslab.model.trace;

import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.engine.MessageInfo;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.trace.TraceEvent.NetworkAction;
import java.util.ArrayList;
import java.util.List;

/** The events of one connection, in the order they happened. */
public record Trace(List<TraceEvent> events) {

  public Trace {
    events = List.copyOf(events);
  }

  /**
   * A message put on the wire by {@code from}, numbered in sending order from 1.
   *
   * @param record the record that carried it, per sending side from 1; 0 when unknown (no network
   *     in the run, or records that do not pair up with messages)
   * @param fault what the network did to that record other than deliver it, or null
   */
  public record Sent(int n, double timeMs, Side from, MessageInfo message, int record, NetworkAction fault) {}

  /** Every message each side sent, in the order they were sent: the numbered sequence. */
  public List<Sent> sent() {
    List<Sent> out = new ArrayList<>();
    for (TraceEvent e : events) {
      if (e instanceof TraceEvent.OfEngine oe && oe.event() instanceof EngineEvent.MessageSent ms) {
        TraceEvent.Carriage c = oe.carriage();
        out.add(new Sent(out.size() + 1, e.timeMs(), oe.side(), ms.message(), c == null ? 0 : c.record(),
            c == null ? null : c.fault()));
      }
    }
    return out;
  }

  /** The sequence as {@code side.type} labels, e.g. {@code client.client_hello}, alerts by name. */
  public List<String> labels() {
    List<String> out = new ArrayList<>();
    for (Sent s : sent()) {
      out.add(s.from().label() + "." + s.message().label());
    }
    return out;
  }

  /** The events one side's engine reported, in order. */
  public List<EngineEvent> engineEvents(Side side) {
    List<EngineEvent> out = new ArrayList<>();
    for (TraceEvent e : events) {
      if (e instanceof TraceEvent.OfEngine oe && oe.side() == side) {
        out.add(oe.event());
      }
    }
    return out;
  }
}
