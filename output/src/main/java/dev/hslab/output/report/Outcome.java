package dev.hslab.output.report;

import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.trace.TraceEvent;
import dev.hslab.model.wire.AlertLevel;

/**
 * How one connection ended, read from its trace: established when both engines reported the
 * handshake done and nothing fatal happened; otherwise the first fatal thing, in words.
 *
 * @param established both sides established, no fatal alert, no timeout
 * @param text e.g. {@code established}, {@code server sent fatal handshake_failure: no common suite}
 */
record Outcome(boolean established, String text) {

  static Outcome of(Trace trace) {
    boolean[] done = new boolean[2];
    for (TraceEvent e : trace.events()) {
      if (!(e instanceof TraceEvent.OfEngine oe)) {
        continue;
      }
      String side = oe.side().label();
      EngineEvent ev = oe.event();
      if (ev instanceof EngineEvent.AlertSent as && as.alert().level() == AlertLevel.FATAL) {
        return new Outcome(false, side + " sent fatal " + as.alert().description().rfcName()
            + (as.reason() == null || as.reason().isEmpty() ? "" : ": " + as.reason()));
      } else if (ev instanceof EngineEvent.AlertReceived ar && ar.alert().level() == AlertLevel.FATAL) {
        return new Outcome(false, side + " received fatal " + ar.alert().description().rfcName());
      } else if (ev instanceof EngineEvent.TimedOut t) {
        return new Outcome(false, side + " timed out in " + t.state() + " waiting for " + t.waitingFor());
      } else if (ev instanceof EngineEvent.Established) {
        done[oe.side() == Side.CLIENT ? 0 : 1] = true;
      }
    }
    if (done[0] && done[1]) {
      return new Outcome(true, "established");
    }
    return new Outcome(false, "not established (" + (done[0] ? "server" : done[1] ? "client" : "neither side")
        + " did not finish the handshake)");
  }
}
