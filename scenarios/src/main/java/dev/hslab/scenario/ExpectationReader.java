package dev.hslab.scenario;

import dev.hslab.model.handshake.Side;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.scenario.Expectation.AlertExpectation;
import dev.hslab.scenario.Expectation.Expected;
import dev.hslab.scenario.Expectation.TimeoutExpectation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the {@code expect:} block of a scenario into an {@link Expectation}. */
final class ExpectationReader {

  static final List<String> FIELDS = List.of("outcome", "sequence", "contains", "absent", "alert", "timeout", "version",
      "cipher-suite", "resumed");

  private ExpectationReader() {}

  static Expectation read(Fields e) throws ScenarioException {
    e.allow(FIELDS);
    Expected outcome = e.choice("outcome", Choices.OUTCOMES)
        .orElseThrow(() -> e.error("outcome", "missing (allowed: established, failed)"));
    Optional<AlertExpectation> alert = alert(e);
    Optional<TimeoutExpectation> timeout = timeout(e);
    if (outcome == Expected.ESTABLISHED && alert.isPresent()) {
      throw e.error("alert", "impossible combination: an established run sends no fatal alert (expect.outcome is established)");
    }
    if (outcome == Expected.ESTABLISHED && timeout.isPresent()) {
      throw e.error("timeout", "impossible combination: an established run does not time out (expect.outcome is established)");
    }
    Optional<ProtocolVersion> version = e.choice("version", Choices.VERSIONS);
    Optional<String> suiteName = e.text("cipher-suite");
    Optional<CipherSuite> suite = Optional.empty();
    if (suiteName.isPresent()) {
      suite = Optional.of(CipherSuite.fromIanaName(suiteName.get()).orElseThrow(() -> e.error("cipher-suite",
          "unknown cipher suite '" + suiteName.get() + "' (an IANA name such as TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256)")));
    }
    if (outcome == Expected.FAILED) {
      for (String k : List.of("version", "cipher-suite", "resumed")) {
        if (e.has(k)) {
          throw e.error(k, "impossible combination: a failed run negotiates nothing to check (expect.outcome is failed)");
        }
      }
    }
    return new Expectation(outcome, e.has("sequence") ? Optional.of(labels(e, "sequence")) : Optional.empty(),
        labels(e, "contains"), labels(e, "absent"), alert, timeout, version, suite, e.bool("resumed"));
  }

  private static List<String> labels(Fields e, String key) throws ScenarioException {
    List<String> out = new ArrayList<>();
    for (Fields.Item<String> i : e.texts(key).orElse(List.of())) {
      Optional<String> problem = Labels.problem(i.value());
      if (problem.isPresent()) {
        throw e.error(i.position(), i.field(), problem.get());
      }
      out.add(i.value());
    }
    return out;
  }

  private static Optional<AlertExpectation> alert(Fields e) throws ScenarioException {
    Optional<Fields> a = e.mapping("alert");
    if (a.isEmpty()) {
      return Optional.empty();
    }
    Fields f = a.get();
    f.allow(List.of("name", "from"));
    String name = f.choice("name", Choices.ALERTS).orElseThrow(() -> f.error("name",
        "missing (an alert name such as unexpected_message)"));
    Side from = f.choice("from", Choices.SIDES).orElseThrow(() -> f.error("from", "missing (allowed: client, server)"));
    return Optional.of(new AlertExpectation(name, from));
  }

  private static Optional<TimeoutExpectation> timeout(Fields e) throws ScenarioException {
    Optional<Fields> t = e.mapping("timeout");
    if (t.isEmpty()) {
      return Optional.empty();
    }
    Fields f = t.get();
    f.allow(List.of("side", "state", "waiting-for"));
    Side side = f.choice("side", Choices.SIDES).orElseThrow(() -> f.error("side", "missing (allowed: client, server)"));
    Map<String, String> states = side == Side.CLIENT ? Choices.CLIENT_STATES : Choices.SERVER_STATES;
    String state = f.choice("state", states).orElseThrow(() -> f.error("state",
        "missing (a " + side.label() + " state: " + String.join(", ", states.keySet()) + ")"));
    Optional<String> waiting = f.text("waiting-for");
    if (waiting.isPresent() && !Labels.messageTypes().contains(waiting.get())
        && !Choices.ALERTS.containsKey(waiting.get())) {
      throw f.error("waiting-for", "unknown message type '" + waiting.get() + "' (allowed: "
          + String.join(", ", Labels.messageTypes()) + ", or an alert name)");
    }
    return Optional.of(new TimeoutExpectation(side, state, waiting));
  }
}
