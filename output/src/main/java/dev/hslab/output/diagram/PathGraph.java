package dev.hslab.output.diagram;

import dev.hslab.model.explore.ExplorationReport;
import dev.hslab.model.explore.ValidPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The union of the explorer's valid paths as one graph: each node a message at its place in the
 * connection (which handshake, which side, which type), each edge a "this message is followed
 * by that one" that some path takes, labelled with how many paths take it. Optional messages (the
 * bracketed ones of RFC 5246 §7.3, as the sender's transition table marks them) are dashed and
 * in brackets. The caller chooses the configurations by passing the report of an exploration of
 * just those (docs/cli.md: {@code hslab render paths} with config flags).
 *
 * <p>A message's place is its handshake and its label: the first handshake, then each
 * renegotiation (RFC 5246 §7.4.1.1–7.4.1.2), which starts at the server's HelloRequest or at a
 * ClientHello after the first. Keying nodes by place rather than by label keeps a renegotiation
 * from folding back onto the first handshake, so the graph reads top to bottom; the one cycle left,
 * the Finished messages of a resumed handshake in the other order than a full one's, is closed
 * by an edge that does not rank its nodes.
 *
 * <p>The DOT is byte-stable: nodes and edges come in order of first appearance over the paths in
 * the report's order, node ids are derived from the place.
 */
public final class PathGraph {

  /**
   * What to draw.
   *
   * @param title the caption; null for one that says how many paths and configurations
   * @param perConfiguration count a path once per configuration that has it (e.g. the same
   *     messages whoever closes first) rather than once per distinct message sequence
   * @param clusters group each handshake (first, renegotiation) in its own box
   */
  public record Options(String title, boolean perConfiguration, boolean clusters) {

    public static Options defaults() {
      return new Options(null, false, true);
    }

    public Options withTitle(String t) {
      return new Options(t, perConfiguration, clusters);
    }

    public Options withPerConfiguration(boolean b) {
      return new Options(title, b, clusters);
    }
  }

  private static final String CLIENT_FILL = "#dde6f3";
  private static final String SERVER_FILL = "#e3f1e0";

  private PathGraph() {}

  public static String dot(ExplorationReport report, Options options) {
    return dot(report.paths(), options);
  }

  /**
   * The graph's node ids that a path of these messages ({@code side.type} labels) walks through,
   * from {@code start} to {@code end}: the report's script lights them up when the path is picked.
   */
  public static List<String> nodeIds(List<String> labels) {
    List<String> out = new ArrayList<>();
    out.add("start");
    PathNode.place(labels).forEach(n -> out.add(n.id()));
    out.add("end");
    return out;
  }

  /** The graph of these paths (e.g. a report's paths filtered further by the caller). */
  public static String dot(List<ValidPath> paths, Options options) {
    List<List<PathNode>> walks = walks(paths, options.perConfiguration());
    Set<String> configurations = new LinkedHashSet<>();
    for (ValidPath p : paths) {
      configurations.add(p.configuration().label());
    }
    Map<PathNode, Integer> nodes = new LinkedHashMap<>();
    Map<List<String>, Integer> edges = new LinkedHashMap<>();
    int handshakes = 1;
    for (List<PathNode> walk : walks) {
      String prev = "start";
      for (PathNode n : walk) {
        nodes.merge(n, 1, Integer::sum);
        edges.merge(List.of(prev, n.id()), 1, Integer::sum);
        prev = n.id();
        handshakes = Math.max(handshakes, n.handshake());
      }
      edges.merge(List.of(prev, "end"), 1, Integer::sum);
    }
    StringBuilder b = new StringBuilder("digraph \"valid_paths\" {\n");
    String title = options.title() != null ? options.title()
        : "valid paths: " + walks.size() + (options.perConfiguration() ? " paths" : " distinct message sequences")
            + " from " + configurations.size() + (configurations.size() == 1 ? " configuration" : " configurations");
    b.append("  graph [rankdir=TB, nodesep=0.3, ranksep=0.35, fontname=\"Helvetica\", fontsize=14, labelloc=t, label=")
        .append(Dot.quote(title)).append("];\n");
    b.append("  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=10];\n");
    b.append("  edge [fontname=\"Helvetica\", fontsize=9];\n");
    b.append("  start [shape=circle, style=filled, fillcolor=black, width=0.18, label=\"\"];\n");
    // "completed" is a node beside the end, not its xlabel: Graphviz places external labels after
    // routing the edges, so the edges into the end ran through it; nodes are routed around.
    b.append("  end [shape=doublecircle, style=filled, fillcolor=black, width=0.12, label=\"\"];\n");
    b.append("  completed [shape=plaintext, style=\"\", fontsize=9, label=\"completed\"];\n");
    b.append("  { rank=same; end; completed; }\n");
    for (int h = 1; h <= handshakes; h++) {
      boolean cluster = options.clusters() && handshakes > 1;
      String indent = cluster ? "    " : "  ";
      if (cluster) {
        // The handshake's name is a node beside its first message, not the cluster's label: the
        // edges entering the box at its top ran through a label there; nodes are routed around.
        b.append("  subgraph cluster_handshake_").append(h).append(" {\n");
        b.append("    label=\"\"; style=\"rounded\"; color=\"#9aa5b1\";\n");
        b.append("    handshake_").append(h).append(" [shape=plaintext, style=\"\", fontsize=11, label=")
            .append(Dot.quote(h == 1 ? "first handshake" : "renegotiation " + (h - 1))).append("];\n");
        for (PathNode n : nodes.keySet()) {
          if (n.handshake() == h) {
            b.append("    { rank=same; handshake_").append(h).append("; ").append(n.id()).append("; }\n");
            break;
          }
        }
      }
      for (PathNode n : nodes.keySet()) {
        if (n.handshake() == h) {
          node(b, indent, n);
        }
      }
      if (cluster) {
        b.append("  }\n");
      }
    }
    int total = walks.size();
    Set<List<String>> back = backEdges(edges.keySet());
    for (Map.Entry<List<String>, Integer> e : edges.entrySet()) {
      int count = e.getValue();
      b.append("  ").append(e.getKey().get(0)).append(" -> ").append(e.getKey().get(1))
          .append(" [label=").append(Dot.quote(String.valueOf(count)))
          .append(", penwidth=").append(penWidth(count, total));
      if (back.contains(e.getKey())) {
        b.append(", constraint=false");
      }
      b.append("];\n");
    }
    b.append("}\n");
    return b.toString();
  }

  /**
   * The edges that close a cycle, found depth-first from the start in the edges' order: within
   * one handshake a resumed session's server Finished comes before the client's and a full
   * one's after it, so the places form cycles.
   */
  private static Set<List<String>> backEdges(Set<List<String>> edges) {
    Map<String, List<String>> next = new LinkedHashMap<>();
    for (List<String> e : edges) {
      next.computeIfAbsent(e.get(0), k -> new ArrayList<>()).add(e.get(1));
    }
    Set<List<String>> back = new LinkedHashSet<>();
    Set<String> done = new java.util.HashSet<>();
    Set<String> onPath = new java.util.HashSet<>();
    java.util.Deque<java.util.Iterator<String>> stack = new java.util.ArrayDeque<>();
    java.util.Deque<String> at = new java.util.ArrayDeque<>();
    at.push("start");
    onPath.add("start");
    stack.push(next.getOrDefault("start", List.of()).iterator());
    while (!stack.isEmpty()) {
      if (!stack.peek().hasNext()) {
        stack.pop();
        String n = at.pop();
        onPath.remove(n);
        done.add(n);
        continue;
      }
      String to = stack.peek().next();
      if (onPath.contains(to)) {
        back.add(List.of(at.peek(), to));
      } else if (!done.contains(to)) {
        at.push(to);
        onPath.add(to);
        stack.push(next.getOrDefault(to, List.of()).iterator());
      }
    }
    return back;
  }

  private static void node(StringBuilder b, String indent, PathNode n) {
    String text = n.side().label() + "." + n.type() + (n.repeat() > 1 ? " (" + n.repeat() + ")" : "");
    b.append(indent).append(n.id()).append(" [label=").append(Dot.quote(n.optional() ? "[" + text + "]" : text))
        .append(", fillcolor=").append(Dot.quote(n.side() == dev.hslab.model.handshake.Side.CLIENT ? CLIENT_FILL : SERVER_FILL));
    if (n.optional()) {
      b.append(", style=\"rounded,filled,dashed\"");
    }
    b.append("];\n");
  }

  /** 1 for a rare edge up to 4 for one every path takes, so the common route stands out. */
  private static String penWidth(int count, int total) {
    double w = 1 + 3.0 * count / Math.max(1, total);
    return String.format(java.util.Locale.ROOT, "%.1f", w);
  }

  /** The paths to count, each as its nodes: distinct message sequences, or one per configuration. */
  private static List<List<PathNode>> walks(List<ValidPath> paths, boolean perConfiguration) {
    List<List<String>> sequences = new ArrayList<>();
    if (perConfiguration) {
      for (ValidPath p : paths) {
        sequences.add(p.messages());
      }
    } else {
      Set<List<String>> distinct = new LinkedHashSet<>();
      for (ValidPath p : paths) {
        distinct.add(p.messages());
      }
      sequences.addAll(distinct);
    }
    List<List<PathNode>> out = new ArrayList<>();
    for (List<String> s : sequences) {
      out.add(PathNode.place(s));
    }
    return out;
  }
}
