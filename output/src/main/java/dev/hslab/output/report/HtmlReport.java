package dev.hslab.output.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An HTML report of runs, explorations, fault matrices and conformance checks, readable offline:
 * the stylesheet and every diagram (SVG) are inside the one file, and nothing is loaded from
 * anywhere else. Links to the run's other files (pcap, key log, JSON Lines) are relative, so the
 * folder can be moved or archived whole.
 *
 * <p>The page is XHTML-compatible HTML5: a browser reads it as HTML, and an XML parser reads it
 * too, which is how the tests check its structure. A report is an immutable value; each
 * {@code with...} returns a new one with a section added at the end.
 */
public final class HtmlReport {

  private sealed interface Section {}

  private record Run(RunView view) implements Section {}

  private record Exploration(ExplorationView view) implements Section {}

  private record Faults(List<FaultMatrixRow> rows) implements Section {}

  private record Conformance(List<ConformanceRow> rows) implements Section {}

  private final String title;
  private final List<Section> sections;

  private HtmlReport(String title, List<Section> sections) {
    this.title = title;
    this.sections = List.copyOf(sections);
  }

  public static HtmlReport titled(String title) {
    return new HtmlReport(Objects.requireNonNull(title, "title"), List.of());
  }

  public HtmlReport withRun(RunView run) {
    return with(new Run(Objects.requireNonNull(run, "run")));
  }

  public HtmlReport withExploration(ExplorationView exploration) {
    return with(new Exploration(Objects.requireNonNull(exploration, "exploration")));
  }

  public HtmlReport withFaultMatrix(List<FaultMatrixRow> rows) {
    return with(new Faults(List.copyOf(rows)));
  }

  public HtmlReport withConformance(List<ConformanceRow> rows) {
    return with(new Conformance(List.copyOf(rows)));
  }

  private HtmlReport with(Section s) {
    List<Section> out = new ArrayList<>(sections);
    out.add(s);
    return new HtmlReport(title, out);
  }

  public void write(Path file) throws IOException {
    Files.writeString(file, html(), StandardCharsets.UTF_8);
  }

  /** The whole page. */
  public String html() {
    Html h = new Html();
    h.raw("<!DOCTYPE html>\n");
    h.open("html", "xmlns", "http://www.w3.org/1999/xhtml", "lang", "en").newline();
    h.open("head").newline();
    h.empty("meta", "charset", "utf-8").newline();
    h.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1").newline();
    h.element("title", title).newline();
    h.open("style").raw(stylesheet()).close().newline();
    h.close().newline();
    h.open("body").newline();
    h.open("header").element("h1", title).newline();
    contents(h);
    h.close().newline();
    h.open("main").newline();
    for (int i = 0; i < sections.size(); i++) {
      String id = id(i);
      Section s = sections.get(i);
      if (s instanceof Run r) {
        RunHtml.write(h, id, r.view());
      } else if (s instanceof Exploration e) {
        ExplorationHtml.write(h, id, e.view());
      } else if (s instanceof Faults f) {
        TablesHtml.faultMatrix(h, id, f.rows());
      } else if (s instanceof Conformance c) {
        TablesHtml.conformance(h, id, c.rows());
      }
    }
    h.close().newline();
    h.open("footer").text("Written by Handshake Lab (hslab). Diagrams are drawn from the transition tables and traces; "
        + "message names are the RFC's.").close().newline();
    if (sections.stream().anyMatch(s -> s instanceof Run || s instanceof Exploration)) {
      // CDATA so that XML parsers read the page too; in HTML the markers are script comments.
      h.open("script").raw("//<![CDATA[\n" + resource("report.js") + "//]]>\n").close().newline();
    }
    h.close().newline().close().newline();
    return h.finish();
  }

  private void contents(Html h) {
    if (sections.size() < 2) {
      return;
    }
    h.open("nav").open("ul");
    for (int i = 0; i < sections.size(); i++) {
      h.open("li").element("a", heading(sections.get(i)), "href", "#" + id(i)).close();
    }
    h.close().close().newline();
  }

  private static String heading(Section s) {
    if (s instanceof Run r) {
      return r.view().title();
    } else if (s instanceof Exploration e) {
      return e.view().title();
    } else if (s instanceof Faults) {
      return "Fault matrix";
    }
    return "Conformance";
  }

  private static String id(int i) {
    return "s" + (i + 1);
  }

  private static String stylesheet() {
    return "\n" + resource("report.css");
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the output module's resources");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }
}
