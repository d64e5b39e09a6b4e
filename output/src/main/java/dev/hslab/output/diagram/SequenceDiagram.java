package dev.hslab.output.diagram;

import dev.hslab.model.handshake.Side;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.trace.TraceEvent;
import dev.hslab.model.trace.TraceEvent.NetworkAction;
import dev.hslab.output.diagram.SequenceRows.Row;
import dev.hslab.output.trace.SentMessage;
import java.util.List;

/**
 * A textbook sequence diagram of a run: client and server lifelines, numbered arrows in time
 * order, optional messages in brackets and dashed, messages in protected records (after
 * ChangeCipherSpec) on a shaded label, and the network's faults drawn: a dropped record ends in a
 * cross half way, a duplicate is a second arrow, delays, corruptions and truncations are named.
 *
 * <p>Two drawings of it. {@link #svg} is the ladder diagram ({@link Ladder}): time runs down and
 * each arrow slopes from its sending to its arrival, which Graphviz cannot draw, so its
 * coordinates are computed from the trace's virtual times. {@link #dot} is the same sequence as a
 * Graphviz grid, every arrow level, for Graphviz tools ({@code sequence.dot}): each row is a rank
 * of three nodes (client lifeline, message label, server lifeline) tied by {@code rank=same}, the
 * lifelines are heavy dashed edges from row to row, and a message is two flat edges through its
 * label node. Both are byte-stable.
 */
public final class SequenceDiagram {

  /**
   * What to draw.
   *
   * @param title the caption; null for none
   * @param notes notes on the lifelines: established, alert reasons, timeouts, closed
   * @param details each message's size in bytes under its name
   */
  public record Options(String title, boolean notes, boolean details) {

    public static Options defaults() {
      return new Options(null, true, false);
    }

    public Options withTitle(String t) {
      return new Options(t, notes, details);
    }

    public Options withDetails(boolean d) {
      return new Options(title, notes, d);
    }
  }

  static final String ENCRYPTED_FILL = "#e4e7ec";
  static final String FAULT_COLOR = "#b00020";
  static final String DUPLICATE_COLOR = "#c26a00";
  static final String INJECTED_COLOR = "#6a1b9a";

  private SequenceDiagram() {}

  /**
   * The run as a ladder diagram ({@link Ladder}): arrows sloped by virtual time, flights
   * bracketed, drawn without Graphviz. This is the picture {@code hslab run --out} writes as
   * {@code sequence.svg}; {@link #dot} stays the grid for Graphviz tools.
   *
   * @param firstNumber the number {@code hslab run} gives the trace's first message (1, or after
   *     the earlier connections' messages)
   */
  public static String svg(Trace trace, Options options, int firstNumber) {
    return Ladder.of(trace, options, firstNumber).svg();
  }

  /** The ladder diagram as PNG, rasterized in memory (twice the SVG's size, for sharp text). */
  public static byte[] png(Trace trace, Options options, int firstNumber) {
    return SvgRaster.png(svg(trace, options, firstNumber), 2);
  }

  public static String dot(Trace trace, Options options) {
    List<Row> rows = SequenceRows.of(trace, options.notes());
    StringBuilder b = new StringBuilder("digraph \"sequence\" {\n");
    b.append("  graph [rankdir=TB, nodesep=0.05, ranksep=0.18, splines=false, fontname=\"Helvetica\", fontsize=14, labelloc=t");
    if (options.title() != null) {
      b.append(", label=").append(Dot.quote(options.title()));
    }
    b.append("];\n");
    b.append("  node [fontname=\"Helvetica\", fontsize=10];\n");
    b.append("  edge [fontname=\"Helvetica\", fontsize=9];\n");
    // Row 0: the heads of the lifelines.
    b.append("  c0 [shape=box, style=\"filled\", fillcolor=\"#dde6f3\", label=\"client\"];\n");
    b.append("  m0 [shape=point, style=invis, label=\"\"];\n");
    b.append("  s0 [shape=box, style=\"filled\", fillcolor=\"#dde6f3\", label=\"server\"];\n");
    b.append("  { rank=same; c0; m0; s0; }\n");
    b.append("  c0 -> m0 -> s0 [style=invis];\n");
    for (int i = 0; i < rows.size(); i++) {
      row(b, i + 1, rows.get(i), options);
    }
    int last = rows.size() + 1;
    b.append("  c").append(last).append(" [shape=point, width=0.01, color=\"#888888\", label=\"\"];\n");
    b.append("  m").append(last).append(" [shape=point, style=invis, label=\"\"];\n");
    b.append("  s").append(last).append(" [shape=point, width=0.01, color=\"#888888\", label=\"\"];\n");
    b.append("  { rank=same; c").append(last).append("; m").append(last).append("; s").append(last).append("; }\n");
    b.append("  c").append(last).append(" -> m").append(last).append(" -> s").append(last).append(" [style=invis];\n");
    for (int i = 0; i < last; i++) {
      b.append("  c").append(i).append(" -> c").append(i + 1).append(" [style=dashed, color=\"#888888\", arrowhead=none, weight=100];\n");
      b.append("  m").append(i).append(" -> m").append(i + 1).append(" [style=invis, weight=100];\n");
      b.append("  s").append(i).append(" -> s").append(i + 1).append(" [style=dashed, color=\"#888888\", arrowhead=none, weight=100];\n");
    }
    b.append("}\n");
    return b.toString();
  }

  private static void row(StringBuilder b, int r, Row row, Options o) {
    String c = "c" + r;
    String m = "m" + r;
    String s = "s" + r;
    String point = " [shape=point, width=0.01, color=\"#888888\", label=\"\"];\n";
    if (row instanceof SequenceRows.Note note) {
      String noteNode = " [shape=note, style=filled, fillcolor=" + (note.failure() ? "\"#fde2e4\"" : "\"#fff8d6\"")
          + ", fontsize=9, label=" + Dot.quote(note.text()) + "];\n";
      b.append("  ").append(c).append(note.side() == Side.CLIENT ? noteNode : point);
      b.append("  ").append(m).append(" [shape=point, style=invis, label=\"\"];\n");
      b.append("  ").append(s).append(note.side() == Side.SERVER ? noteNode : point);
      sameRank(b, c, m, s);
      b.append("  ").append(c).append(" -> ").append(m).append(" -> ").append(s).append(" [style=invis];\n");
      return;
    }
    b.append("  ").append(c).append(point).append("  ").append(s).append(point);
    Side from;
    String label;
    String style = "solid";
    String color = "black";
    boolean lost = false;
    boolean shaded = false;
    if (row instanceof SequenceRows.Injected inj) {
      from = inj.event().from();
      label = "injected: " + (inj.event().detail().isEmpty() ? "record" : inj.event().detail());
      color = INJECTED_COLOR;
      style = "bold";
    } else {
      SequenceRows.Message msg = (SequenceRows.Message) row;
      SentMessage sm = msg.message();
      from = sm.sent().from();
      var info = sm.sent().message();
      String name = info.optional() ? "[" + info.label() + "]" : info.label();
      label = sm.sent().n() + (msg.duplicate() ? "'" : "") + ". " + name;
      if (o.details()) {
        label += "\n" + info.bytes() + " bytes";
      }
      shaded = info.encrypted();
      if (info.optional()) {
        style = "dashed";
      }
      if (msg.duplicate()) {
        label += "\n(duplicate)";
        color = DUPLICATE_COLOR;
      } else {
        for (TraceEvent.OfNetwork n : sm.network()) {
          String fault = faultNote(n);
          if (fault != null) {
            label += "\n" + fault;
            color = FAULT_COLOR;
          }
          lost |= n.action() == NetworkAction.DROPPED;
        }
      }
    }
    String fontColor = color.equals("black") ? "" : ", fontcolor=" + Dot.quote(color);
    // The interactive report finds each message by these (report.html's contract): the label of
    // message N is id message-N, its arrows message-N-a and message-N-b.
    String id = messageId(row);
    if (id != null) {
      fontColor += ", id=" + Dot.quote(id) + ", class=\"message\"";
    }
    if (lost) {
      label = "\u00d7 " + label;
    }
    b.append("  ").append(m).append(" [shape=plaintext").append(fontColor).append(", label=")
        .append(shaded ? shadedLabel(label) : Dot.quote(label)).append("];\n");
    sameRank(b, c, m, s);
    String attrs = "style=" + style + ", color=" + Dot.quote(color);
    String idA = id == null ? "" : ", id=" + Dot.quote(id + "-a") + ", class=\"message-arrow\"";
    String idB = id == null ? "" : ", id=" + Dot.quote(id + "-b") + ", class=\"message-arrow\"";
    // Edges always run left to right (client, label, server) so the columns keep their order;
    // dir=back turns the arrow round for server-to-client messages.
    if (from == Side.CLIENT) {
      b.append("  ").append(c).append(" -> ").append(m).append(" [").append(attrs).append(", arrowhead=none").append(idA).append("];\n");
      b.append("  ").append(m).append(" -> ").append(s).append(" [").append(lost ? "style=invis" : attrs).append(idB).append("];\n");
    } else {
      b.append("  ").append(c).append(" -> ").append(m).append(" [").append(lost ? "style=invis" : attrs + ", dir=back").append(idA).append("];\n");
      b.append("  ").append(m).append(" -> ").append(s).append(" [").append(attrs).append(", arrowhead=none").append(idB).append("];\n");
    }
  }

  /** {@code message-N} for message N's row, {@code message-N-duplicate} for its duplicate; null for others. */
  private static String messageId(Row row) {
    if (row instanceof SequenceRows.Message msg) {
      return "message-" + msg.message().sent().n() + (msg.duplicate() ? "-duplicate" : "");
    }
    return null;
  }

  private static String faultNote(TraceEvent.OfNetwork n) {
    String detail = n.detail() == null || n.detail().isEmpty() ? "" : ": " + n.detail();
    return switch (n.action()) {
      case DELIVERED, DUPLICATED, INJECTED -> null;
      case DROPPED -> "(dropped)";
      default -> "(" + n.action().label() + detail + ")";
    };
  }

  /** An HTML-like label on a grey cell: the message travelled in a protected record. */
  private static String shadedLabel(String text) {
    return "<<table border=\"0\" cellborder=\"0\" cellpadding=\"2\" bgcolor=\"" + ENCRYPTED_FILL + "\"><tr><td>"
        + Dot.html(text) + "</td></tr></table>>";
  }

  private static void sameRank(StringBuilder b, String c, String m, String s) {
    b.append("  { rank=same; ").append(c).append("; ").append(m).append("; ").append(s).append("; }\n");
  }
}
