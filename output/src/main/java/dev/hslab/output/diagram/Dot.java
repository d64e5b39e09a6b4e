package dev.hslab.output.diagram;

/** Quoting for DOT sources (https://graphviz.org/doc/info/lang.html), so labels cannot break the syntax. */
final class Dot {

  private Dot() {}

  /** A double-quoted DOT string; a newline becomes a centered line break ({@code \n}). */
  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> { }
        default -> b.append(c);
      }
    }
    return b.append('"').toString();
  }

  /**
   * Text for an HTML-like label (https://graphviz.org/doc/info/shapes.html#html): the XML
   * escapes, ampersand first so no escape is escaped twice, and a line break for each newline.
   */
  static String html(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("\n", "<br/>");
  }
}
