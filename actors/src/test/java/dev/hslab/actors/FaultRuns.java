package dev.hslab.actors;

import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.trace.TraceEvent;
import java.util.LinkedHashMap;
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
    for (Trace.Sent s : clean.sent()) {
      int length = clean.events().stream().filter(e -> e instanceof TraceEvent.OfNetwork n && n.from() == s.from()
          && n.record() == s.record()).map(e -> ((TraceEvent.OfNetwork) e).bytes().length()).findFirst().orElseThrow();
      out.putIfAbsent(s.from().label() + "." + s.message().label(), length);
    }
    return out;
  }

  /** The failures of a run in words: {@link FaultMatrix#describe}. */
  static String failures(Trace trace) {
    return FaultMatrix.describe(trace);
  }
}
