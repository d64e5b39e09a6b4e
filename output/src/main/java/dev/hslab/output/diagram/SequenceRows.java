package dev.hslab.output.diagram;

import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.engine.MessageInfo;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.trace.TraceEvent;
import dev.hslab.model.trace.TraceEvent.NetworkAction;
import dev.hslab.output.trace.SentMessage;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** The rows of a sequence diagram, top to bottom, read from a trace in time order. */
final class SequenceRows {

  sealed interface Row {}

  /** A message arrow; {@code duplicate} for the extra copy a duplicating network delivered. */
  record Message(SentMessage message, boolean duplicate) implements Row {}

  /** A record the network made up. */
  record Injected(TraceEvent.OfNetwork event) implements Row {}

  /** A note on one side's lifeline (established, alert reason, timeout, closed). */
  record Note(Side side, String text, boolean failure) implements Row {}

  private SequenceRows() {}

  static List<Row> of(Trace trace, boolean notes) {
    Map<MessageInfo, SentMessage> sent = new IdentityHashMap<>();
    Map<TraceEvent.OfNetwork, SentMessage> byNetwork = new IdentityHashMap<>();
    for (SentMessage m : SentMessage.of(trace)) {
      sent.put(m.sent().message(), m);
      for (TraceEvent.OfNetwork n : m.network()) {
        byNetwork.put(n, m);
      }
    }
    List<Row> rows = new ArrayList<>();
    for (TraceEvent e : trace.events()) {
      if (e instanceof TraceEvent.OfEngine oe && oe.event() instanceof EngineEvent.MessageSent ms) {
        rows.add(new Message(sent.get(ms.message()), false));
      } else if (e instanceof TraceEvent.OfNetwork n) {
        if (n.action() == NetworkAction.DUPLICATED && byNetwork.containsKey(n)) {
          rows.add(new Message(byNetwork.get(n), true));
        } else if (n.action() == NetworkAction.INJECTED && !byNetwork.containsKey(n)) {
          rows.add(new Injected(n));
        }
      } else if (notes && e instanceof TraceEvent.OfEngine oe) {
        Note note = note(oe);
        if (note != null) {
          rows.add(note);
        }
      }
    }
    return rows;
  }

  /** The note an engine event makes on its side's lifeline, or null for events that make none. */
  static Note note(TraceEvent.OfEngine oe) {
    EngineEvent ev = oe.event();
    if (ev instanceof EngineEvent.Established est) {
      var n = est.negotiated();
      String suite = n.cipherSuite() == null ? "" : "\n" + n.cipherSuite().ianaName();
      String version = n.version() == null ? "" : " " + n.version().jsseName();
      return new Note(oe.side(), "established" + version + (n.resumed() ? " (resumed)" : "") + suite, false);
    } else if (ev instanceof EngineEvent.AlertSent as) {
      return new Note(oe.side(), "sends " + as.alert().description().rfcName() + ":\n" + as.reason(), true);
    } else if (ev instanceof EngineEvent.TimedOut t) {
      return new Note(oe.side(), "timeout in " + t.state() + "\nwaiting for " + t.waitingFor(), true);
    } else if (ev instanceof EngineEvent.Closed) {
      return new Note(oe.side(), "closed", false);
    } else if (ev instanceof EngineEvent.Refused r) {
      return new Note(oe.side(), "refused " + r.request() + ":\n" + r.reason(), true);
    }
    return null;
  }
}
