package dev.hslab.output.trace;

import dev.hslab.model.handshake.Side;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.trace.TraceEvent;
import dev.hslab.model.trace.TraceEvent.NetworkAction;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A numbered message of a trace ({@link Trace#sent()}) with the network's events for the record
 * that carried it, for docs/cli.md's {@code fault} field and the sequence diagram. The record's
 * number and the fault are the trace's own facts ({@link Trace.Sent#record()},
 * {@link Trace.Sent#fault()}), decided by the network when it took the record; this only looks up
 * that record's events. A message whose record is unknown (a real engine that packs a flight into
 * one record) has no network events and no fault.
 *
 * @param network the network's events for the carrying record, in trace order; empty if unknown
 */
public record SentMessage(Trace.Sent sent, List<TraceEvent.OfNetwork> network) {

  public SentMessage {
    network = List.copyOf(network);
  }

  /**
   * The first thing the network did other than deliver (e.g. {@code dropped}, {@code corrupted}),
   * or null when the record was delivered unchanged or the record is unknown.
   */
  public String fault() {
    return sent.fault() == null ? null : sent.fault().label();
  }

  /** The record number on the sender's side, or 0 when unknown. */
  public int record() {
    return sent.record();
  }

  public boolean has(NetworkAction action) {
    return network.stream().anyMatch(n -> n.action() == action);
  }

  /** The trace's numbered messages, each with its record's network events. */
  public static List<SentMessage> of(Trace trace) {
    Map<Side, Map<Integer, List<TraceEvent.OfNetwork>>> records = new EnumMap<>(Side.class);
    for (TraceEvent e : trace.events()) {
      if (e instanceof TraceEvent.OfNetwork n) {
        records.computeIfAbsent(n.from(), s -> new HashMap<>()).computeIfAbsent(n.record(), r -> new ArrayList<>())
            .add(n);
      }
    }
    List<SentMessage> out = new ArrayList<>();
    for (Trace.Sent s : trace.sent()) {
      List<TraceEvent.OfNetwork> events = s.record() == 0 ? List.of()
          : records.getOrDefault(s.from(), Map.of()).getOrDefault(s.record(), List.of());
      out.add(new SentMessage(s, events));
    }
    return out;
  }
}
