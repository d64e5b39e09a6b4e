package dev.hslab.output.report;

/** A figure: the inline SVG with its caption, or a note saying why it is missing. */
final class FigureHtml {

  private FigureHtml() {}

  static void write(Html h, Figure f) {
    if (f == null) {
      return;
    }
    h.open("figure").newline();
    if (f.svg() != null) {
      h.open("div", "class", "svg").raw(f.inlineSvg()).close().newline();
    } else {
      h.element("p", "Diagram not rendered: " + f.problem(), "class", "note fail").newline();
    }
    h.element("figcaption", f.caption()).close().newline();
  }
}
