package dev.hslab.output.diagram;

/**
 * How wide a line of text is in Helvetica, from Adobe's Helvetica AFM widths (per 1000 units of
 * the font size). Pictures drawn without Graphviz lay their text out with these, so the layout is
 * the same on every machine (no installed font is asked); browsers draw Helvetica or a metric
 * twin (Liberation Sans, Nimbus Sans, Arial) with these widths.
 */
final class TextWidth {

  /** Widths of the printable ASCII characters 32 (space) to 126 (~). */
  private static final int[] ASCII = {
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space to /
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 to ?
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ to O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P to _
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` to o
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584 // p to ~
  };

  /** Bold Helvetica, for the few bold labels (flight names, lifeline heads). */
  private static final int[] ASCII_BOLD = {
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584
  };

  private TextWidth() {}

  /** The width of {@code text} at {@code size} pixels. */
  static double of(String text, double size, boolean bold) {
    int[] table = bold ? ASCII_BOLD : ASCII;
    double units = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 32 && c <= 126) {
        units += table[c - 32];
      } else {
        units += switch (c) {
          case '\u2026' -> 1000; // ellipsis
          case '\u00b7', '\u2032' -> 278; // middle dot, prime
          case '\u00a7' -> 556; // section sign
          default -> 584; // multiplication sign, approximately, arrows
        };
      }
    }
    return units * size / 1000;
  }
}
