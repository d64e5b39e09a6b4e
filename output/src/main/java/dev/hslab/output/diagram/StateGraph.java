package dev.hslab.output.diagram;

import dev.hslab.model.handshake.Emit;
import dev.hslab.model.handshake.HandshakeState;
import dev.hslab.model.handshake.Transition;
import dev.hslab.model.handshake.TransitionTable;
import dev.hslab.model.handshake.Trigger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One role's state machine drawn from its transition table itself (docs/architecture.md principle 1: the
 * diagram is the code that runs), to read top to bottom like RFC 5246 §7.3's message flow: the
 * states stand one below the other in the order the table declares them, grouped by phase in
 * bands (clusters). Each row to another state is an edge labelled with its trigger, guards and
 * the messages it sends; rows with guards (one of several alternatives) are dashed; rows back to
 * an earlier state (a renegotiation) are grey and go back up the page. A flight several
 * rows send alike is named by number on the edges and spelled out once in the legend.
 *
 * <p>Rows that stay in their state (an ignored HelloRequest, RFC 5246 §7.4.1.1; data during a
 * renegotiation; the established connection's traffic) are listed under the state's name, one
 * line each, instead of as self-loops whose labels would pile on each other. What the table does
 * not list ends in unexpected_message (RFC 5246 §7.2.2), one rule for all states: it is drawn once
 * per phase, an unlabelled dotted edge from the phase's band to the failure state, which says
 * the rule together with the fatal alerts that end the connection from anywhere.
 *
 * <p>The DOT is byte-stable: node ids are the state names, states and rows come in table order.
 */
public final class StateGraph {

  /**
   * What to draw.
   *
   * @param title the graph's caption; null for "<side> state machine"
   * @param guards label edges with their guards
   * @param emits label edges with the messages they send
   * @param selfLoops list the rows that stay in their state (ignored HelloRequests, data during a
   *     renegotiation) under the state's name
   * @param implicitFailures draw the "anything else -> unexpected_message -> failed" edges
   */
  public record Options(String title, boolean guards, boolean emits, boolean selfLoops, boolean implicitFailures) {

    public static Options defaults() {
      return new Options(null, true, true, true, true);
    }

    public Options withSelfLoops(boolean b) {
      return new Options(title, guards, emits, b, implicitFailures);
    }

    public Options withTitle(String t) {
      return new Options(t, guards, emits, selfLoops, implicitFailures);
    }
  }

  private static final String FAILURE_COLOR = "#b00020";
  private static final String NOTE_COLOR = "#5f6b7a";

  private StateGraph() {}

  public static <S extends Enum<S> & HandshakeState> String dot(TransitionTable<S> table, Options options) {
    String side = table.side().label();
    List<List<Emit>> flights = options.emits() ? flights(table) : List.of();
    StringBuilder b = new StringBuilder();
    b.append("digraph ").append(Dot.quote(side + "_states")).append(" {\n");
    String title = options.title() != null ? options.title() : side + " state machine";
    b.append("  graph [compound=true, rankdir=TB, newrank=true, nodesep=0.5, ranksep=0.4, fontname=\"Helvetica\", fontsize=14, labelloc=t, label=")
        .append(Dot.quote(title)).append("];\n");
    b.append("  node [shape=box, style=\"rounded,filled\", fillcolor=white, fontname=\"Helvetica\", fontsize=10, margin=\"0.2,0.1\"];\n");
    b.append("  edge [fontname=\"Helvetica\", fontsize=8];\n");
    b.append("  initial [shape=point, width=0.15, label=\"\"];\n");
    for (HandshakeState.Phase phase : HandshakeState.Phase.values()) {
      band(b, table, phase, options);
    }
    b.append("  legend [shape=plaintext, style=\"\", margin=0, label=<").append(legend(options, flights)).append(">];\n");
    column(b, table.states());
    b.append("  initial -> ").append(table.initial().name()).append(";\n");
    for (Transition<S> t : table.rows()) {
      if (t.from() != t.to()) {
        edge(b, t, table.states(), options, flights);
      }
    }
    if (options.implicitFailures()) {
      implicitFailures(b, table);
    }
    b.append("}\n");
    return b.toString();
  }

  /** One phase's band: a cluster holding its states, its name beside the first one. */
  private static <S extends Enum<S> & HandshakeState> void band(StringBuilder b, TransitionTable<S> table,
      HandshakeState.Phase phase, Options options) {
    List<S> states = statesIn(table, phase);
    if (states.isEmpty()) {
      return;
    }
    b.append("  subgraph ").append(cluster(phase)).append(" {\n");
    // The band's name is a node beside its first state, not the cluster's label: edges enter
    // a band at its top, where a cluster label would stand in their way; dot routes around nodes.
    b.append("    label=\"\"; style=\"rounded,filled\"; fillcolor=\"#f3f5f8\"; color=\"#9aa5b1\";\n");
    b.append("    ").append(phaseNode(phase)).append(" [shape=plaintext, style=\"\", fontsize=11, fontcolor=")
        .append(Dot.quote(NOTE_COLOR)).append(", label=").append(Dot.quote(phaseLabel(phase))).append("];\n");
    b.append("    { rank=same; ").append(phaseNode(phase)).append("; ").append(states.get(0).name()).append("; }\n");
    for (S s : states) {
      b.append("    ").append(s.name()).append(" [label=<").append(nodeLabel(table, s, options)).append('>');
      if (s == table.failed()) {
        b.append(", shape=doubleoctagon, color=").append(Dot.quote(FAILURE_COLOR))
            .append(", fontcolor=").append(Dot.quote(FAILURE_COLOR));
      } else if (s.terminal()) {
        b.append(", peripheries=2");
      }
      b.append("];\n");
    }
    b.append("  }\n");
  }

  /**
   * The states in the table's order (RFC 5246 §7.3's), one below the other, then the legend: an
   * invisible chain that outweighs the real edges; the terminal states share the last row.
   */
  private static <S extends Enum<S> & HandshakeState> void column(StringBuilder b, List<S> order) {
    b.append("  ");
    S previous = null;
    for (S s : order) {
      if (previous == null || !(s.terminal() && previous.terminal())) {
        b.append(previous == null ? "" : " -> ").append(s.name());
      }
      previous = s;
    }
    b.append(" -> legend [style=invis, weight=10];\n");
    b.append("  { rank=same;");
    for (S s : order) {
      if (s.terminal()) {
        b.append(' ').append(s.name()).append(';');
      }
    }
    b.append(" }\n");
  }

  /** A row to another state. */
  private static <S extends Enum<S> & HandshakeState> void edge(StringBuilder b, Transition<S> t, List<S> order,
      Options options, List<List<Emit>> flights) {
    b.append("  ").append(t.from().name()).append(" -> ").append(t.to().name()).append(" [label=")
        .append(Dot.quote(label(t, options, flights)));
    if (!t.guards().isEmpty()) {
      b.append(", style=dashed");
    }
    if (order.indexOf(t.to()) < order.indexOf(t.from())) {
      // Back to an earlier state (a renegotiation): dot turns it round while ranking, so the
      // column keeps the table's order and the label gets its own place like any other.
      b.append(", color=").append(Dot.quote(NOTE_COLOR)).append(", fontcolor=").append(Dot.quote(NOTE_COLOR));
    }
    b.append("];\n");
  }

  /**
   * The messages several rows send alike, three or more (a whole flight, RFC 5246 §7.3), in table
   * order: written once in the legend and named by number on the edges, so the same four lines
   * do not stand on five edges.
   */
  private static <S extends Enum<S> & HandshakeState> List<List<Emit>> flights(TransitionTable<S> table) {
    Map<List<Emit>, Integer> uses = new LinkedHashMap<>();
    for (Transition<S> t : table.rows()) {
      if (t.from() != t.to() && t.emits().size() >= 3) {
        uses.merge(t.emits(), 1, Integer::sum);
      }
    }
    List<List<Emit>> out = new ArrayList<>();
    uses.forEach((emits, n) -> {
      if (n > 1) {
        out.add(emits);
      }
    });
    return out;
  }

  /** What the lines under a state's name, the edge styles and the flight numbers mean. */
  private static String legend(Options o, List<List<Emit>> flights) {
    List<String> lines = new ArrayList<>();
    if (o.selfLoops()) {
      lines.add("\u21bb under a state: accepted there, and the state stays");
    }
    lines.add("dashed: one of several rows, chosen by the guards in brackets");
    if (o.implicitFailures()) {
      lines.add("dotted: anything a phase's table rows do not list");
    }
    for (int i = 0; i < flights.size(); i++) {
      lines.add("flight " + (i + 1) + ": " + emits(flights.get(i)).replace(",\n  ", ", "));
    }
    StringBuilder b = new StringBuilder("<table border=\"0\" cellborder=\"0\" cellspacing=\"0\" cellpadding=\"1\">");
    for (String line : lines) {
      b.append("<tr><td align=\"left\"><font point-size=\"9\" color=\"").append(NOTE_COLOR).append("\">")
          .append(Dot.html(line)).append("</font></td></tr>");
    }
    return b.append("</table>").toString();
  }

  /**
   * The state's name and, in smaller type, the rows that stay in it (ignored HelloRequests, data
   * during a renegotiation, the established connection's traffic): as self-loops they would pile
   * up on each other; as one list they read at a glance. The failure state says how it is reached.
   */
  private static <S extends Enum<S> & HandshakeState> String nodeLabel(TransitionTable<S> table, S s, Options o) {
    StringBuilder b = new StringBuilder(s.name());
    List<String> notes = new ArrayList<>();
    if (o.selfLoops()) {
      for (Transition<S> t : table.rowsFrom(s)) {
        if (t.to() == s) {
          notes.add("\u21bb " + label(t, o).replace("\n  ", " ").replace('\n', ' '));
        }
      }
    }
    if (s == table.failed() && o.implicitFailures()) {
      notes.add("any other message / unexpected_message;");
      notes.add("fatal alert sent or received");
    }
    if (!notes.isEmpty()) {
      b.append("<br/><font point-size=\"8\" color=\"").append(s == table.failed() ? FAILURE_COLOR : NOTE_COLOR).append("\">");
      for (int i = 0; i < notes.size(); i++) {
        b.append(i == 0 ? "" : "<br/>").append(Dot.html(notes.get(i)));
      }
      b.append("</font>");
    }
    return b.toString();
  }

  /** One unlabelled edge per phase that has live states, drawn from the cluster's border (compound=true). */
  private static <S extends Enum<S> & HandshakeState> void implicitFailures(StringBuilder b, TransitionTable<S> table) {
    for (HandshakeState.Phase phase : HandshakeState.Phase.values()) {
      List<S> live = new ArrayList<>();
      for (S s : statesIn(table, phase)) {
        if (!s.terminal()) {
          live.add(s);
        }
      }
      if (live.isEmpty()) {
        continue;
      }
      b.append("  ").append(live.get(live.size() - 1).name()).append(" -> ").append(table.failed().name())
          .append(" [ltail=").append(cluster(phase)).append(", tailport=w, style=dotted, weight=0, color=")
          .append(Dot.quote(FAILURE_COLOR)).append("];\n");
    }
  }

  private static <S extends Enum<S> & HandshakeState> List<S> statesIn(TransitionTable<S> table, HandshakeState.Phase phase) {
    List<S> out = new ArrayList<>();
    for (S s : table.states()) {
      if (s.phase() == phase) {
        out.add(s);
      }
    }
    return out;
  }

  private static String label(Transition<?> t, Options o) {
    return label(t, o, List.of());
  }

  /** The row's trigger, guards and sent messages; a flight of {@code flights} by its number. */
  private static String label(Transition<?> t, Options o, List<List<Emit>> flights) {
    StringBuilder b = new StringBuilder(trigger(t.trigger()));
    if (o.guards() && !t.guards().isEmpty()) {
      b.append("\n[").append(t.guardLabel()).append(']');
    }
    int flight = flights.indexOf(t.emits());
    if (o.emits() && flight >= 0) {
      b.append("\n/ flight ").append(flight + 1);
    } else if (o.emits() && !t.emits().isEmpty()) {
      b.append("\n/ ");
      b.append(emits(t.emits()));
    }
    return b.toString();
  }

  private static String emits(List<Emit> emits) {
    StringBuilder b = new StringBuilder();
    int i = 0;
    for (Emit e : emits) {
      if (i > 0) {
        // Two messages a line keeps the five-message server flight readable.
        b.append(i % 2 == 0 ? ",\n  " : ", ");
      }
      b.append(e);
      i++;
    }
    return b.toString();
  }

  private static String trigger(Trigger t) {
    if (t instanceof Trigger.Receive r) {
      return "recv " + r.kind().label();
    }
    return "local: " + ((Trigger.Local) t).event().name().toLowerCase(Locale.ROOT);
  }

  private static String cluster(HandshakeState.Phase p) {
    return "cluster_" + p.name().toLowerCase(Locale.ROOT);
  }

  private static String phaseNode(HandshakeState.Phase p) {
    return "phase_" + p.name().toLowerCase(Locale.ROOT);
  }

  private static String phaseLabel(HandshakeState.Phase p) {
    return p.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
