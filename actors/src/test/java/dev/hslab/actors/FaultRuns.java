package dev.hslab.actors;

import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.trace.TraceEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helpers: one aimed fault over the reference handshake, and a run's failures in words. */
final class FaultRuns {

  private FaultRuns() {}

  static ConnectionResult run(Simulator sim, HandshakeConfig hc, NetworkOptions net) {
    return Simulations.connections(sim, hc, net, EngineFactory.MODEL, EngineFactory.MODEL).get(0);
  }

  /** Each record's length on the wire in a clean run, by its {@code side.type} label, first occurrence. */
  static Map<String, Integer> recordLengths(Trace clean) {
    Map<String, Integer> out = new LinkedHashMap<>();
    List<String> labels = clean.labels();
    List<Trace.Sent> sent = clean.sent();
    Map<Side, List<Integer>> bySide = new LinkedHashMap<>();
    for (TraceEvent e : clean.events()) {
      if (e instanceof TraceEvent.OfNetwork n) {
        bySide.computeIfAbsent(n.from(), s -> new ArrayList<>()).add(n.bytes().length());
      }
    }
    Map<Side, Integer> k = new LinkedHashMap<>();
    for (int i = 0; i < sent.size(); i++) {
      int idx = k.merge(sent.get(i).from(), 1, Integer::sum) - 1;
      out.putIfAbsent(labels.get(i), bySide.get(sent.get(i).from()).get(idx));
    }
    return out;
  }

  /**
   * The failures of a run in trace order: {@code client sends unexpected_message}, {@code server
   * times out in WAIT_FINISHED waiting for finished}; or {@code established} when there are none
   * and both sides completed the handshake.
   */
  static String failures(Trace trace) {
    List<String> out = new ArrayList<>();
    for (TraceEvent e : trace.events()) {
      if (e instanceof TraceEvent.OfEngine oe) {
        if (oe.event() instanceof EngineEvent.AlertSent as) {
          out.add(oe.side().label() + " sends " + as.alert().description().rfcName());
        } else if (oe.event() instanceof EngineEvent.TimedOut t) {
          out.add(oe.side().label() + " times out in " + t.state() + " waiting for " + t.waitingFor());
        }
      }
    }
    if (out.isEmpty()) {
      return Outcome.of(trace).established() ? "established" : "incomplete";
    }
    return String.join(", ", out);
  }
}
