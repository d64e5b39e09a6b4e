package dev.hslab.output.report;

import java.util.List;

/** The fault matrix and the conformance table, from rows other parts of the tool produce. */
final class TablesHtml {

  private TablesHtml() {}

  static void faultMatrix(Html h, String id, List<FaultMatrixRow> rows) {
    h.open("section", "id", id).newline();
    h.element("h2", "Fault matrix").newline();
    long pass = rows.stream().filter(FaultMatrixRow::pass).count();
    verdict(h, pass, rows.size(), "faults had the expected outcome");
    h.open("table", "class", "grid").open("thead").open("tr");
    for (String col : List.of("message", "fault", "expected outcome", "actual outcome", "")) {
      h.element("th", col);
    }
    h.close().close().open("tbody").newline();
    for (FaultMatrixRow r : rows) {
      h.open("tr", "class", r.pass() ? null : "faulty").element("td", r.message(), "class", "mono")
          .element("td", r.faultKind(), "class", "mono").element("td", r.expectedOutcome())
          .element("td", r.actualOutcome());
      mark(h, r.pass(), "pass", "FAIL");
      h.close().newline();
    }
    h.close().close().close().newline();
  }

  static void conformance(Html h, String id, List<ConformanceRow> rows) {
    h.open("section", "id", id).newline();
    h.element("h2", "Conformance").newline();
    long accepted = rows.stream().filter(ConformanceRow::accepted).count();
    verdict(h, accepted, rows.size(), "real traces accepted by the model");
    h.open("table", "class", "grid").open("thead").open("tr");
    for (String col : List.of("configuration", "engine", "real engine sent", "the model sends", "")) {
      h.element("th", col);
    }
    h.close().close().open("tbody").newline();
    for (ConformanceRow r : rows) {
      int diff = Sequences.firstDifference(r.realSequence(), r.modelSequence());
      h.open("tr", "class", r.accepted() ? null : "faulty").element("td", r.config(), "class", "mono")
          .element("td", r.engine(), "class", "mono").open("td");
      Sequences.write(h, r.realSequence(), diff);
      h.close().open("td");
      Sequences.write(h, r.modelSequence(), diff);
      h.close();
      mark(h, r.accepted(), "accepted", "REJECTED");
      h.close().newline();
    }
    h.close().close().close().newline();
  }

  private static void verdict(Html h, long good, int all, String what) {
    h.open("p").element("span", good + " of " + all, "class", good == all ? "badge ok" : "badge fail")
        .text(" " + what + ".").close().newline();
  }

  private static void mark(Html h, boolean good, String yes, String no) {
    h.open("td").element("span", good ? "\u2713 " + yes : "\u2717 " + no, "class", good ? "badge ok" : "badge fail").close();
  }
}
