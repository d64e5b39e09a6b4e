package dev.hslab.cli;

import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.explore.ExploreOptions;
import dev.hslab.model.explore.Explorer;
import dev.hslab.model.handshake.ClientTable;
import dev.hslab.model.handshake.ServerTable;
import dev.hslab.actors.NetworkOptions;
import dev.hslab.actors.Simulations;
import dev.hslab.model.trace.Trace;
import dev.hslab.output.diagram.PathGraph;
import dev.hslab.output.diagram.SequenceDiagram;
import dev.hslab.output.diagram.StateGraph;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The README's gallery ({@code docs/gallery/}): both state machines, the valid paths of TLS 1.2,
 * and the reference handshake's sequence diagram, drawn from the tables and real runs. The
 * Graphviz pictures' DOT sources and the sequence diagram's SVG (drawn without Graphviz) are
 * byte-stable, so a test regenerates them and fails when the committed gallery is out of date;
 * {@code hslab render gallery --out docs/gallery} refreshes it.
 */
final class Gallery {

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
   * through the actors over the default link (1 ms each way), so its arrows slope.
   */
  static Map<String, Sequence> sequences() {
    Trace reference = Simulations.run(HandshakeConfig.reference(), NetworkOptions.perfect()).get(0).trace();
    return Map.of("sequence-reference", new Sequence(reference,
        SequenceDiagram.Options.defaults().withTitle("The reference handshake: TLS 1.2, ECDHE_RSA, 1 ms each way")));
  }
}
