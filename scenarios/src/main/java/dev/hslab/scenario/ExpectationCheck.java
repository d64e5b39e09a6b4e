package dev.hslab.scenario;

import dev.hslab.model.engine.Negotiated;
import dev.hslab.scenario.Expectation.TimeoutExpectation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Compares what a run did ({@link RunFacts}) with what its scenario expects, field by field. */
final class ExpectationCheck {

  private static final String END = "(end of run)";

  private final Expectation expect;
  private final RunFacts run;
  private final List<Mismatch> out = new ArrayList<>();

  private ExpectationCheck(Expectation expect, RunFacts run) {
    this.expect = expect;
    this.run = run;
  }

  static List<Mismatch> of(Expectation expect, RunFacts run) {
    ExpectationCheck c = new ExpectationCheck(expect, run);
    c.outcome();
    expect.sequence().ifPresent(c::sequence);
    c.contains();
    c.absent();
    c.alert();
    expect.timeout().ifPresent(c::timeout);
    c.negotiated();
    return List.copyOf(c.out);
  }

  private void outcome() {
    boolean wanted = expect.outcome() == Expectation.Expected.ESTABLISHED;
    if (wanted != run.established()) {
      out.add(new Mismatch("expect.outcome", 0, expect.outcome().label(), run.describeOutcome()));
    }
  }

  /** The first message where the run departs from the sequence, and the count if it differs. */
  private void sequence(List<String> wanted) {
    List<String> got = run.labels();
    int n = Math.min(wanted.size(), got.size());
    for (int i = 0; i <= n; i++) {
      String w = i < wanted.size() ? wanted.get(i) : END;
      String g = i < got.size() ? got.get(i) : END;
      if (!w.equals(g)) {
        out.add(new Mismatch("expect.sequence", i + 1, w, g));
        break;
      }
    }
    if (wanted.size() != got.size()) {
      out.add(new Mismatch("expect.sequence", 0, wanted.size() + " messages", got.size() + " messages"));
    }
  }

  /** Each label must be found after the one before it (an ordered subsequence). */
  private void contains() {
    List<String> got = run.labels();
    int from = 0;
    for (int i = 0; i < expect.contains().size(); i++) {
      String w = expect.contains().get(i);
      int at = got.subList(from, got.size()).indexOf(w);
      if (at < 0) {
        boolean anywhere = got.contains(w);
        out.add(new Mismatch("expect.contains[" + (i + 1) + "]", 0,
            w + (from == 0 ? "" : " after message " + from + " (" + got.get(from - 1) + ")"),
            anywhere ? "it only as message " + (got.indexOf(w) + 1) : "no " + w + " in the run"));
        return; // the rest of the order is meaningless once one is missing
      }
      from += at + 1;
    }
  }

  private void absent() {
    List<String> got = run.labels();
    for (int i = 0; i < expect.absent().size(); i++) {
      String w = expect.absent().get(i);
      int at = got.indexOf(w);
      if (at >= 0) {
        out.add(new Mismatch("expect.absent[" + (i + 1) + "]", at + 1, "no " + w, w));
      }
    }
  }

  private void alert() {
    if (expect.alert().isEmpty()) {
      return;
    }
    String w = expect.alert().get().name() + " from " + expect.alert().get().from().label();
    Optional<RunFacts.SentAlert> got = run.firstFatalAlert();
    if (got.isEmpty()) {
      out.add(new Mismatch("expect.alert", 0, w, "no fatal alert"));
    } else if (!got.get().describe().equals(w)) {
      out.add(new Mismatch("expect.alert", 0, w, got.get().describe()));
    }
  }

  private void timeout(TimeoutExpectation t) {
    String w = t.side().label() + " timed out in " + t.state() + t.waitingFor().map(x -> " waiting for " + x).orElse("");
    Optional<RunFacts.Timeout> got = run.timeouts().stream().filter(x -> x.side() == t.side()).findFirst();
    if (got.isEmpty()) {
      out.add(new Mismatch("expect.timeout", 0, w, "no timeout on the " + t.side().label()
          + (run.timeouts().isEmpty() ? "" : " (" + run.timeouts().get(0).describe() + ")")));
    } else if (!got.get().state().equals(t.state())
        || t.waitingFor().filter(x -> !x.equals(got.get().waitingFor())).isPresent()) {
      out.add(new Mismatch("expect.timeout", 0, w, got.get().describe()));
    }
  }

  private void negotiated() {
    Optional<Negotiated> n = run.negotiated();
    expect.version().ifPresent(v -> {
      String got = n.map(x -> x.version().cliName()).orElse("nothing negotiated");
      if (!got.equals(v.cliName())) {
        out.add(new Mismatch("expect.version", 0, v.cliName(), got));
      }
    });
    expect.cipherSuite().ifPresent(s -> {
      String got = n.map(x -> x.cipherSuite().ianaName()).orElse("nothing negotiated");
      if (!got.equals(s.ianaName())) {
        out.add(new Mismatch("expect.cipher-suite", 0, s.ianaName(), got));
      }
    });
    expect.resumed().ifPresent(r -> {
      String got = n.map(x -> x.resumed() ? "resumed" : "not resumed").orElse("nothing negotiated");
      if (!got.equals(r ? "resumed" : "not resumed")) {
        out.add(new Mismatch("expect.resumed", 0, r ? "resumed" : "not resumed", got));
      }
    });
  }
}
