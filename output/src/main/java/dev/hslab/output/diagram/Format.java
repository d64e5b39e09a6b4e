package dev.hslab.output.diagram;

import java.util.Locale;

/** What a diagram is written as: the Graphviz source, or rendered to SVG or PNG. */
public enum Format {
  SVG,
  PNG,
  /** The DOT source itself (docs/cli.md {@code --format dot}). */
  DOT;

  /** The file extension and CLI name, e.g. {@code svg}. */
  public String extension() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a CLI name ({@code svg}, {@code png}, {@code dot}), with a clear error otherwise. */
  public static Format parse(String name) {
    for (Format f : values()) {
      if (f.extension().equalsIgnoreCase(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown diagram format '" + name + "' (expected svg, png or dot)");
  }
}
