package dev.hslab.output;

import dev.hslab.output.diagram.Format;
import dev.hslab.output.diagram.RenderException;
import dev.hslab.output.diagram.RenderOptions;
import dev.hslab.output.diagram.Renderer;
import dev.hslab.output.report.Figure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each diagram's DOT source, then renders it to SVG with one renderer for all (the
 * embedded engine costs a second to start). A picture drawn without Graphviz (the ladder
 * diagram) comes with its SVG and needs no engine; the engine is started only when some picture
 * needs it. A failure to start the engine or to render one picture is recorded, not thrown: the
 * other files still get written.
 */
final class Diagrams {

  private static final Logger LOG = LoggerFactory.getLogger(Diagrams.class);

  /**
   * One picture: {@code name}.dot and {@code name}.svg; {@code svg} is the picture when it is
   * drawn without Graphviz (then {@code dot} is only written beside it), else null.
   */
  record Job(String name, String caption, String dot, String svg) {

    Job(String name, String caption, String dot) {
      this(name, caption, dot, null);
    }
  }

  /** Per job, in order: the SVG file or null, and the figure for the report; then the problems. */
  record Result(List<Path> svgs, List<Figure> figures, List<String> problems) {}

  private Diagrams() {}

  static Result write(List<Job> jobs, Path dir, RenderOptions options) throws IOException {
    for (Job j : jobs) {
      Files.writeString(dir.resolve(j.name() + ".dot"), j.dot(), StandardCharsets.UTF_8);
    }
    List<Path> svgs = new ArrayList<>();
    List<Figure> figures = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Renderer renderer = null;
    String cannotStart = null;
    if (jobs.stream().anyMatch(j -> j.svg() == null)) {
      try {
        renderer = Renderer.open(options);
      } catch (RenderException e) {
        cannotStart = e.getMessage();
        problems.add("diagrams not rendered (the .dot files are written): " + cannotStart);
      }
    }
    try {
      for (Job j : jobs) {
        if (j.svg() != null) {
          Path file = dir.resolve(j.name() + ".svg");
          Files.writeString(file, j.svg(), StandardCharsets.UTF_8);
          svgs.add(file);
          figures.add(Figure.of(j.caption(), j.svg()));
          continue;
        }
        if (renderer == null) {
          svgs.add(null);
          figures.add(Figure.failed(j.caption(), cannotStart + "; see " + j.name() + ".dot"));
          continue;
        }
        try {
          String svg = new String(renderer.render(j.dot(), Format.SVG), StandardCharsets.UTF_8);
          Path file = dir.resolve(j.name() + ".svg");
          Files.writeString(file, svg, StandardCharsets.UTF_8);
          svgs.add(file);
          figures.add(Figure.of(j.caption(), svg));
        } catch (RenderException e) {
          LOG.debug("rendering {} failed", j.name(), e);
          problems.add(j.name() + ".svg not rendered: " + e.getMessage());
          svgs.add(null);
          figures.add(Figure.failed(j.caption(), e.getMessage() + "; see " + j.name() + ".dot"));
        }
      }
    } finally {
      if (renderer != null) {
        renderer.close();
      }
    }
    return new Result(svgs, figures, problems);
  }
}
