package dev.hslab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.engine.Injector;
import dev.hslab.model.engine.Negotiated;
import dev.hslab.model.handshake.Outcome;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.loopback.LoopbackRun;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.trace.Trace;
import dev.hslab.output.trace.SentMessage;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a run did, in the shapes of docs/cli.md: the numbered message sequence for people and the
 * {@code run --json} document for scripts. Everything is read from the traces (the outcome each
 * recorded when its run ended, the messages) and the engines' final states.
 */
final class RunReport {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HandshakeConfig config;
  private final List<LoopbackRun.Connection> connections;
  private final String clientEngine;
  private final String serverEngine;
  private final java.util.Map<String, String> files = new java.util.LinkedHashMap<>();

  RunReport(HandshakeConfig config, List<LoopbackRun.Connection> connections, String clientEngine, String serverEngine) {
    this.config = config;
    this.connections = connections;
    this.clientEngine = clientEngine;
    this.serverEngine = serverEngine;
  }

  /** Records the files written for this run (docs/cli.md {@code files}). */
  void addFile(String key, java.nio.file.Path path) {
    if (path != null) {
      files.put(key, path.toString());
    }
  }

  List<Trace> traces() {
    return connections.stream().map(LoopbackRun.Connection::trace).toList();
  }

  private LoopbackRun.Connection last() {
    return connections.get(connections.size() - 1);
  }

  /** Every connection's recorded outcome is established. */
  boolean established() {
    return connections.stream().allMatch(c -> c.trace().outcome().established());
  }

  Optional<Boolean> masterSecretMatch() {
    Optional<Negotiated> c = last().client().negotiated();
    Optional<Negotiated> s = last().server().negotiated();
    // A real engine does not reveal its master secret: then there is nothing to compare.
    if (c.isEmpty() || s.isEmpty() || c.get().masterSecret().isEmpty() || s.get().masterSecret().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(c.get().masterSecret().equals(s.get().masterSecret()));
  }

  ObjectNode json() {
    ObjectNode root = JSON.createObjectNode();
    root.put("seed", config.seed());
    root.set("config", configJson());
    root.put("outcome", established() ? "established" : "failed");
    // The contract's two values stay; how the last connection ended, in the outcome's own words, beside them.
    root.put("outcomeCode", last().trace().outcome().code());
    root.put("outcomeDetail", last().trace().outcome().describe());
    Optional<Negotiated> n = last().client().negotiated();
    if (n.isPresent()) {
      ObjectNode neg = root.putObject("negotiated");
      neg.put("version", n.get().version().displayName());
      neg.put("cipherSuite", n.get().cipherSuite().ianaName());
      neg.put("resumed", n.get().resumed());
      neg.put("clientAuthenticated", last().server().negotiated().map(Negotiated::clientAuthenticated).orElse(false));
      neg.put("extendedMasterSecret", n.get().extendedMasterSecret());
      neg.put("secureRenegotiation", n.get().secureRenegotiation());
    } else {
      root.putNull("negotiated");
    }
    Optional<Boolean> match = masterSecretMatch();
    if (match.isPresent()) {
      root.put("masterSecretMatch", match.get());
    } else {
      root.putNull("masterSecretMatch");
    }
    root.set("client", sideJson(Side.CLIENT));
    root.set("server", sideJson(Side.SERVER));
    ArrayNode messages = root.putArray("messages");
    int n1 = 0;
    for (int i = 0; i < connections.size(); i++) {
      for (SentMessage sm : SentMessage.of(connections.get(i).trace())) {
        Trace.Sent s = sm.sent();
        ObjectNode m = messages.addObject();
        m.put("n", ++n1);
        m.put("connection", i + 1);
        m.put("from", s.from().label());
        m.put("type", s.message().type());
        if (s.message().alert() != null) {
          m.put("alert", s.message().alert().description().rfcName());
          m.put("level", s.message().alert().level().rfcName());
        }
        m.put("optional", s.message().optional());
        m.put("bytes", s.message().bytes());
        m.put("encrypted", s.message().encrypted());
        if (sm.fault() != null) {
          m.put("fault", sm.fault());
        } else {
          m.putNull("fault");
        }
        if (s.message().injected()) {
          m.put("tests", Injector.tests(s.message()));
        }
        if (s.message().retransmitted()) {
          m.put("retransmitted", true); // DTLS: sent again in a resent flight (RFC 6347 §4.2.4)
        }
        m.put("timeMs", s.timeMs());
      }
    }
    ObjectNode f = root.putObject("files");
    files.forEach(f::put);
    return root;
  }

  private ObjectNode configJson() {
    return configJson(config, clientEngine, serverEngine);
  }

  /** The {@code config} object of docs/cli.md's run document (also in the sweep document). */
  static ObjectNode configJson(HandshakeConfig config, String clientEngine, String serverEngine) {
    ObjectNode c = JSON.createObjectNode();
    c.put("clientVersions", config.clientMin().cliName() + "-" + config.clientMax().cliName());
    c.put("serverVersions", config.serverMin().cliName() + "-" + config.serverMax().cliName());
    if (config.keyExchange() != null) {
      c.put("kex", config.keyExchange().cliName());
    } else {
      c.putNull("kex");
    }
    ArrayNode suites = c.putArray("suites");
    config.effectiveSuites().forEach(s -> suites.add(s.ianaName()));
    c.put("clientAuth", config.clientAuth().cliName());
    c.put("clientCert", config.clientCertificate().cliName());
    c.put("resume", config.resumption().cliName());
    c.put("renegotiate", config.renegotiation().cliName());
    c.put("pskHint", config.pskHint());
    c.put("clientEngine", clientEngine);
    c.put("serverEngine", serverEngine);
    return c;
  }

  private ObjectNode sideJson(Side side) {
    ObjectNode o = JSON.createObjectNode();
    o.put("state", (side == Side.CLIENT ? last().client() : last().server()).state());
    putAlert(o, "alertSent", first(side, Outcome.Kind.ALERT).map(a -> a.alert().rfcName()));
    putAlert(o, "alertReceived", first(side, Outcome.Kind.ALERT_RECEIVED).map(a -> a.alert().rfcName()));
    Optional<Outcome> t = first(side, Outcome.Kind.TIMEOUT);
    if (t.isPresent()) {
      ObjectNode to = o.putObject("timeout");
      to.put("side", side.label());
      to.put("state", t.get().state());
      to.put("waitingFor", t.get().waitingFor());
    } else {
      o.putNull("timeout");
    }
    return o;
  }

  private static void putAlert(ObjectNode o, String field, Optional<String> alert) {
    if (alert.isPresent()) {
      o.put(field, alert.get());
    } else {
      o.putNull(field);
    }
  }

  /** The last connection's first failure of {@code kind} on {@code side}, from its recorded outcome. */
  private Optional<Outcome> first(Side side, Outcome.Kind kind) {
    return last().trace().outcome().failures().stream().filter(f -> f.side() == side && f.kind() == kind).findFirst();
  }

  /** The numbered sequence, like a textbook's list, in {@link SequenceRow}'s layout. */
  String text() {
    StringBuilder b = new StringBuilder();
    b.append("hslab run: ").append(describe(config)).append(", seed ").append(config.seed()).append('\n');
    int n = 0;
    for (int i = 0; i < connections.size(); i++) {
      if (connections.size() > 1) {
        b.append('\n').append(i == 0 ? "connection 1: full handshake" : "connection " + (i + 1) + ": resumed").append('\n');
      }
      b.append('\n');
      Trace trace = connections.get(i).trace();
      List<TcpNote> notes = TcpNote.of(trace);
      int k = 0;
      for (SentMessage sm : SentMessage.of(trace)) {
        Trace.Sent s = sm.sent();
        // What TCP did before this message was sent goes above it, in time order.
        for (; k < notes.size() && notes.get(k).timeMs() < s.timeMs(); k++) {
          b.append(notes.get(k).text()).append(System.lineSeparator());
        }
        b.append(new SequenceRow(++n, s.timeMs(), s.from(), s.message(), sm.fault()).text()).append(System.lineSeparator());
      }
      for (; k < notes.size(); k++) {
        b.append(notes.get(k).text()).append(System.lineSeparator());
      }
    }
    if (traces().stream().anyMatch(TcpNote::overTcp)) {
      b.append('\n').append(TcpNote.LAYERS).append('\n');
    }
    b.append('\n').append(outcomeLine()).append('\n');
    return b.toString();
  }

  String outcomeLine() {
    if (established()) {
      Negotiated neg = last().client().negotiated().orElseThrow();
      return "established: " + neg.version().displayName() + " " + neg.cipherSuite().ianaName()
          + (neg.resumed() ? ", resumed" : "") + masterSecretMatch()
              .map(m -> m ? ", master secrets match" : ", MASTER SECRETS DIFFER").orElse("");
    }
    // Each side's part, client first: the alert it sent, then its timeout, in the outcome's words.
    StringBuilder b = new StringBuilder("failed:");
    Outcome o = last().trace().outcome();
    if (o.kind() == Outcome.Kind.CLOSED_DURING_HANDSHAKE) {
      b.append(' ').append(o.describe()).append(';'); // it ended the run; any alert came after it
    }
    for (Side side : Side.values()) {
      for (Outcome.Kind kind : List.of(Outcome.Kind.ALERT, Outcome.Kind.TIMEOUT)) {
        first(side, kind).ifPresent(f -> b.append(' ').append(f.describe()).append(';'));
      }
    }
    if (b.charAt(b.length() - 1) == ';') {
      b.setLength(b.length() - 1);
    }
    if (b.length() == "failed:".length()) {
      // No alert and no timeout: how it ended otherwise (TCP gave up, an engine crashed, ...).
      b.append(' ').append(last().trace().outcome().describe());
    }
    return b.toString();
  }

  static String describe(HandshakeConfig hc) {
    String versions = hc.clientMin().equals(hc.clientMax()) && hc.clientMin().equals(hc.serverMin())
        && hc.serverMin().equals(hc.serverMax()) ? hc.clientMin().displayName()
        : "client " + hc.clientMin().displayName() + "-" + hc.clientMax().displayName() + ", server "
            + hc.serverMin().displayName() + "-" + hc.serverMax().displayName();
    String kex = hc.keyExchange() != null ? hc.keyExchange().cliName()
        : hc.effectiveSuites().stream().map(CipherSuite::ianaName).collect(Collectors.joining(","));
    return versions + ", " + kex + ", client auth " + hc.clientAuth().cliName()
        + (hc.clientCertificate().cliName().equals("none") ? "" : " (" + hc.clientCertificate().cliName() + " cert)")
        + (hc.resumption().cliName().equals("none") ? "" : ", resume by " + hc.resumption().cliName())
        + (hc.renegotiation().cliName().equals("none") ? "" : ", renegotiation by " + hc.renegotiation().cliName());
  }

  /** RFC names in CamelCase: ClientHello, ChangeCipherSpec, Alert(close_notify). */
  static String displayName(String type, dev.hslab.model.record.Alert alert) {
    if (alert != null) {
      return "Alert(" + alert.description().rfcName() + ", " + alert.level().rfcName() + ")";
    }
    StringBuilder b = new StringBuilder();
    for (String part : type.split("_")) {
      b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return b.toString();
  }
}
