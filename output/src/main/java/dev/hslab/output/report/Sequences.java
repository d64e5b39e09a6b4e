package dev.hslab.output.report;

import java.util.List;

/** A message sequence ({@code side.type} labels) as a compact line of coloured chips. */
final class Sequences {

  private Sequences() {}

  /** Writes the chips; those from {@code differFrom} on are marked as differing (-1 for none). */
  static void write(Html h, List<String> labels, int differFrom) {
    h.open("span", "class", "seq");
    for (int i = 0; i < labels.size(); i++) {
      String l = labels.get(i);
      int dot = l.indexOf('.');
      String side = dot > 0 ? l.substring(0, dot) : "";
      String type = dot > 0 ? l.substring(dot + 1) : l;
      String cls = "msg " + side + (differFrom >= 0 && i >= differFrom ? " diff" : "");
      h.element("span", (side.equals("client") ? "C\u2192 " : side.equals("server") ? "\u2190S " : "") + type,
          "class", cls, "title", l);
      h.text(" ");
    }
    h.close();
  }

  /** The first index where the two sequences differ, or -1 when they are equal. */
  static int firstDifference(List<String> a, List<String> b) {
    int n = Math.min(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      if (!a.get(i).equals(b.get(i))) {
        return i;
      }
    }
    return a.size() == b.size() ? -1 : n;
  }
}
