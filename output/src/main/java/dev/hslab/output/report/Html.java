package dev.hslab.output.report;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small XHTML writer: the report is well-formed XML (so a test can parse it with the JDK's
 * parser) and HTML5 at the same time (so a browser reads it offline). Only character references
 * are written, never named entities like {@code &nbsp;} that XML does not know, and only void
 * elements are self-closed ({@code <div/>} would be an open tag to an HTML parser).
 */
final class Html {

  private final StringBuilder b = new StringBuilder();
  private final Deque<String> open = new ArrayDeque<>();

  /** Opens {@code tag} with attributes given as name, value pairs (a null value leaves it out). */
  Html open(String tag, String... attributes) {
    b.append('<').append(tag);
    attributes(attributes);
    b.append('>');
    open.push(tag);
    return this;
  }

  Html close() {
    b.append("</").append(open.pop()).append('>');
    return this;
  }

  /** An element holding only text. */
  Html element(String tag, String text, String... attributes) {
    return open(tag, attributes).text(text).close();
  }

  /** A void element such as {@code <meta/>} or {@code <br/>}. */
  Html empty(String tag, String... attributes) {
    b.append('<').append(tag);
    attributes(attributes);
    b.append("/>");
    return this;
  }

  Html text(String s) {
    escape(s == null ? "" : s, false);
    return this;
  }

  /** Markup that is already well-formed (an SVG document's root element, a stylesheet). */
  Html raw(String markup) {
    b.append(markup);
    return this;
  }

  Html newline() {
    b.append('\n');
    return this;
  }

  String finish() {
    if (!open.isEmpty()) {
      throw new IllegalStateException("unclosed elements: " + open);
    }
    return b.toString();
  }

  private void attributes(String[] attributes) {
    if (attributes.length % 2 != 0) {
      throw new IllegalArgumentException("attributes come in name, value pairs");
    }
    for (int i = 0; i < attributes.length; i += 2) {
      if (attributes[i + 1] != null) {
        b.append(' ').append(attributes[i]).append("=\"");
        escape(attributes[i + 1], true);
        b.append('"');
      }
    }
  }

  private void escape(String s, boolean attribute) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append(attribute ? "&quot;" : "\"");
        default -> {
          // XML 1.0 §2.2 forbids most control characters even as references: drop them.
          if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
            b.append(c);
          }
        }
      }
    }
  }
}
