package dev.hslab.output.report;

import java.util.Objects;

/**
 * A diagram in the report: its SVG, inlined so the page needs no other file, or why it could not
 * be rendered (a rendering failure does not cost the rest of the report).
 *
 * @param caption what it shows
 * @param svg the SVG document (an XML declaration and DOCTYPE are stripped when inlined), or null
 * @param problem why there is no SVG, or null
 */
public record Figure(String caption, String svg, String problem) {

  public Figure {
    Objects.requireNonNull(caption, "caption");
    if ((svg == null) == (problem == null)) {
      throw new IllegalArgumentException("a figure has either an SVG or a problem");
    }
  }

  public static Figure of(String caption, String svg) {
    return new Figure(caption, svg, null);
  }

  public static Figure failed(String caption, String problem) {
    return new Figure(caption, null, problem);
  }

  /** The SVG's root element and what follows, ready to sit inside an HTML body. */
  String inlineSvg() {
    int root = svg.indexOf("<svg");
    if (root < 0) {
      throw new IllegalArgumentException("not an SVG document: " + caption);
    }
    return svg.substring(root).strip();
  }
}
