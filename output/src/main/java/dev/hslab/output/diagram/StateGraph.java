package dev.hslab.output.diagram;

import dev.hslab.model.handshake.Emit;
import dev.hslab.model.handshake.HandshakeState;
import dev.hslab.model.handshake.Transition;
import dev.hslab.model.handshake.TransitionTable;
import dev.hslab.model.handshake.Trigger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One role's state machine drawn from its transition table itself (docs/architecture.md principle 1: the
 * diagram is the code that runs). States are grouped by phase in clusters; each row is an edge
 * labelled with its trigger, guards and the messages it sends; rows with guards (one of several
 * alternatives) are dashed. What the table does not list ends in unexpected_message (RFC 5246
 * §7.2.2), one rule for all states: it is drawn once per phase, from the phase's cluster to the
 * failure state, together with the fatal alerts that end the connection from anywhere.
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
   * @param selfLoops draw rows that stay in their state (ignored HelloRequests, data during a
   *     renegotiation); leaving them out makes the handshake's path easier to read
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

  private StateGraph() {}

  public static <S extends Enum<S> & HandshakeState> String dot(TransitionTable<S> table, Options options) {
    String side = table.side().label();
    StringBuilder b = new StringBuilder();
    b.append("digraph ").append(Dot.quote(side + "_states")).append(" {\n");
    String title = options.title() != null ? options.title() : side + " state machine";
    b.append("  graph [compound=true, rankdir=TB, nodesep=0.4, ranksep=0.45, fontname=\"Helvetica\", fontsize=14, labelloc=t, label=")
        .append(Dot.quote(title)).append("];\n");
    b.append("  node [shape=box, style=rounded, fontname=\"Helvetica\", fontsize=10];\n");
    b.append("  edge [fontname=\"Helvetica\", fontsize=8];\n");
    b.append("  initial [shape=point, width=0.15, label=\"\"];\n");
    for (HandshakeState.Phase phase : HandshakeState.Phase.values()) {
      List<S> states = statesIn(table, phase);
      if (states.isEmpty()) {
        continue;
      }
      b.append("  subgraph ").append(cluster(phase)).append(" {\n");
      b.append("    label=").append(Dot.quote(phaseLabel(phase))).append("; style=\"rounded,filled\"; fillcolor=\"#f3f5f8\"; color=\"#9aa5b1\"; fontsize=11;\n");
      for (S s : states) {
        b.append("    ").append(s.name());
        if (s == table.failed()) {
          b.append(" [shape=doubleoctagon, style=\"\", color=").append(Dot.quote(FAILURE_COLOR)).append(", fontcolor=").append(Dot.quote(FAILURE_COLOR)).append(']');
        } else if (s.terminal()) {
          b.append(" [peripheries=2]");
        }
        b.append(";\n");
      }
      b.append("  }\n");
    }
    b.append("  initial -> ").append(table.initial().name()).append(";\n");
    for (Transition<S> t : table.rows()) {
      if (!options.selfLoops() && t.from() == t.to()) {
        continue;
      }
      b.append("  ").append(t.from().name()).append(" -> ").append(t.to().name()).append(" [label=")
          .append(Dot.quote(label(t, options)));
      if (!t.guards().isEmpty()) {
        b.append(", style=dashed");
      }
      b.append("];\n");
    }
    if (options.implicitFailures()) {
      implicitFailures(b, table);
    }
    b.append("}\n");
    return b.toString();
  }

  /** One edge per phase that has live states, drawn from the cluster's border (compound=true). */
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
          .append(" [ltail=").append(cluster(phase)).append(", style=dotted, color=").append(Dot.quote(FAILURE_COLOR))
          .append(", fontcolor=").append(Dot.quote(FAILURE_COLOR))
          .append(", label=\"any other message\\n/ unexpected_message;\\nfatal alert sent or received\"];\n");
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
    StringBuilder b = new StringBuilder(trigger(t.trigger()));
    if (o.guards() && !t.guards().isEmpty()) {
      b.append("\n[").append(t.guardLabel()).append(']');
    }
    if (o.emits() && !t.emits().isEmpty()) {
      b.append("\n/ ");
      int i = 0;
      for (Emit e : t.emits()) {
        if (i > 0) {
          // Two messages a line keeps the five-message server flight readable.
          b.append(i % 2 == 0 ? ",\n  " : ", ");
        }
        b.append(e);
        i++;
      }
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

  private static String phaseLabel(HandshakeState.Phase p) {
    return p.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
