package dev.hslab.output.diagram;

import dev.hslab.model.handshake.Side;
import dev.hslab.output.diagram.Ladder.Arrow;
import dev.hslab.output.diagram.Ladder.Point;
import dev.hslab.output.diagram.Ladder.TextBox;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link Ladder} as SVG, byte for byte the same for the same trace. Each numbered message
 * is one {@code <g class="message" id="message-N" data-index="N">} holding its arrow (and the
 * copies a duplicating network delivered) and its label, N as {@code hslab run} numbers it, so a
 * page that embeds the picture can find and select a message (the interactive report relies on it).
 */
final class LadderSvg {

  private static final String FONT = "Helvetica,Arial,'Liberation Sans',sans-serif";
  private static final String LIFELINE = "#8a8f98";
  private static final String HEAD_FILL = "#dde6f3";
  private static final String NOTE_FILL = "#fff8d6";
  private static final String FAILURE_FILL = "#fde2e4";

  private LadderSvg() {}

  static String write(Ladder l) {
    StringBuilder b = new StringBuilder();
    String w = n(Math.ceil(l.width()));
    String h = n(Math.ceil(l.height()));
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ladder\" width=\"").append(w).append("\" height=\"")
        .append(h).append("\" viewBox=\"0 0 ").append(w).append(' ').append(h).append("\" font-family=\"").append(FONT)
        .append("\">\n");
    b.append("<title>").append(esc(l.title() == null ? "Sequence diagram" : l.title())).append("</title>\n");
    b.append("<rect x=\"0\" y=\"0\" width=\"").append(w).append("\" height=\"").append(h).append("\" fill=\"white\"/>\n");
    if (l.title() != null) {
      TextBox t = l.texts().stream().filter(x -> x.kind() == Ladder.TextKind.TITLE).findFirst().orElseThrow();
      text(b, t.minX(), t.minY() + Ladder.TITLE_SIZE * 0.8 + 1, Ladder.TITLE_SIZE, "start", "bold", "black", t.text());
    }
    // Protected records: a grey band on each side's lifeline from its first encrypted message.
    for (Side s : Side.values()) {
      Double from = l.protectedFrom().get(s);
      if (from != null) {
        b.append("<rect class=\"protected\" data-side=\"").append(s.label()).append("\" x=\"")
            .append(n(l.lifelineX(s) - 4)).append("\" y=\"").append(n(from)).append("\" width=\"8\" height=\"")
            .append(n(l.lifelineBottom() - from)).append("\" fill=\"").append(SequenceDiagram.ENCRYPTED_FILL)
            .append("\"/>\n");
      }
    }
    for (Side s : Side.values()) {
      TextBox head = l.head(s);
      double x = l.lifelineX(s);
      b.append("<g class=\"lifeline\" id=\"lifeline-").append(s.label()).append("\">");
      b.append("<line x1=\"").append(n(x)).append("\" y1=\"").append(n(l.lifelineTop())).append("\" x2=\"").append(n(x))
          .append("\" y2=\"").append(n(l.lifelineBottom())).append("\" stroke=\"").append(LIFELINE)
          .append("\" stroke-width=\"1.5\" stroke-dasharray=\"6,4\"/>");
      rect(b, head, HEAD_FILL, "#5b6b82", 3);
      text(b, x, (head.minY() + head.maxY()) / 2 + Ladder.HEAD_SIZE * 0.35, Ladder.HEAD_SIZE, "middle", "bold", "black",
          head.text());
      b.append("</g>\n");
    }
    axis(b, l);
    for (Ladder.Flight f : l.flights()) {
      boolean client = f.side() == Side.CLIENT;
      double tip = client ? f.x() + 5 : f.x() - 5;
      b.append("<g class=\"flight\" id=\"flight-").append(f.number()).append("\" data-side=\"").append(f.side().label())
          .append("\" data-messages=\"").append(String.join(" ", f.messages().stream().map(String::valueOf).toList()))
          .append("\">");
      b.append("<path d=\"M").append(n(tip)).append(',').append(n(f.top())).append(" L").append(n(f.x())).append(',')
          .append(n(f.top())).append(" L").append(n(f.x())).append(',').append(n(f.bottom())).append(" L").append(n(tip))
          .append(',').append(n(f.bottom())).append("\" fill=\"none\" stroke=\"#5b6b82\" stroke-width=\"1.5\"/>");
      flightText(b, f.name(), client, "bold");
      flightText(b, f.members(), client, "normal");
      b.append("</g>\n");
    }
    for (Arrow a : l.arrows()) {
      message(b, a, l);
    }
    for (Ladder.Note note : l.notes()) {
      TextBox box = note.box();
      b.append("<g class=\"note\" data-side=\"").append(note.side().label()).append("\">");
      rect(b, box, note.failure() ? FAILURE_FILL : NOTE_FILL, note.failure() ? SequenceDiagram.FAULT_COLOR : "#b59b2a", 2);
      double y = box.minY() + 4 + Ladder.NOTE_SIZE * 0.8 + 1;
      for (String line : note.lines()) {
        text(b, box.minX() + 6, y, Ladder.NOTE_SIZE, "start", "normal", "black", line);
        y += Ladder.NOTE_SIZE + 3;
      }
      b.append("</g>\n");
    }
    TextBox o = l.outcome();
    b.append("<g class=\"outcome\">");
    rect(b, o, l.outcomeFailed() ? FAILURE_FILL : "#e3f4e1", l.outcomeFailed() ? SequenceDiagram.FAULT_COLOR : "#3c7a36", 4);
    text(b, (o.minX() + o.maxX()) / 2, (o.minY() + o.maxY()) / 2 + (Ladder.NOTE_SIZE + 1) * 0.35, Ladder.NOTE_SIZE + 1,
        "middle", "bold", "black", o.text());
    b.append("</g>\n");
    b.append("<g class=\"legend\">");
    for (TextBox t : l.legend()) {
      text(b, t.minX(), t.minY() + Ladder.SMALL_SIZE * 0.8 + 1, Ladder.SMALL_SIZE, "start", "normal", "#555555", t.text());
    }
    b.append("</g>\n");
    b.append("</svg>\n");
    return b.toString();
  }

  private static void axis(StringBuilder b, Ladder l) {
    double x = l.axisX();
    b.append("<g class=\"axis\">");
    b.append("<line x1=\"").append(n(x)).append("\" y1=\"").append(n(l.lifelineTop())).append("\" x2=\"").append(n(x))
        .append("\" y2=\"").append(n(l.lifelineBottom())).append("\" stroke=\"#999999\" stroke-width=\"1\"/>");
    // Where the scale stacks events of one instant, the axis is thick: time stands still there.
    List<Ladder.Instant> in = l.instants();
    for (int i = 0; i < in.size(); ) {
      int j = i;
      while (j + 1 < in.size() && in.get(j + 1).timeMs() == in.get(i).timeMs()) {
        j++;
      }
      if (j > i) {
        b.append("<line class=\"instant\" x1=\"").append(n(x)).append("\" y1=\"").append(n(in.get(i).y()))
            .append("\" x2=\"").append(n(x)).append("\" y2=\"").append(n(in.get(j).y()))
            .append("\" stroke=\"#777777\" stroke-width=\"4\"/>");
      }
      i = j + 1;
    }
    for (Ladder.Tick t : l.ticks()) {
      b.append("<line x1=\"").append(n(x - 3)).append("\" y1=\"").append(n(t.y())).append("\" x2=\"").append(n(x + 3))
          .append("\" y2=\"").append(n(t.y())).append("\" stroke=\"#999999\"/>");
      text(b, x - 6, t.y() + Ladder.SMALL_SIZE * 0.35, Ladder.SMALL_SIZE, "end", "normal", "#555555", t.label());
    }
    for (double c : l.cuts()) {
      b.append("<rect x=\"").append(n(x - 5)).append("\" y=\"").append(n(c - 7)).append("\" width=\"10\" height=\"12\" fill=\"white\"/>");
      text(b, x, c + 4, 12, "middle", "normal", "#555555", "\u2248");
    }
    b.append("</g>\n");
  }

  private static void flightText(StringBuilder b, TextBox t, boolean client, String weight) {
    text(b, client ? t.maxX() : t.minX(), t.minY() + Ladder.SMALL_SIZE * 0.8 + 1, Ladder.SMALL_SIZE,
        client ? "end" : "start", weight, "#3b4a60", t.text());
  }

  private static void message(StringBuilder b, Arrow a, Ladder l) {
    String color = a.injected() ? SequenceDiagram.INJECTED_COLOR
        : a.fault() == null ? "black"
        : a.fault().equals("duplicated") ? SequenceDiagram.DUPLICATE_COLOR : SequenceDiagram.FAULT_COLOR;
    if (a.injected()) {
      b.append("<g class=\"injected\" data-from=\"network\" data-to=\"").append(a.from().peer().label())
          .append("\" data-arrived-ms=\"").append(Ladder.ms(a.arrivedMs())).append("\">");
    } else {
      b.append("<g class=\"message\" id=\"message-").append(a.n()).append("\" data-index=\"").append(a.n())
          .append("\" data-from=\"").append(a.from().label()).append("\" data-sent-ms=\"").append(Ladder.ms(a.sentMs()))
          .append("\" data-arrived-ms=\"").append(Ladder.ms(a.arrivedMs())).append('"');
      if (a.fault() != null) {
        b.append(" data-fault=\"").append(esc(a.fault())).append('"');
      }
      b.append('>');
    }
    b.append("<title>").append(esc(a.title())).append("</title>");
    String dash = a.optional() ? " stroke-dasharray=\"7,4\"" : "";
    line(b, a.start(), a.end(), color, a.injected() ? 2 : 1.4, dash);
    if (a.lost()) {
      cross(b, a.end(), color);
    } else {
      head(b, a.start(), a.end(), color);
    }
    if (a.injected()) {
      b.append("<circle cx=\"").append(n(a.start().x())).append("\" cy=\"").append(n(a.start().y()))
          .append("\" r=\"3.5\" fill=\"").append(color).append("\"/>");
    }
    for (Point c : a.copies()) {
      line(b, a.start(), c, SequenceDiagram.DUPLICATE_COLOR, 1.4, " stroke-dasharray=\"2,3\"");
      head(b, a.start(), c, SequenceDiagram.DUPLICATE_COLOR);
    }
    TextBox box = a.labelBox();
    if (a.encrypted()) {
      b.append("<polygon class=\"protected\" points=\"");
      List<Point> cs = box.corners();
      for (int i = 0; i < cs.size(); i++) {
        b.append(i == 0 ? "" : " ").append(n(cs.get(i).x())).append(',').append(n(cs.get(i).y()));
      }
      b.append("\" fill=\"").append(SequenceDiagram.ENCRYPTED_FILL).append("\"/>");
    }
    Point at = a.labelAt();
    // The box says which side of the arrow the label took: its corners lie above the anchor or below.
    boolean above = box.corners().stream().mapToDouble(Point::y).average().orElseThrow() <= at.y();
    double baseline = above ? at.y() - 4 : at.y() + Ladder.LABEL_SIZE + 1;
    b.append("<text x=\"").append(n(at.x())).append("\" y=\"").append(n(baseline)).append("\" font-size=\"")
        .append(n(Ladder.LABEL_SIZE)).append("\" text-anchor=\"middle\" fill=\"").append(color.equals("black") ? "#111111" : color)
        .append('"');
    if (Math.abs(a.labelAngle()) > 0.01) {
      b.append(" transform=\"rotate(").append(n(a.labelAngle())).append(' ').append(n(at.x())).append(' ')
          .append(n(at.y())).append(")\"");
    }
    b.append('>').append(esc(a.label())).append("</text>");
    b.append("</g>\n");
  }

  private static void line(StringBuilder b, Point p, Point q, String color, double width, String extra) {
    b.append("<line x1=\"").append(n(p.x())).append("\" y1=\"").append(n(p.y())).append("\" x2=\"").append(n(q.x()))
        .append("\" y2=\"").append(n(q.y())).append("\" stroke=\"").append(color).append("\" stroke-width=\"")
        .append(n(width)).append('"').append(extra).append("/>");
  }

  /** A filled arrowhead at {@code q}, pointing along p→q. */
  private static void head(StringBuilder b, Point p, Point q, String color) {
    double dx = q.x() - p.x();
    double dy = q.y() - p.y();
    double len = Math.hypot(dx, dy);
    double ux = dx / len;
    double uy = dy / len;
    double bx = q.x() - ux * 10;
    double by = q.y() - uy * 10;
    b.append("<polygon points=\"").append(n(q.x())).append(',').append(n(q.y())).append(' ')
        .append(n(bx - uy * 4)).append(',').append(n(by + ux * 4)).append(' ')
        .append(n(bx + uy * 4)).append(',').append(n(by - ux * 4)).append("\" fill=\"").append(color).append("\"/>");
  }

  private static void cross(StringBuilder b, Point c, String color) {
    double r = 6;
    b.append("<path d=\"M").append(n(c.x() - r)).append(',').append(n(c.y() - r)).append(" L").append(n(c.x() + r))
        .append(',').append(n(c.y() + r)).append(" M").append(n(c.x() - r)).append(',').append(n(c.y() + r)).append(" L")
        .append(n(c.x() + r)).append(',').append(n(c.y() - r)).append("\" stroke=\"").append(color)
        .append("\" stroke-width=\"2.5\"/>");
  }

  private static void rect(StringBuilder b, TextBox box, String fill, String stroke, double radius) {
    b.append("<rect x=\"").append(n(box.minX())).append("\" y=\"").append(n(box.minY())).append("\" width=\"")
        .append(n(box.maxX() - box.minX())).append("\" height=\"").append(n(box.maxY() - box.minY())).append("\" rx=\"")
        .append(n(radius)).append("\" fill=\"").append(fill).append("\" stroke=\"").append(stroke).append("\"/>");
  }

  private static void text(StringBuilder b, double x, double y, double size, String anchor, String weight, String color,
      String s) {
    b.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" font-size=\"").append(n(size)).append('"');
    if (!anchor.equals("start")) {
      b.append(" text-anchor=\"").append(anchor).append('"');
    }
    if (!weight.equals("normal")) {
      b.append(" font-weight=\"").append(weight).append('"');
    }
    b.append(" fill=\"").append(color).append("\">").append(esc(s)).append("</text>");
  }

  /** Coordinates to one decimal, so the document is stable and small. */
  static String n(double v) {
    String s = String.format(Locale.ROOT, "%.1f", v);
    if (s.endsWith(".0")) {
      s = s.substring(0, s.length() - 2);
    }
    return s.equals("-0") ? "0" : s;
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
