package dev.hslab.output.diagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hslab.model.explore.Configuration;
import dev.hslab.model.explore.ExplorationReport;
import dev.hslab.model.explore.ValidPath;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.output.testkit.Explorations;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The union graph of valid paths: counts, places and optional marks, checked against the paths themselves. */
class PathGraphTest {

  private static final Pattern EDGE = Pattern.compile("^  (\\w+) -> (\\w+) \\[label=\"(\\d+)\"", Pattern.MULTILINE);

  private static Map<List<String>, Integer> edges(String dot) {
    Map<List<String>, Integer> out = new LinkedHashMap<>();
    Matcher m = EDGE.matcher(dot);
    while (m.find()) {
      out.put(List.of(m.group(1), m.group(2)), Integer.parseInt(m.group(3)));
    }
    return out;
  }

  @Test
  void referenceHandshakeIsOneChainUsedByOnePathOrByEachConfiguration() {
    ExplorationReport r = Explorations.reference();
    assertThat(r.paths()).hasSize(2); // client closes, server closes: same messages
    Map<List<String>, Integer> distinct = edges(PathGraph.dot(r, PathGraph.Options.defaults()));
    assertThat(distinct).hasSize(11).containsValues(1).doesNotContainValue(2);
    assertThat(distinct).containsEntry(List.of("start", "h1_client_client_hello"), 1)
        .containsEntry(List.of("h1_server_server_key_exchange", "h1_server_server_hello_done"), 1)
        .containsEntry(List.of("h1_server_finished", "end"), 1);
    Map<List<String>, Integer> perConfig = edges(PathGraph.dot(r, PathGraph.Options.defaults().withPerConfiguration(true)));
    assertThat(perConfig.keySet()).isEqualTo(distinct.keySet());
    assertThat(perConfig.values()).containsOnly(2);
  }

  @Test
  void everyEdgeCountIsTheNumberOfDistinctPathsWithThatStepAndFlowIsConserved() {
    ExplorationReport r = Explorations.tls12EcdheRsa();
    List<List<String>> paths = r.distinctPaths();
    assertThat(paths.size()).isGreaterThan(10);
    Map<List<String>, Integer> edges = edges(PathGraph.dot(r, PathGraph.Options.defaults()));
    // Independent count: each path's steps as (place, place) pairs.
    Map<List<String>, Integer> expected = new HashMap<>();
    for (List<String> p : paths) {
      List<PathNode> nodes = PathNode.place(p);
      String prev = "start";
      for (PathNode n : nodes) {
        expected.merge(List.of(prev, n.id()), 1, Integer::sum);
        prev = n.id();
      }
      expected.merge(List.of(prev, "end"), 1, Integer::sum);
    }
    assertThat(edges).isEqualTo(expected);
    Map<String, Integer> balance = new HashMap<>();
    edges.forEach((e, n) -> {
      balance.merge(e.get(0), -n, Integer::sum);
      balance.merge(e.get(1), n, Integer::sum);
    });
    balance.forEach((node, b) -> {
      if (node.equals("start")) {
        assertThat(b).isEqualTo(-paths.size());
      } else if (node.equals("end")) {
        assertThat(b).isEqualTo(paths.size());
      } else {
        assertThat(b).as("in = out at %s", node).isZero();
      }
    });
  }

  @Test
  void renegotiationGetsItsOwnPlacesAndOptionalMessagesAreBracketedAndDashed() {
    String dot = PathGraph.dot(Explorations.tls12EcdheRsa(), PathGraph.Options.defaults());
    assertThat(dot).contains("subgraph cluster_handshake_2", "label=\"renegotiation 1\"")
        .contains("h1_server_finished -> h2_server_hello_request")
        .contains("h2_server_hello_request -> h2_client_client_hello")
        .contains("h2_server_hello_request -> h2_client_no_renegotiation")
        .contains("h2_server_no_renegotiation [label=\"server.no_renegotiation\"")
        .contains("h1_server_certificate_request [label=\"[server.certificate_request]\", fillcolor=\"#e3f1e0\", style=\"rounded,filled,dashed\"]")
        .contains("h1_client_certificate_verify [label=\"[client.certificate_verify]\"")
        .contains("h1_server_server_hello [label=\"server.server_hello\", fillcolor=\"#e3f1e0\"];");
    assertThat(dot).doesNotContain("h3_");
  }

  @Test
  void titleSaysHowManyPathsAndConfigurations() {
    ExplorationReport r = Explorations.reference();
    assertThat(PathGraph.dot(r, PathGraph.Options.defaults()))
        .contains("label=\"valid paths: 1 distinct message sequences from 2 configurations\"");
    assertThat(PathGraph.dot(r, PathGraph.Options.defaults().withTitle("mine"))).contains("label=\"mine\"");
  }

  @Test
  void pathsFilteredByTheCallerDrawOnlyTheirMessages() {
    ExplorationReport r = Explorations.tls12EcdheRsa();
    List<ValidPath> noAuth = r.paths().stream().filter(p -> !p.messages().contains("server.certificate_request")).toList();
    String dot = PathGraph.dot(noAuth, PathGraph.Options.defaults());
    assertThat(dot).doesNotContain("certificate_request", "certificate_verify");
  }

  @Test
  void aLabelWithoutSideIsAClearError() {
    Configuration c = Configuration.of(ProtocolVersion.TLS12, KeyExchange.RSA);
    assertThatThrownBy(() -> PathGraph.dot(List.of(new ValidPath(c, List.of("client_hello"))), PathGraph.Options.defaults()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'client_hello'");
  }
}
