package dev.hslab.real.conform;

import dev.hslab.model.config.Credentials;
import dev.hslab.model.config.EngineConfigs;
import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.engine.Engine;
import dev.hslab.model.engine.ModelEngine;
import dev.hslab.model.engine.Session;
import dev.hslab.model.engine.SessionCache;
import dev.hslab.model.handshake.ClientCertificate;
import dev.hslab.model.handshake.Renegotiation;
import dev.hslab.model.handshake.Resumption;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.loopback.Loopback;
import dev.hslab.model.loopback.LoopbackRun;
import dev.hslab.model.trace.Trace;
import dev.hslab.real.JsseEngine;
import dev.hslab.real.JsseEngineFactory;
import dev.hslab.real.JsseProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The conformance check of {@code hslab conform}: a configuration run with a real engine on one
 * side and the model on the other (in memory, the real engine decoding with the model's master
 * secret), against the model-vs-model run of the same configuration.
 *
 * <p>Two checks, in this order of authority. First, acceptance: the real engine's own sequence
 * must be accepted by its role's transition table ({@link TableAcceptance}) — the tables allow
 * what the RFCs allow, so a real engine that makes a legitimate choice the model engine does not
 * make still passes. Second, equality with the model's sequence after setting aside the
 * differences that are not protocol-state choices, each named in the result: application data
 * split over several records (BCJSSE's 1/n-1 CBC split in TLS 1.0: the table loops on
 * application_data) and a Finished the trace could not decrypt (a real client's, sent before the
 * model server holds the master secret) in the Finished's place. Choices the model could make too
 * are matched by configuration instead: the model peer is configured from the same
 * {@link HandshakeConfig}, so tickets appear only when both offer them.
 */
public final class Conformance {

  private Conformance() {}

  /** Runs {@code hc} with {@code provider} on {@code realSide}. */
  public static ConformanceResult run(JsseProvider provider, HandshakeConfig hc, Side realSide) {
    Optional<String> unsupported = unsupported(provider, hc);
    if (unsupported.isPresent()) {
      return ConformanceResult.skipped(hc, realSide, unsupported.get());
    }
    Credentials creds = Credentials.forSeed(hc.seed());
    JsseEngineFactory factory;
    try {
      factory = JsseEngineFactory.create(provider, realSide == Side.CLIENT
          ? EngineConfigs.client(hc, creds, 1, Optional.empty()) : EngineConfigs.server(hc, creds, 1, new SessionCache(16)));
    } catch (IllegalArgumentException e) {
      return ConformanceResult.skipped(hc, realSide, e.getMessage());
    }
    List<List<String>> model = LoopbackRun.run(hc).stream().map(c -> c.trace().labels()).toList();
    List<List<String>> real = new ArrayList<>();
    List<Acceptance> verdicts = new ArrayList<>();
    SessionCache cache = new SessionCache(16);
    Optional<Session> resume = Optional.empty();
    int connections = hc.resumption() == Resumption.NONE ? 1 : 2;
    for (int n = 1; n <= connections; n++) {
      ModelEngine<?> peer = ModelEngine.create(realSide == Side.CLIENT
          ? EngineConfigs.server(hc, creds, n, cache) : EngineConfigs.client(hc, creds, n, resume));
      JsseEngine engine = realSide == Side.CLIENT ? factory.newEngine(Credentials.SERVER_NAME, 443) : factory.newEngine();
      engine.decryptWith(peer::masterSecret); // a resuming model client tells the offered session's secret
      Engine client = realSide == Side.CLIENT ? engine : peer;
      Engine server = realSide == Side.CLIENT ? peer : engine;
      Trace t = Loopback.run(client, server, script());
      real.add(t.labels());
      verdicts.add(TableAcceptance.check(realSide, Observed.of(t.engineEvents(realSide))));
      resume = realSide == Side.SERVER ? peer.session() : Optional.empty();
      if (!engine.established()) {
        break;
      }
    }
    List<String> normalized = new ArrayList<>();
    String difference = compare(real, model, normalized);
    return new ConformanceResult(hc, realSide, null, real, model, verdicts, normalized, difference);
  }

  /** The script of {@link LoopbackRun} for a configuration without renegotiation. */
  private static List<Loopback.Action> script() {
    return List.of(new Loopback.Action.Send(Side.CLIENT, LoopbackRun.text("GET / (first)")),
        new Loopback.Action.Send(Side.SERVER, LoopbackRun.text("200 OK (first)")),
        new Loopback.Action.Close(Side.CLIENT));
  }

  /** What the JSSE providers cannot be configured to do (JsseEngineFactory's javadoc). */
  static Optional<String> unsupported(JsseProvider provider, HandshakeConfig hc) {
    if (hc.clientMin().isSsl3() || hc.serverMin().isSsl3()) {
      return Optional.of("SSL 3.0: both providers removed it");
    }
    if (hc.keyExchange() != null && hc.keyExchange().psk()) {
      return Optional.of("PSK: not configurable through the JSSE API");
    }
    if (hc.renegotiation() != Renegotiation.NONE) {
      return Optional.of("renegotiation: not part of the conformance space");
    }
    if (provider == JsseProvider.BCJSSE && hc.resumption() == Resumption.TICKET) {
      return Optional.of("tickets: BCJSSE 1.84 neither issues nor offers them");
    }
    if (hc.clientCertificate() != ClientCertificate.NONE && hc.keyExchange() != null
        && !hc.keyExchange().serverCertificate()) {
      return Optional.of("client certificate with " + hc.keyExchange().cliName());
    }
    return Optional.empty();
  }

  private static String compare(List<List<String>> real, List<List<String>> model, List<String> normalized) {
    if (real.size() != model.size()) {
      return real.size() + " connection(s) with the real engine, " + model.size() + " model-vs-model";
    }
    for (int i = 0; i < real.size(); i++) {
      List<String> r = normalize(real.get(i), normalized);
      List<String> m = normalize(model.get(i), normalized);
      for (int k = 0; k < Math.max(r.size(), m.size()); k++) {
        String a = k < r.size() ? r.get(k) : "(end)";
        String b = k < m.size() ? m.get(k) : "(end)";
        if (!a.equals(b)) {
          return "connection " + (i + 1) + ", message " + (k + 1) + ": real " + a + ", model " + b;
        }
      }
    }
    return null;
  }

  private static List<String> normalize(List<String> labels, List<String> applied) {
    List<String> out = new ArrayList<>();
    for (String l : labels) {
      if (l.endsWith(".encrypted_handshake_message")) {
        note(applied, "an undecryptable Finished compared as finished");
        l = l.replace("encrypted_handshake_message", "finished");
      }
      if (l.endsWith(".application_data") && !out.isEmpty() && out.get(out.size() - 1).equals(l)) {
        note(applied, "application data split over several records compared as one (1/n-1 CBC split)");
        continue;
      }
      out.add(l);
    }
    return out;
  }

  private static void note(List<String> applied, String what) {
    if (!applied.contains(what)) {
      applied.add(what);
    }
  }
}
