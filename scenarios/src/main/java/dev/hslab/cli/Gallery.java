package dev.hslab.cli;

import dev.hslab.actors.NetworkOptions;
import dev.hslab.actors.Simulations;
import dev.hslab.actors.Simulator;
import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.explore.ExploreOptions;
import dev.hslab.model.explore.Explorer;
import dev.hslab.model.handshake.ClientTable;
import dev.hslab.model.handshake.ServerTable;
import dev.hslab.model.trace.Trace;
import dev.hslab.output.OutputFiles;
import dev.hslab.output.diagram.PathGraph;
import dev.hslab.output.diagram.SequenceDiagram;
import dev.hslab.output.diagram.StateGraph;
import dev.hslab.output.report.HeadlessChromium;
import dev.hslab.scenario.NetworkGrammar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The README's gallery ({@code docs/gallery/}): both state machines, the valid paths of TLS 1.2,
 * the reference handshake's sequence diagram, and the demo's loss sweep as a chart, drawn from
 * the tables and real runs. The Graphviz pictures' DOT sources, the sequence diagram's SVG and
 * the charts' SVG (both drawn without Graphviz) are byte-stable, so a test regenerates them and
 * fails when the committed gallery is out of date; {@code hslab render gallery --out docs/gallery}
 * refreshes it, and photographs the reference run's interactive report ({@link #REPORT_PICTURE}).
 */
final class Gallery {

  /** The README's screenshot of the reference run's report.html, its ServerHello and cipher_suite picked. */
  static final String REPORT_PICTURE = "report-reference.png";

  /** A sequence diagram of the gallery: the trace and how to draw it. */
  record Sequence(Trace trace, SequenceDiagram.Options options) {}

  private Gallery() {}

  /** The pictures Graphviz draws, as DOT, by file name. */
  static Map<String, String> sources() throws UsageException {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("client-states", StateGraph.dot(ClientTable.TABLE,
        StateGraph.Options.defaults().withTitle("The client's state machine (RFC 5246 §7.3)")));
    out.put("server-states", StateGraph.dot(ServerTable.TABLE,
        StateGraph.Options.defaults().withTitle("The server's state machine (RFC 5246 §7.3)")));
    ConfigOptions tls12 = new ConfigOptions();
    tls12.version = "tls1.2";
    tls12.resume = "none";
    tls12.renegotiate = "none";
    out.put("paths-tls12", PathGraph.dot(Explorer.explore(ExploreOptions.of(ConfigFilter.of(tls12).connections())),
        PathGraph.Options.defaults().withTitle("Every valid TLS 1.2 full handshake, all key exchanges and client authentication")));
    return out;
  }

  /**
   * The ladder diagrams, by file name: the reference handshake as {@code hslab run} runs it,
   * through the actors over TCP and the default link (1 ms each way), so its arrows slope.
   */
  static Map<String, Sequence> sequences() {
    return Map.of("sequence-reference", new Sequence(reference(),
        SequenceDiagram.Options.defaults().withTitle("The reference handshake: TLS 1.2, ECDHE_RSA, 1 ms each way")));
  }

  /** The reference handshake through the actors over the default link and transport, as {@code hslab run} runs it. */
  private static Trace reference() {
    return Simulations.run(HandshakeConfig.reference(),
        NetworkOptions.perfect().withTransport(NetworkGrammar.DEFAULT_TRANSPORT)).get(0).trace();
  }

  /**
   * Writes the reference run's files into a temporary folder and photographs its report.html
   * with headless Chromium (the browser the report's browser test drives), the ServerHello and
   * its cipher_suite picked, into {@code png}.
   */
  static void photographReport(Path png) throws IOException {
    HandshakeConfig hc = HandshakeConfig.reference();
    Trace trace = reference();
    int serverHello = trace.sent().stream().filter(s -> s.message().type().equals("server_hello")).findFirst()
        .orElseThrow().n();
    Path dir = Files.createTempDirectory("hslab-gallery");
    try {
      OutputFiles.RunFiles f = OutputFiles.writeRun(hc, List.of(trace), hc.seed(), dir, OutputFiles.renderOptions());
      HeadlessChromium.screenshot(f.report(), "message=" + serverHello + "&field=cipher_suite", png, 1400, 1000);
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /**
   * The gallery's charts, SVG drawn by {@code output.chart} (no Graphviz source): the demo's loss
   * sweep of the reference handshake, seed 1. Byte-stable like the DOT sources.
   */
  static Map<String, String> charts() throws UsageException {
    Map<String, String> out = new LinkedHashMap<>();
    try (Simulator sim = Simulator.start()) {
      out.put("sweep-reference", DemoCommand.sweep(sim, 1).chart());
    }
    return out;
  }
}
