package dev.hslab.output.report;

import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.engine.Negotiated;
import dev.hslab.model.handshake.Outcome;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.trace.TraceEvent;
import dev.hslab.output.trace.SentMessage;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The run section: configuration, outcome, negotiated parameters, then each connection's sequence. */
final class RunHtml {

  private RunHtml() {}

  static void write(Html h, String id, RunView run) {
    h.open("section", "id", id).newline();
    h.element("h2", run.title()).newline();
    config(h, run);
    outcomes(h, run);
    negotiated(h, run);
    for (int i = 0; i < run.connections().size(); i++) {
      connection(h, id, run, i);
    }
    if (!run.files().isEmpty()) {
      h.element("h3", "Files").newline().open("ul", "class", "files");
      for (FileLink f : run.files()) {
        h.open("li").element("a", f.href(), "href", f.href()).text(" \u2014 " + f.label()).close();
      }
      h.close().newline();
    }
    h.close().newline();
  }

  private static void config(Html h, RunView run) {
    h.element("h3", "Configuration").newline();
    HandshakeConfig c = run.config();
    if (c == null) {
      h.element("p", "Not given.", "class", "note").newline();
      return;
    }
    h.open("table", "class", "kv");
    row(h, "client versions", range(c.clientMin().cliName(), c.clientMax().cliName()));
    row(h, "server versions", range(c.serverMin().cliName(), c.serverMax().cliName()));
    row(h, "key exchange", c.keyExchange() == null ? "from the suites" : c.keyExchange().cliName());
    row(h, "suites offered", c.effectiveSuites().stream().map(CipherSuite::ianaName).collect(Collectors.joining(", ")));
    row(h, "client authentication", c.clientAuth().cliName());
    row(h, "client certificate", c.clientCertificate().cliName());
    row(h, "resumption", c.resumption().cliName());
    row(h, "renegotiation", c.renegotiation().cliName());
    row(h, "PSK identity hint", c.pskHint() ? "yes" : "no");
    if (run.engines() != null) {
      row(h, "engines (client / server)", run.engines());
    }
    row(h, "seed", Long.toString(c.seed()));
    h.close().newline();
  }

  private static String range(String a, String b) {
    return a.equals(b) ? a : a + "\u2013" + b;
  }

  private static void outcomes(Html h, RunView run) {
    h.element("h3", "Outcome").newline().open("ul", "class", "outcomes");
    for (int i = 0; i < run.connections().size(); i++) {
      Outcome o = run.connections().get(i).outcome();
      h.open("li").text(connectionName(run, i) + ": ")
          .element("span", o.describe(), "class", o.established() ? "badge ok" : "badge fail").close();
    }
    h.close().newline();
  }

  private static void negotiated(Html h, RunView run) {
    h.element("h3", "Negotiated").newline();
    h.open("table", "class", "grid").open("thead").open("tr");
    for (String col : List.of("connection", "handshake", "version", "cipher suite", "resumed", "client authenticated",
        "extended master secret", "secure renegotiation", "session id")) {
      h.element("th", col);
    }
    h.close().close().open("tbody");
    int rows = 0;
    for (int i = 0; i < run.connections().size(); i++) {
      int handshake = 0;
      // The client's view: each Established is one completed handshake (renegotiations too).
      for (TraceEvent e : run.connections().get(i).events()) {
        if (e instanceof TraceEvent.OfEngine oe && oe.side() == dev.hslab.model.handshake.Side.CLIENT
            && oe.event() instanceof EngineEvent.Established est) {
          Negotiated n = est.negotiated();
          h.open("tr").element("td", Integer.toString(i + 1)).element("td", Integer.toString(++handshake))
              .element("td", n.version() == null ? "?" : n.version().jsseName())
              .element("td", n.cipherSuite() == null ? "?" : n.cipherSuite().ianaName(), "class", "mono")
              .element("td", yesNo(n.resumed())).element("td", yesNo(n.clientAuthenticated()))
              .element("td", yesNo(n.extendedMasterSecret())).element("td", yesNo(n.secureRenegotiation()))
              .element("td", n.sessionId() == null || n.sessionId().isEmpty() ? "\u2014" : abbreviate(n.sessionId().hex()),
                  "class", "mono")
              .close();
          rows++;
        }
      }
    }
    if (rows == 0) {
      h.open("tr").element("td", "no handshake completed", "colspan", "9", "class", "note").close();
    }
    h.close().close().newline();
  }

  private static void connection(Html h, String id, RunView run, int i) {
    Trace t = run.connections().get(i);
    h.element("h3", connectionName(run, i) + ": message sequence").newline();
    h.open("table", "class", "grid seq").open("thead").open("tr");
    for (String col : List.of("n", "direction", "message", "optional", "encrypted", "bytes", "fault", "time (ms)")) {
      h.element("th", col);
    }
    h.close().close().open("tbody").newline();
    for (SentMessage m : SentMessage.of(t)) {
      var sent = m.sent();
      var info = sent.message();
      boolean client = sent.from() == dev.hslab.model.handshake.Side.CLIENT;
      String fault = m.fault();
      h.open("tr", "class", (client ? "client" : "server") + (fault != null ? " faulty" : "") + (info.encrypted() ? " enc" : ""))
          .element("td", Integer.toString(sent.n()), "class", "num")
          .element("td", client ? "client \u2192 server" : "client \u2190 server", "class", "dir")
          .element("td", info.optional() ? "[" + info.label() + "]" : info.label(), "class", "mono")
          .element("td", info.optional() ? "optional" : "")
          .element("td", info.encrypted() ? "encrypted" : "")
          .element("td", Integer.toString(info.bytes()), "class", "num")
          .element("td", fault == null ? "" : fault, "class", fault == null ? null : "fault")
          .element("td", String.format(Locale.ROOT, "%.1f", sent.timeMs()), "class", "num")
          .close().newline();
    }
    h.close().close().newline();
    if (i < run.sequenceDiagrams().size()) {
      // The inspector: click a message of the diagram (or step with the arrow keys or j/k) to see
      // its fields, bytes, record, both sides' states and the keys in effect (report.js).
      h.open("div", "class", "inspector", "id", id + "-inspector-" + (i + 1)).newline();
      FigureHtml.write(h, run.sequenceDiagrams().get(i));
      h.open("div", "class", "panel", "tabindex", "0")
          .element("p", "Click a message in the diagram, or press \u2193 / j to step forward and \u2191 / k back.", "class", "note")
          .close().newline();
      h.open("script", "type", "application/json", "class", "inspector-data").raw(MessageInspector.json(t)).close().newline();
      h.close().newline();
    }
  }

  private static String connectionName(RunView run, int i) {
    if (run.connections().size() == 1) {
      return "Connection";
    }
    return "Connection " + (i + 1) + (i == 0 ? " (full handshake)" : " (resumed)");
  }

  private static void row(Html h, String key, String value) {
    h.open("tr").element("th", key).element("td", value).close();
  }

  private static String yesNo(boolean b) {
    return b ? "yes" : "no";
  }

  private static String abbreviate(String hex) {
    return hex.length() <= 16 ? hex : hex.substring(0, 16) + "\u2026";
  }
}
