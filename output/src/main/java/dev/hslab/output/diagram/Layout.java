package dev.hslab.output.diagram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where Graphviz put a picture's nodes and labels, read from its JSON output ({@code -Tjson},
 * https://graphviz.org/docs/outputs/json/): boxes in points, y upwards, so a test can tell a
 * reader's complaint ("the labels are drawn on top of each other") from a picture that reads.
 *
 * <p>How each box is found, from nothing but the layout itself:
 * <ul>
 *   <li>a node: {@code pos} ± {@code width}/2, {@code height}/2 (inches, 72 points each). Its own
 *       label is laid out inside it and is not a box of its own;
 *   <li>the graph's and each cluster's label: {@code lp} ± {@code lwidth}/2, {@code lheight}/2,
 *       the size Graphviz computed for it;
 *   <li>an edge's label ({@code lp}), a node's or an edge's external label ({@code xlp}), a head or
 *       tail label ({@code head_lp}, {@code tail_lp}): the JSON gives only the centre. The size is
 *       the one Graphviz reserved, rebuilt from the text operations (op {@code T}) of the object's
 *       {@code _ldraw_} ({@code _hldraw_}, {@code _tldraw_}): each operation is one line, with the
 *       width Graphviz measured for it in the size of the preceding font operation (op {@code F});
 *       the label is as wide as its widest line and as high as its lines' sizes times 1.2
 *       (Graphviz's line spacing). When an object has both a label and an external label, each
 *       line belongs to the nearer of the two centres.
 * </ul>
 * Two boxes overlap when they share more than {@link #SLACK} points in both directions: the JSON
 * rounds label sizes to a hundredth of an inch, so boxes that merely touch are not reported.
 */
public record Layout(List<Box> nodes, List<Box> labels, List<Line> lines) {

  /** Overlap smaller than this (points, in x or in y) is rounding, not a collision. */
  public static final double SLACK = 1.0;

  /** Graphviz's LINESPACING: a line of text is 1.2 times its font size high. */
  private static final double LINE_SPACING = 1.2;

  private static final ObjectMapper JSON = new ObjectMapper();

  public Layout {
    nodes = List.copyOf(nodes);
    labels = List.copyOf(labels);
    lines = List.copyOf(lines);
  }

  /**
   * An edge as drawn: points along its curve (each cubic Bézier of its {@code _draw_} sampled
   * {@value #SAMPLES} times), the nodes it joins and the names of its own labels.
   */
  public record Line(String what, String tail, String head, List<String> ownLabels, List<double[]> points) {
    public Line {
      ownLabels = List.copyOf(ownLabels);
      points = List.copyOf(points);
    }
  }

  /** Points sampled on each Bézier segment of an edge. */
  static final int SAMPLES = 16;

  /** A named rectangle: {@code what} says which node or label, for a failure message. */
  public record Box(String what, double x0, double y0, double x1, double y1) {

    /** The shared part is larger than {@code slack} in both directions. */
    public boolean overlaps(Box o, double slack) {
      double w = Math.min(x1, o.x1) - Math.max(x0, o.x0);
      double h = Math.min(y1, o.y1) - Math.max(y0, o.y0);
      return w > slack && h > slack;
    }

    static Box centred(String what, double cx, double cy, double w, double h) {
      return new Box(what, cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%s [%.1f,%.1f .. %.1f,%.1f]", what, x0, y0, x1, y1);
    }
  }

  /** Two boxes that share more than {@link #SLACK} points each way. */
  public record Overlap(Box a, Box b) {
    @Override
    public String toString() {
      return a.what() + " overlaps " + b.what();
    }
  }

  /** Every pair of labels, and every label and node, that overlap, in layout order. */
  public List<Overlap> overlaps() {
    List<Overlap> out = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      Box a = labels.get(i);
      for (int j = i + 1; j < labels.size(); j++) {
        if (a.overlaps(labels.get(j), SLACK)) {
          out.add(new Overlap(a, labels.get(j)));
        }
      }
      for (Box n : nodes) {
        if (a.overlaps(n, SLACK)) {
          out.add(new Overlap(a, n));
        }
      }
    }
    return out;
  }

  /**
   * Every edge drawn through a label other than its own, or through a node other than the two
   * it joins: a point of its curve lies inside the box, more than {@link #SLACK} from its border.
   */
  public List<Overlap> crossings() {
    List<Overlap> out = new ArrayList<>();
    for (Line l : lines) {
      Box self = new Box(l.what(), 0, 0, 0, 0);
      for (Box b : labels) {
        if (!l.ownLabels().contains(b.what()) && crosses(l, b)) {
          out.add(new Overlap(self, b));
        }
      }
      for (Box n : nodes) {
        if (!n.what().equals("node " + l.tail()) && !n.what().equals("node " + l.head()) && crosses(l, n)) {
          out.add(new Overlap(self, n));
        }
      }
    }
    return out;
  }

  private static boolean crosses(Line l, Box b) {
    for (double[] p : l.points()) {
      if (p[0] > b.x0() + SLACK && p[0] < b.x1() - SLACK && p[1] > b.y0() + SLACK && p[1] < b.y1() - SLACK) {
        return true;
      }
    }
    return false;
  }

  /** Reads Graphviz's {@code -Tjson} output. */
  public static Layout parse(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      throw new RenderException("Graphviz's JSON layout cannot be read: " + e.getMessage(), e);
    }
    List<Box> nodes = new ArrayList<>();
    List<Box> labels = new ArrayList<>();
    List<Line> lines = new ArrayList<>();
    graphLabel(root, "title", labels);
    List<String> names = new ArrayList<>();
    for (JsonNode o : root.path("objects")) {
      names.add(o.path("name").asText());
      if (!o.has("pos")) {
        // A subgraph: only a cluster draws its label.
        graphLabel(o, "label of " + o.path("name").asText(), labels);
        continue;
      }
      if (o.path("style").asText().contains("invis")) {
        continue;
      }
      double[] pos = numbers(o.path("pos").asText());
      String name = o.path("name").asText();
      nodes.add(Box.centred("node " + name, pos[0], pos[1], 72 * o.path("width").asDouble(), 72 * o.path("height").asDouble()));
      if (o.has("xlp")) {
        labels.add(textBox("xlabel of " + name, o.path("_ldraw_"), numbers(o.path("xlp").asText()), pos));
      }
    }
    for (JsonNode e : root.path("edges")) {
      if (e.path("style").asText().contains("invis")) {
        continue;
      }
      String tail = names.get(e.path("tail").asInt());
      String head = names.get(e.path("head").asInt());
      String edge = tail + " -> " + head;
      double[] lp = e.has("lp") ? numbers(e.path("lp").asText()) : null;
      double[] xlp = e.has("xlp") ? numbers(e.path("xlp").asText()) : null;
      List<Box> own = new ArrayList<>();
      if (lp != null) {
        own.add(textBox("label of " + edge, e.path("_ldraw_"), lp, xlp));
      }
      if (xlp != null) {
        own.add(textBox("xlabel of " + edge, e.path("_ldraw_"), xlp, lp));
      }
      if (e.has("head_lp")) {
        own.add(textBox("head label of " + edge, e.path("_hldraw_"), numbers(e.path("head_lp").asText()), null));
      }
      if (e.has("tail_lp")) {
        own.add(textBox("tail label of " + edge, e.path("_tldraw_"), numbers(e.path("tail_lp").asText()), null));
      }
      labels.addAll(own);
      String what = "edge " + edge + (own.isEmpty() ? "" : own.get(0).what().substring(own.get(0).what().indexOf(edge) + edge.length()));
      lines.add(new Line(what, tail, head, own.stream().map(Box::what).toList(), curve(e.path("_draw_"))));
    }
    return new Layout(nodes, labels, lines);
  }

  private static void graphLabel(JsonNode g, String what, List<Box> labels) {
    if (!g.has("lp") || !g.has("lwidth")) {
      return;
    }
    double[] lp = numbers(g.path("lp").asText());
    labels.add(Box.centred(what, lp[0], lp[1], 72 * g.path("lwidth").asDouble(), 72 * g.path("lheight").asDouble()));
  }

  /**
   * The box of the label centred at {@code centre}, from the lines in {@code ops} nearer to it
   * than to {@code other} (the object's other label's centre, or its node's, or null).
   */
  private static Box textBox(String what, JsonNode ops, double[] centre, double[] other) {
    double size = 14;
    double width = 0;
    double height = 0;
    List<String> lines = new ArrayList<>();
    for (JsonNode op : ops) {
      String kind = op.path("op").asText();
      if (kind.equals("F")) {
        size = op.path("size").asDouble();
      } else if (kind.equals("T")) {
        double x = op.path("pt").get(0).asDouble();
        double y = op.path("pt").get(1).asDouble();
        if (other != null && distance(x, y, other) < distance(x, y, centre)) {
          continue;
        }
        width = Math.max(width, op.path("width").asDouble());
        height += size * LINE_SPACING;
        lines.add(op.path("text").asText());
      }
    }
    String text = lines.isEmpty() ? "" : " \"" + String.join("\\n", lines) + "\"";
    return Box.centred(what + text, centre[0], centre[1], width, height);
  }

  /** Points along the Bézier curves ({@code b}, {@code B}) of an edge's drawing operations. */
  private static List<double[]> curve(JsonNode ops) {
    List<double[]> out = new ArrayList<>();
    for (JsonNode op : ops) {
      String kind = op.path("op").asText();
      if (!kind.equals("b") && !kind.equals("B")) {
        continue;
      }
      JsonNode p = op.path("points");
      for (int i = 0; i + 3 < p.size(); i += 3) {
        for (int k = 0; k <= SAMPLES; k++) {
          double t = (double) k / SAMPLES;
          double u = 1 - t;
          double[] q = new double[2];
          for (int d = 0; d < 2; d++) {
            q[d] = u * u * u * p.get(i).get(d).asDouble() + 3 * u * u * t * p.get(i + 1).get(d).asDouble()
                + 3 * u * t * t * p.get(i + 2).get(d).asDouble() + t * t * t * p.get(i + 3).get(d).asDouble();
          }
          out.add(q);
        }
      }
    }
    return out;
  }

  private static double distance(double x, double y, double[] p) {
    return Math.hypot(x - p[0], y - p[1]);
  }

  private static double[] numbers(String commaSeparated) {
    String[] parts = commaSeparated.split(",");
    double[] out = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = Double.parseDouble(parts[i].trim());
    }
    return out;
  }
}
