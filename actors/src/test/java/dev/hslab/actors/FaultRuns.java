package dev.hslab.actors;

import dev.hslab.model.config.HandshakeConfig;
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

  /** The failures of a run in words: {@link FaultMatrix#describe}. */
  static String failures(Trace trace) {
    return FaultMatrix.describe(trace);
  }
}
