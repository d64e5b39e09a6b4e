package dev.hslab.cli;

import dev.hslab.actors.Simulator;
import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.explore.ExploreOptions;
import dev.hslab.model.explore.Explorer;
import dev.hslab.model.handshake.ClientTable;
import dev.hslab.model.handshake.ServerTable;
import dev.hslab.model.loopback.LoopbackRun;
import dev.hslab.output.diagram.PathGraph;
import dev.hslab.output.diagram.SequenceDiagram;
import dev.hslab.output.diagram.StateGraph;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The README's gallery ({@code docs/gallery/}): both state machines, the valid paths of TLS 1.2,
 * the reference handshake's sequence diagram, and the demo's loss sweep as a chart, drawn from
 * the tables and real runs. Its DOT
 * sources are byte-stable, so a test regenerates them and fails when the committed gallery is
 * out of date; {@code hslab render gallery --out docs/gallery} refreshes it.
 */
final class Gallery {

  private Gallery() {}

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
    out.put("sequence-reference", SequenceDiagram.dot(LoopbackRun.run(HandshakeConfig.reference()).get(0).trace(),
        SequenceDiagram.Options.defaults().withTitle("The reference handshake: TLS 1.2, ECDHE_RSA")));
    return out;
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
