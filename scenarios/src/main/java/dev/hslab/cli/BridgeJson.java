package dev.hslab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hslab.model.engine.Negotiated;
import dev.hslab.model.trace.Trace;
import dev.hslab.real.conform.Acceptance;
import dev.hslab.real.conform.Observed;
import dev.hslab.real.conform.TableAcceptance;
import dev.hslab.real.tcp.BridgedConnection;

/** The JSON of a bridged connection: outcome, negotiated parameters, messages, conformance of the peer. */
final class BridgeJson {

  static final ObjectMapper JSON = new ObjectMapper();

  private BridgeJson() {}

  static ObjectNode outcome(BridgedConnection o, dev.hslab.model.handshake.Side bridged) {
    ObjectNode n = JSON.createObjectNode();
    n.put("outcome", o.succeeded() ? "established" : "failed");
    n.put("ending", o.ending());
    n.put("detail", o.detail());
    n.put("state", o.state());
    if (o.negotiated().isPresent()) {
      Negotiated g = o.negotiated().get();
      ObjectNode neg = n.putObject("negotiated");
      neg.put("version", g.version().jsseName());
      neg.put("cipherSuite", g.cipherSuite().ianaName());
      neg.put("resumed", g.resumed());
      neg.put("clientAuthenticated", g.clientAuthenticated());
    } else {
      n.putNull("negotiated");
    }
    ArrayNode messages = n.putArray("messages");
    int i = 0;
    for (Observed m : Observed.of(o.trace().engineEvents(bridged))) {
      ObjectNode e = messages.addObject();
      e.put("n", ++i);
      e.put("from", (m.sent() ? bridged : bridged.peer()).label());
      e.put("type", m.message().type());
      if (m.message().alert() != null) {
        e.put("alert", m.message().alert().description().rfcName());
        e.put("level", m.message().alert().level().rfcName());
      }
      e.put("bytes", m.message().bytes());
      e.put("encrypted", m.message().encrypted());
    }
    Acceptance a = TableAcceptance.check(bridged.peer(), Observed.peerOf(o.trace().engineEvents(bridged)));
    ObjectNode c = n.putObject("peerConformance");
    c.put("accepted", a.accepted());
    c.put("summary", a.summary());
    return n;
  }

  static String peerConformance(Trace t, dev.hslab.model.handshake.Side bridged) {
    return TableAcceptance.check(bridged.peer(), Observed.peerOf(t.engineEvents(bridged))).summary();
  }
}
