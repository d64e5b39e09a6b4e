package dev.hslab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hslab.model.explore.Configuration;
import dev.hslab.model.explore.ExplorationReport;
import dev.hslab.model.explore.ExploreOptions;
import dev.hslab.model.explore.Explorer;
import dev.hslab.model.handshake.ClientTable;
import dev.hslab.model.handshake.DtlsClientTable;
import dev.hslab.model.handshake.DtlsServerTable;
import dev.hslab.model.handshake.ServerTable;
import dev.hslab.model.handshake.Side;
import dev.hslab.output.OutputFiles;
import dev.hslab.output.diagram.Format;
import dev.hslab.output.diagram.PathGraph;
import dev.hslab.output.diagram.RenderException;
import dev.hslab.output.diagram.Renderer;
import dev.hslab.output.diagram.SequenceDiagram;
import dev.hslab.output.diagram.StateGraph;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hslab render states|paths}: each role's state machine drawn from its transition table,
 * or the union graph of the valid paths of the configurations the flags select.
 */
@Command(name = "render", sortOptions = false,
    description = {
      "Draws state machines (from the transition tables) or the union of the valid message paths",
      "of the explored configurations, as SVG, PNG or Graphviz DOT. Prints the files written."},
    footerHeading = "%nExamples:%n",
    footer = {
      "  hslab render states                        client-states.svg and server-states.svg",
      "  hslab render states --side server --format png --out docs/",
      "  hslab render states --protocol dtls           dtls-client-states.svg and dtls-server-states.svg",
      "  hslab render paths --version tls1.2 --kex ecdhe_rsa",
      "  hslab render paths --kex psk --resume ticket --format dot --json",
      "  hslab render gallery --out docs/gallery    refresh the README's gallery",
      "",
      "In 'render paths' a configuration flag left out means all its values; 'render states' draws",
      "the tables, which are the same for every configuration. Native Graphviz 'dot' is used when",
      "installed, else the embedded engine.",
      "",
      "Exit codes: 0 written, 1 a diagram could not be rendered, 2 bad usage or bad input."
    })
final class RenderCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "states|paths|gallery",
      description = "what to draw (gallery: the README's pictures, with their DOT sources, and its chart as SVG)")
  String what;

  @Mixin ConfigOptions options;

  @Option(names = "--format", paramLabel = "F", description = "svg, png or dot (default ${DEFAULT-VALUE})", defaultValue = "svg")
  String format;

  @Option(names = "--side", paramLabel = "S", description = "states only: client or server (default both)")
  String side;

  @Option(names = "--out", paramLabel = "DIR", description = "where to write (default ${DEFAULT-VALUE})", defaultValue = "hslab-out")
  Path out;

  @Option(names = "--json", description = "one JSON document on stdout: the files written")
  boolean json;

  @Mixin HelpFlag help;

  @Override
  public Integer call() throws Exception {
    Format f;
    try {
      f = Format.parse(format);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--format: " + e.getMessage());
    }
    Map<String, String> sources = new LinkedHashMap<>();
    Map<String, Gallery.Sequence> sequences = new LinkedHashMap<>();
    ObjectNode doc = JSON.createObjectNode();
    doc.put("what", what.toLowerCase(Locale.ROOT));
    doc.put("format", f.extension());
    switch (what.toLowerCase(Locale.ROOT)) {
      case "states" -> states(sources);
      case "paths" -> paths(sources, doc);
      case "gallery" -> {
        options.tlsOnly();
        sources.putAll(Gallery.sources());
        sequences.putAll(Gallery.sequences());
      }
      default -> throw new UsageException("unknown diagram '" + what + "' (allowed: states, paths, gallery)");
    }
    Files.createDirectory(out);
    List<Path> written = new ArrayList<>();
    try (Renderer r = f == Format.DOT ? null : Renderer.open(OutputFiles.renderOptions())) {
      for (Map.Entry<String, String> e : sources.entrySet()) {
        Path file = out.resolve(e.getKey() + "." + f.extension());
        byte[] bytes = r == null ? e.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8) : r.render(e.getValue(), f);
        write(file, bytes);
        written.add(file);
        if (what.equalsIgnoreCase("gallery") && f != Format.DOT) {
          // The gallery keeps its sources beside the pictures; a test compares them with fresh ones.
          Path dot = out.resolve(e.getKey() + ".dot");
          write(dot, e.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
          written.add(dot);
        }
      }
      // Sequence diagrams are ladders drawn without Graphviz; as DOT they are the Graphviz grid.
      for (Map.Entry<String, Gallery.Sequence> e : sequences.entrySet()) {
        Gallery.Sequence q = e.getValue();
        Path file = out.resolve(e.getKey() + "." + f.extension());
        write(file, switch (f) {
          case SVG -> SequenceDiagram.svg(q.trace(), q.options(), 1).getBytes(java.nio.charset.StandardCharsets.UTF_8);
          case PNG -> SequenceDiagram.png(q.trace(), q.options(), 1);
          case DOT -> SequenceDiagram.dot(q.trace(), q.options()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        });
        written.add(file);
      }
    } catch (RenderException e) {
      spec.commandLine().getErr().println("hslab render: " + e.getMessage());
      return Hslab.FAILED;
    }
    if (what.equalsIgnoreCase("gallery")) {
      // The charts are SVG drawn by our own code, with no DOT source: SVG whatever --format says.
      for (Map.Entry<String, String> e : Gallery.charts().entrySet()) {
        Path file = out.resolve(e.getKey() + ".svg");
        write(file, e.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        written.add(file);
      }
    }
    if (what.equalsIgnoreCase("gallery") && f != Format.DOT) {
      // The README's picture of report.html, photographed by headless Chromium as the browser test opens it.
      Path png = out.resolve(Gallery.REPORT_PICTURE);
      try {
        Gallery.photographReport(png);
        written.add(png);
      } catch (IOException e) {
        spec.commandLine().getErr().println("hslab render: " + Gallery.REPORT_PICTURE + " not refreshed: " + e.getMessage());
      }
    }
    PrintWriter w = spec.commandLine().getOut();
    if (json) {
      ArrayNode files = doc.putArray("files");
      written.forEach(p -> files.add(p.toString()));
      w.println(doc.toPrettyString());
    } else {
      written.forEach(w::println);
    }
    w.flush();
    return Hslab.OK;
  }

  private void states(Map<String, String> sources) throws UsageException {
    Side only = side == null ? null : ConfigOptions.parseEnum("--side", side, Side.class);
    boolean dtls = options.dtls();
    // RFC 6347 §4.2: the DTLS tables are the TLS ones with the cookie exchange; drawn under their own names.
    String prefix = dtls ? "dtls-" : "";
    if (only != Side.SERVER) {
      sources.put(prefix + "client-states", StateGraph.dot(dtls ? DtlsClientTable.TABLE : ClientTable.TABLE,
          StateGraph.Options.defaults()));
    }
    if (only != Side.CLIENT) {
      sources.put(prefix + "server-states", StateGraph.dot(dtls ? DtlsServerTable.TABLE : ServerTable.TABLE,
          StateGraph.Options.defaults()));
    }
  }

  private void paths(Map<String, String> sources, ObjectNode doc) throws UsageException {
    if (side != null) {
      throw new UsageException("--side applies to 'render states' only");
    }
    List<Configuration> configs = ConfigFilter.of(options).connections();
    int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    ExplorationReport report = Explorer.explore(ExploreOptions.of(configs).withThreads(threads));
    doc.put("configurations", report.configurations());
    doc.put("paths", report.distinctPaths().size());
    sources.put("paths", PathGraph.dot(report, PathGraph.Options.defaults()));
  }

  private static void write(Path file, byte[] bytes) throws UsageException {
    try {
      java.nio.file.Files.write(file, bytes);
    } catch (IOException e) {
      throw new UsageException("--out: cannot write " + file + ": " + e.getMessage());
    }
  }
}
