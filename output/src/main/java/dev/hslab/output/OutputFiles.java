package dev.hslab.output;

import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.explore.ExplorationReport;
import dev.hslab.model.handshake.ClientTable;
import dev.hslab.model.handshake.ServerTable;
import dev.hslab.model.trace.Trace;
import dev.hslab.output.capture.KeyLog;
import dev.hslab.output.capture.Pcap;
import dev.hslab.output.diagram.PathGraph;
import dev.hslab.output.diagram.RenderOptions;
import dev.hslab.output.diagram.SequenceDiagram;
import dev.hslab.output.diagram.StateGraph;
import dev.hslab.output.report.ExplorationView;
import dev.hslab.output.report.Figure;
import dev.hslab.output.report.FileLink;
import dev.hslab.output.report.HtmlReport;
import dev.hslab.output.report.RunView;
import dev.hslab.output.trace.JsonLines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files a command leaves in {@code --out} (docs/cli.md): for a run the JSON Lines trace, the
 * sequence diagram (SVG and DOT), the capture and its key log, and the HTML report; for an
 * exploration the path graph, both state machines and the report. A diagram that cannot be
 * rendered costs only itself: its DOT is still written, the report says why the picture is
 * missing, and the reason is in {@code problems}. Anything else that cannot be written (the folder,
 * a full disk) is an {@link IOException}.
 */
public final class OutputFiles {

  /**
   * What {@link #writeRun} wrote. A path is null when that file could not be made.
   *
   * @param sequenceSvgs one per connection: {@code sequence.svg}, then {@code sequence-2.svg} for
   *     the resumed connection
   * @param problems what went wrong, one line each (rendering failures)
   */
  public record RunFiles(Path trace, Path sequenceSvg, Path sequenceDot, Path pcap, Path keylog, Path report,
      List<Path> sequenceSvgs, List<String> problems) {

    public RunFiles {
      sequenceSvgs = java.util.Collections.unmodifiableList(new ArrayList<>(sequenceSvgs));
      problems = List.copyOf(problems);
    }
  }

  /** What {@link #writeExploration} wrote; a diagram path is null when it could not be rendered. */
  public record ExplorationFiles(Path paths, Path clientStates, Path serverStates, Path report, List<String> problems) {

    public ExplorationFiles {
      problems = List.copyOf(problems);
    }
  }

  private OutputFiles() {}

  /**
   * Rendering options for output folders: native Graphviz if installed, else the embedded engine
   * with its native library extracted under the system's temporary folder (not the home folder,
   * and not the output folder, which should hold only results).
   */
  public static RenderOptions renderOptions() {
    return RenderOptions.defaults().withEmbeddedLibraryDir(Path.of(System.getProperty("java.io.tmpdir"), "hslab-j2v8-" + System.getProperty("user.name")));
  }

  /**
   * Writes a run's files into {@code dir} (created if needed).
   *
   * @param config the configuration that was run, for the report; null if there is none
   * @param connections the run's connections in order (two with resumption)
   * @param seed the run's seed: it picks the capture's client port
   */
  public static RunFiles writeRun(HandshakeConfig config, List<Trace> connections, long seed, Path dir,
      RenderOptions render) throws IOException {
    if (connections.isEmpty()) {
      throw new IllegalArgumentException("a run has at least one connection");
    }
    Files.createDirectories(dir);
    Path trace = dir.resolve("trace.jsonl");
    JsonLines.write(connections, trace);
    Path pcap = dir.resolve("capture.pcap");
    Pcap.write(connections, seed, pcap);
    Path keylog = dir.resolve("keys.log");
    KeyLog.write(concatenated(connections), keylog);

    List<Diagrams.Job> jobs = new ArrayList<>();
    int first = 1; // hslab run numbers the messages of all connections in one sequence
    for (int k = 0; k < connections.size(); k++) {
      String name = k == 0 ? "sequence" : "sequence-" + (k + 1);
      String caption = connections.size() == 1 ? "Sequence diagram"
          : "Sequence diagram of connection " + (k + 1) + (k == 0 ? " (full handshake)" : " (resumed)");
      Trace t = connections.get(k);
      jobs.add(new Diagrams.Job(name, caption, SequenceDiagram.dot(t, SequenceDiagram.Options.defaults()),
          SequenceDiagram.svg(t, SequenceDiagram.Options.defaults(), first)));
      first += t.sent().size();
    }
    Diagrams.Result d = Diagrams.write(jobs, dir, render);

    List<FileLink> links = new ArrayList<>(List.of(
        new FileLink("the trace, one JSON event per line", trace.getFileName().toString()),
        new FileLink("packet capture for Wireshark or tshark", pcap.getFileName().toString()),
        new FileLink("key log (SSLKEYLOGFILE) to decrypt the capture", keylog.getFileName().toString())));
    for (Diagrams.Job j : jobs) {
      links.add(new FileLink((j.svg() != null ? "Graphviz grid version of the " : "Graphviz source of the ")
          + j.caption().toLowerCase(java.util.Locale.ROOT), j.name() + ".dot"));
    }
    RunView view = new RunView("Run", config, null, connections, d.figures(), links);
    Path report = dir.resolve("report.html");
    HtmlReport.titled("Handshake Lab: run" + (config == null ? "" : " (seed " + seed + ")")).withRun(view).write(report);
    return new RunFiles(trace, d.svgs().get(0), dir.resolve("sequence.dot"), pcap, keylog, report, d.svgs(), d.problems());
  }

  /**
   * Writes an exploration's diagrams and report into {@code dir} ({@code explore.json} is the
   * command line's). The state machines are drawn from the real tables.
   *
   * @param scope the configurations explored, in words; null for the whole space
   */
  public static ExplorationFiles writeExploration(ExplorationReport report, String scope, Path dir, RenderOptions render)
      throws IOException {
    Files.createDirectories(dir);
    List<Diagrams.Job> jobs = List.of(
        new Diagrams.Job("paths", "Union of the valid paths (edge labels: how many distinct message sequences take the step)",
            PathGraph.dot(report, PathGraph.Options.defaults())),
        new Diagrams.Job("client-states", "The client's state machine, drawn from its transition table",
            StateGraph.dot(ClientTable.TABLE, StateGraph.Options.defaults())),
        new Diagrams.Job("server-states", "The server's state machine, drawn from its transition table",
            StateGraph.dot(ServerTable.TABLE, StateGraph.Options.defaults())));
    Diagrams.Result d = Diagrams.write(jobs, dir, render);
    List<Figure> f = d.figures();
    Path html = dir.resolve("report.html");
    HtmlReport.titled("Handshake Lab: exploration")
        .withExploration(new ExplorationView("Exploration", scope, report, f.get(0), f.get(1), f.get(2)))
        .write(html);
    return new ExplorationFiles(d.svgs().get(0), d.svgs().get(1), d.svgs().get(2), html, d.problems());
  }

  /** All connections' events in one trace, for the key log (one line per distinct handshake). */
  private static Trace concatenated(List<Trace> connections) {
    List<dev.hslab.model.trace.TraceEvent> all = new ArrayList<>();
    for (Trace t : connections) {
      all.addAll(t.events());
    }
    return new Trace(all, connections.get(connections.size() - 1).outcome());
  }
}
