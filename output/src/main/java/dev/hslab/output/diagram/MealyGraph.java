package dev.hslab.output.diagram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A learned Mealy machine (hslab learn) drawn in the style of {@link StateGraph}: rounded boxes,
 * Helvetica, the initial state marked by a point, the state where every input is answered
 * {@code closed} as the failure state (double octagon, red). Transitions between the same two
 * states share one edge, one {@code input, input / output} line per answer, as de Ruiter and Poll
 * draw theirs;
 * the closed state's own loop is left out. Plain data in, so this module needs no learning
 * library. The DOT is byte-stable: states by number, inputs in alphabet order.
 */
public final class MealyGraph {

  /** One transition: from state {@code from} on {@code input}, answering {@code output}, to {@code to}. */
  public record Edge(int from, String input, String output, int to) {}

  private static final String FAILURE_COLOR = "#b00020";

  private MealyGraph() {}

  /**
   * @param states how many states, numbered from 0
   * @param closed the state that answers every input {@code closed}, or -1
   */
  public static String dot(String title, int states, int initial, int closed, List<Edge> edges) {
    StringBuilder b = new StringBuilder();
    b.append("digraph learned {\n");
    b.append("  graph [rankdir=TB, nodesep=0.5, ranksep=0.5, fontname=\"Helvetica\", fontsize=14, labelloc=t, label=")
        .append(Dot.quote(title)).append("];\n");
    b.append("  node [shape=box, style=\"rounded,filled\", fillcolor=white, fontname=\"Helvetica\", fontsize=10, margin=\"0.2,0.1\"];\n");
    b.append("  edge [fontname=\"Helvetica\", fontsize=8];\n");
    b.append("  initial [shape=point, width=0.15, label=\"\"];\n");
    for (int s = 0; s < states; s++) {
      b.append("  s").append(s).append(" [label=\"").append(s == closed ? "closed" : "s" + s).append('"');
      if (s == closed) {
        b.append(", shape=doubleoctagon, color=").append(Dot.quote(FAILURE_COLOR))
            .append(", fontcolor=").append(Dot.quote(FAILURE_COLOR));
      }
      b.append("];\n");
    }
    b.append("  initial -> s").append(initial).append(";\n");
    // Per pair of states, the inputs that answer alike share one line: "a, b / answer".
    Map<List<Integer>, Map<String, List<String>>> grouped = new LinkedHashMap<>();
    for (Edge e : edges) {
      if (e.from() == closed && e.to() == closed) {
        continue;
      }
      grouped.computeIfAbsent(List.of(e.from(), e.to()), k -> new LinkedHashMap<>())
          .computeIfAbsent(e.output(), k -> new ArrayList<>()).add(e.input());
    }
    for (Map.Entry<List<Integer>, Map<String, List<String>>> g : grouped.entrySet()) {
      int to = g.getKey().get(1);
      List<String> lines = new ArrayList<>();
      g.getValue().forEach((output, inputs) -> lines.add(String.join(", ", inputs) + " / " + output));
      b.append("  s").append(g.getKey().get(0)).append(" -> s").append(to).append(" [label=")
          .append(Dot.quote(String.join("\n", lines)));
      if (to == closed) {
        b.append(", color=").append(Dot.quote(FAILURE_COLOR)).append(", fontcolor=").append(Dot.quote(FAILURE_COLOR));
      }
      b.append("];\n");
    }
    b.append("}\n");
    return b.toString();
  }
}
