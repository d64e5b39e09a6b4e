package dev.hslab.output.trace;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.engine.MessageInfo;
import dev.hslab.model.engine.Negotiated;
import dev.hslab.model.record.Alert;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.trace.TraceEvent;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of trace events (schema in output/README-trace-schema.md) and of docs/cli.md's
 * {@code messages} list. Fields are put in a fixed order, so the output is byte-stable.
 */
public final class TraceJson {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private TraceJson() {}

  /** docs/cli.md {@code run --json} {@code messages}: n, from, type, optional, bytes, encrypted, fault, timeMs. */
  public static ArrayNode messages(Trace trace) {
    ArrayNode a = F.arrayNode();
    for (SentMessage m : SentMessage.of(trace)) {
      a.add(message(F.objectNode(), m));
    }
    return a;
  }

  /** One object per trace event, in order: the lines of {@link JsonLines}. */
  public static List<ObjectNode> events(Trace trace) {
    Map<MessageInfo, SentMessage> sent = new IdentityHashMap<>();
    for (SentMessage m : SentMessage.of(trace)) {
      sent.put(m.sent().message(), m);
    }
    List<TraceEvent> events = trace.events();
    ObjectNode[] out = new ObjectNode[events.size()];
    for (int i = 0; i < events.size(); i++) {
      TraceEvent e = events.get(i);
      ObjectNode o = F.objectNode();
      o.put("i", i + 1);
      o.put("timeMs", e.timeMs());
      if (e instanceof TraceEvent.OfNetwork n) {
        network(o, n);
      } else if (e instanceof TraceEvent.OfEngine oe) {
        engine(o, oe, sent);
      } else if (e instanceof TraceEvent.OfSegment s) {
        segment(o, s);
      }
      out[i] = o;
    }
    return List.of(out);
  }

  private static void network(ObjectNode o, TraceEvent.OfNetwork n) {
    o.put("event", "network");
    o.put("from", n.from().label());
    o.put("record", n.record());
    o.put("action", n.action().label());
    o.put("detail", n.detail() == null ? "" : n.detail());
    o.put("bytes", n.bytes() == null ? 0 : n.bytes().length());
    o.put("hex", n.bytes() == null ? "" : n.bytes().hex());
  }

  private static void segment(ObjectNode o, TraceEvent.OfSegment s) {
    o.put("event", "segment");
    o.put("from", s.from().label());
    o.put("seq", s.seq());
    o.put("ack", s.ack());
    o.put("flags", s.flagText());
    o.put("bytes", s.payload().length());
    o.put("retransmission", s.retransmission());
    o.put("duplicateAck", s.duplicateAck());
    o.put("fate", s.fate().label());
    o.put("hex", s.payload().hex());
  }

  private static void engine(ObjectNode o, TraceEvent.OfEngine oe, Map<MessageInfo, SentMessage> sent) {
    String side = oe.side().label();
    EngineEvent ev = oe.event();
    if (ev instanceof EngineEvent.MessageSent ms) {
      o.put("event", "message_sent");
      o.put("side", side);
      SentMessage m = sent.get(ms.message());
      o.put("n", m.sent().n());
      o.put("from", side);
      info(o, ms.message());
      o.put("fault", m.fault());
      o.put("record", m.record());
    } else if (ev instanceof EngineEvent.MessageReceived mr) {
      o.put("event", "message_received");
      o.put("side", side);
      o.put("from", oe.side().peer().label());
      info(o, mr.message());
    } else if (ev instanceof EngineEvent.StateChanged sc) {
      o.put("event", "state_changed");
      o.put("side", side);
      o.put("previous", sc.from());
      o.put("state", sc.to());
    } else if (ev instanceof EngineEvent.Established est) {
      o.put("event", "established");
      o.put("side", side);
      negotiated(o, est.negotiated());
    } else if (ev instanceof EngineEvent.AlertSent as) {
      o.put("event", "alert_sent");
      o.put("side", side);
      alert(o, as.alert());
      o.put("reason", as.reason());
    } else if (ev instanceof EngineEvent.AlertReceived ar) {
      o.put("event", "alert_received");
      o.put("side", side);
      alert(o, ar.alert());
    } else if (ev instanceof EngineEvent.ApplicationDataReceived ad) {
      o.put("event", "application_data_received");
      o.put("side", side);
      o.put("bytes", ad.data().length());
    } else if (ev instanceof EngineEvent.Refused r) {
      o.put("event", "refused");
      o.put("side", side);
      o.put("request", r.request());
      o.put("reason", r.reason());
    } else if (ev instanceof EngineEvent.TimedOut t) {
      o.put("event", "timed_out");
      o.put("side", side);
      o.put("state", t.state());
      o.put("waitingFor", t.waitingFor());
    } else if (ev instanceof EngineEvent.Closed) {
      o.put("event", "closed");
      o.put("side", side);
    }
  }

  private static ObjectNode message(ObjectNode o, SentMessage m) {
    o.put("n", m.sent().n());
    o.put("from", m.sent().from().label());
    info(o, m.sent().message());
    o.put("fault", m.fault());
    o.put("timeMs", m.sent().timeMs());
    return o;
  }

  /** docs/cli.md's per-message fields; {@code alert} and {@code level} only for alerts. */
  private static void info(ObjectNode o, MessageInfo mi) {
    o.put("type", mi.type());
    if (mi.alert() != null) {
      alert(o, mi.alert());
    }
    o.put("optional", mi.optional());
    o.put("bytes", mi.bytes());
    o.put("encrypted", mi.encrypted());
    o.put("detail", mi.detail() == null ? "" : mi.detail());
  }

  private static void alert(ObjectNode o, Alert a) {
    o.put("alert", a.description().rfcName());
    o.put("level", a.level().rfcName());
  }

  private static void negotiated(ObjectNode o, Negotiated n) {
    o.put("version", n.version() == null ? null : n.version().jsseName());
    o.put("cipherSuite", n.cipherSuite() == null ? null : n.cipherSuite().ianaName());
    o.put("resumed", n.resumed());
    o.put("clientAuthenticated", n.clientAuthenticated());
    o.put("extendedMasterSecret", n.extendedMasterSecret());
    o.put("secureRenegotiation", n.secureRenegotiation());
    o.put("sessionId", n.sessionId() == null ? "" : n.sessionId().hex());
    o.put("clientRandom", n.clientRandom() == null ? "" : n.clientRandom().hex());
  }
}
