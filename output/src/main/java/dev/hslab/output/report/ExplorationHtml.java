package dev.hslab.output.report;

import dev.hslab.output.diagram.PathGraph;
import dev.hslab.model.explore.Configuration;
import dev.hslab.model.explore.ExplorationReport;
import dev.hslab.model.explore.Finding;
import dev.hslab.model.explore.ValidPath;
import dev.hslab.output.diagram.PathGraph;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The exploration section: summary, outcome counts, the valid paths (each distinct message
 * sequence once, then which configurations have which), violations and deadlocks with their
 * shortest traces, and the diagrams. Listing distinct sequences once keeps the whole space's
 * report small: its ~3,700 configurations share about 130 sequences.
 */
final class ExplorationHtml {

  private ExplorationHtml() {}

  static void write(Html h, String id, ExplorationView view) {
    ExplorationReport r = view.report();
    h.open("section", "id", id).newline();
    h.element("h2", view.title()).newline();
    h.element("p", "Scope: " + (view.scope() == null ? "the whole configuration space" : view.scope()), "class", "scope")
        .newline();
    summary(h, r);
    outcomes(h, r);
    findings(h, "Violations", r.violationCount(), r.violations(), id + "-violation");
    findings(h, "Deadlocks", r.deadlockCount(), r.deadlocks(), id + "-deadlock");
    if (view.paths() != null || view.clientStates() != null || view.serverStates() != null) {
      h.element("h3", "Diagrams").newline();
      pathView(h, id, view);
      FigureHtml.write(h, view.clientStates());
      FigureHtml.write(h, view.serverStates());
    }
    paths(h, id, r);
    h.close().newline();
  }

  /**
   * The path graph beside the list of distinct sequences: picking one (click, or arrows / j, k)
   * lights its walk through the graph and shows its messages (report.js). The walk's node ids
   * are the graph's own ({@link PathGraph#nodeIds}).
   */
  private static void pathView(Html h, String id, ExplorationView view) {
    if (view.paths() == null || view.paths().svg() == null) {
      FigureHtml.write(h, view.paths());
      return;
    }
    List<List<String>> distinct = view.report().distinctPaths();
    h.open("div", "class", "pathview", "id", id + "-pathview").newline();
    FigureHtml.write(h, view.paths());
    h.open("div", "class", "panel", "tabindex", "0");
    h.element("p", "Pick a path to light its walk through the graph (\u2193 / j next, \u2191 / k previous).", "class", "note");
    h.open("div", "class", "picked-path").close();
    h.open("ol", "class", "pathlist");
    for (int i = 0; i < distinct.size(); i++) {
      h.open("li", "data-path", Integer.toString(i + 1), "data-nodes", String.join(" ", PathGraph.nodeIds(distinct.get(i))));
      h.element("span", "path " + (i + 1) + " (" + distinct.get(i).size() + " messages)", "class", "path-name");
      h.close();
    }
    h.close();
    h.close().newline();
    // The sequences themselves, one template per path, copied into the panel when picked.
    for (int i = 0; i < distinct.size(); i++) {
      h.open("template", "class", "path-sequence", "data-path", Integer.toString(i + 1));
      Sequences.write(h, distinct.get(i), -1);
      h.close();
    }
    h.close().newline();
  }

  private static void summary(Html h, ExplorationReport r) {
    h.open("table", "class", "kv");
    kv(h, "verdict", r.ok() ? "no violation, no deadlock" : "problems found", r.ok() ? "badge ok" : "badge fail");
    kv(h, "configurations", Integer.toString(r.configurations()), null);
    kv(h, "fault budget", Integer.toString(r.faults()), null);
    kv(h, "states", Long.toString(r.states()), null);
    kv(h, "transitions", Long.toString(r.transitions()), null);
    kv(h, "valid paths", r.paths().size() + " (" + r.distinctPaths().size() + " distinct message sequences)", null);
    kv(h, "complete", r.complete() ? "yes" : "no: a configuration hit the state bound", null);
    kv(h, "time", String.format(Locale.ROOT, "%.2f s", r.seconds()), null);
    h.close().newline();
  }

  private static void kv(Html h, String key, String value, String cls) {
    h.open("tr").element("th", key).open("td").element("span", value, "class", cls).close().close();
  }

  private static void outcomes(Html h, ExplorationReport r) {
    h.element("h3", "Outcomes").newline();
    h.open("table", "class", "grid").open("thead").open("tr").element("th", "terminal state").element("th", "count")
        .close().close().open("tbody");
    for (Map.Entry<String, Long> e : r.outcomes().entrySet()) {
      h.open("tr", "class", e.getKey().startsWith("established") ? null : "faulty").element("td", e.getKey(), "class", "mono")
          .element("td", Long.toString(e.getValue()), "class", "num").close();
    }
    h.close().close().newline();
  }

  private static void findings(Html h, String title, long count, List<Finding> listed, String idPrefix) {
    h.element("h3", title + " (" + count + ")").newline();
    if (count == 0) {
      h.element("p", "None.", "class", "note").newline();
      return;
    }
    if (listed.size() < count) {
      h.element("p", listed.size() + " listed: the first of each kind in each configuration, with a shortest trace.", "class", "note");
    }
    int i = 0;
    for (Finding f : listed) {
      h.open("div", "class", "finding", "id", idPrefix + "-" + (++i));
      h.open("p").element("strong", f.kind()).text(" in ").element("code", f.configuration().label())
          .text(": " + f.message()).close();
      h.open("ol", "class", "trace");
      for (String step : f.labels()) {
        h.element("li", step, "class", "mono");
      }
      h.close().close().newline();
    }
  }

  private static void paths(Html h, String id, ExplorationReport r) {
    List<List<String>> distinct = r.distinctPaths();
    h.element("h3", "Valid paths: " + distinct.size() + " distinct message sequences").newline();
    h.open("table", "class", "grid paths").open("thead").open("tr").element("th", "#").element("th", "length")
        .element("th", "messages").close().close().open("tbody").newline();
    for (int i = 0; i < distinct.size(); i++) {
      h.open("tr", "id", id + "-path-" + (i + 1)).element("td", Integer.toString(i + 1), "class", "num")
          .element("td", Integer.toString(distinct.get(i).size()), "class", "num").open("td");
      Sequences.write(h, distinct.get(i), -1);
      h.close().close().newline();
    }
    h.close().close().newline();
    h.element("h3", "Paths by configuration").newline();
    Map<Configuration, List<Integer>> byConfig = new LinkedHashMap<>();
    for (ValidPath p : r.paths()) {
      byConfig.computeIfAbsent(p.configuration(), c -> new ArrayList<>()).add(distinct.indexOf(p.messages()) + 1);
    }
    h.open("table", "class", "grid").open("thead").open("tr").element("th", "configuration").element("th", "length")
        .element("th", "messages (sequence #)").close().close().open("tbody").newline();
    for (Map.Entry<Configuration, List<Integer>> e : byConfig.entrySet()) {
      h.open("tr").element("td", e.getKey().label(), "class", "mono").open("td", "class", "num");
      h.text(e.getValue().stream().map(n -> Integer.toString(distinct.get(n - 1).size())).reduce((a, b) -> a + ", " + b)
          .orElse(""));
      h.close().open("td");
      for (int n : e.getValue()) {
        h.element("a", "#" + n, "href", "#" + id + "-path-" + n).text(" ");
      }
      h.close().close().newline();
    }
    h.close().close().newline();
  }
}
