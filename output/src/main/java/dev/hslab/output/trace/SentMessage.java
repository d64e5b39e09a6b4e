package dev.hslab.output.trace;

import dev.hslab.model.handshake.Side;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.trace.TraceEvent;
import dev.hslab.model.trace.TraceEvent.NetworkAction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A numbered message of a trace ({@link Trace#sent()}) with what the network did to the record
 * that carried it, for docs/cli.md's {@code fault} field and the sequence diagram.
 *
 * <p>Messages are matched to records in sending order, per side: the k-th message a side sent is
 * its k-th record. That holds when every message travels in its own record, which is the
 * simulation's rule (docs/cli.md, "Aimed" faults). Records the network injected are left out of
 * the count. When a side's record count still differs from its message count (a real engine that
 * packs a flight into one record), its messages get no network events and no fault.
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
    for (TraceEvent.OfNetwork n : network) {
      if (n.action() != NetworkAction.DELIVERED) {
        return n.action().label();
      }
    }
    return null;
  }

  /** The record number on the sender's side, or 0 when unknown. */
  public int record() {
    return network.isEmpty() ? 0 : network.get(0).record();
  }

  public boolean has(NetworkAction action) {
    return network.stream().anyMatch(n -> n.action() == action);
  }

  /** The trace's numbered messages, each with its record's network events. */
  public static List<SentMessage> of(Trace trace) {
    List<Trace.Sent> sent = trace.sent();
    Map<Side, List<List<TraceEvent.OfNetwork>>> records = new LinkedHashMap<>();
    for (Side s : Side.values()) {
      records.put(s, recordsOf(trace, s));
    }
    Map<Side, Integer> count = new LinkedHashMap<>();
    for (Trace.Sent s : sent) {
      count.merge(s.from(), 1, Integer::sum);
    }
    Map<Side, Integer> next = new LinkedHashMap<>();
    List<SentMessage> out = new ArrayList<>();
    for (Trace.Sent s : sent) {
      List<List<TraceEvent.OfNetwork>> rs = records.get(s.from());
      int k = next.merge(s.from(), 1, Integer::sum) - 1;
      boolean matched = rs.size() == count.get(s.from());
      out.add(new SentMessage(s, matched ? rs.get(k) : List.of()));
    }
    return out;
  }

  /** The side's records in first-seen order, each the list of its network events; injected ones left out. */
  private static List<List<TraceEvent.OfNetwork>> recordsOf(Trace trace, Side side) {
    Map<Integer, List<TraceEvent.OfNetwork>> byNo = new LinkedHashMap<>();
    for (TraceEvent e : trace.events()) {
      if (e instanceof TraceEvent.OfNetwork n && n.from() == side) {
        byNo.computeIfAbsent(n.record(), r -> new ArrayList<>()).add(n);
      }
    }
    List<List<TraceEvent.OfNetwork>> out = new ArrayList<>();
    for (List<TraceEvent.OfNetwork> events : byNo.values()) {
      if (!events.stream().allMatch(n -> n.action() == NetworkAction.INJECTED)) {
        out.add(events);
      }
    }
    return out;
  }
}
