package dev.hslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.explore.Configuration;
import dev.hslab.model.explore.ConfigurationSpace;
import dev.hslab.model.explore.ExplorationReport;
import dev.hslab.model.explore.ExploreOptions;
import dev.hslab.model.explore.Explorer;
import dev.hslab.model.explore.ValidPath;
import dev.hslab.model.handshake.ClientAuth;
import dev.hslab.model.handshake.ClientTable;
import dev.hslab.model.handshake.Renegotiation;
import dev.hslab.model.handshake.Resumption;
import dev.hslab.model.handshake.ServerTable;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.output.OutputFiles;
import dev.hslab.output.diagram.Layout;
import dev.hslab.output.diagram.PathGraph;
import dev.hslab.output.diagram.Renderer;
import dev.hslab.output.diagram.StateGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * No label of a published diagram lies on another label or on a node (issue 20): every diagram
 * of the gallery and every one {@code hslab render states|paths} draws, for every combination of
 * the configuration flags the command accepts, is laid out by the engine the command uses (the
 * native {@code dot} when installed, else the embedded one; CI has only the embedded one) and its
 * boxes are measured from Graphviz's JSON output ({@link Layout} says how each box is found).
 * Nor may an edge run through another edge's label or through a node it does not join (the
 * complaint about the old state machines: self-loops drawn across their labels). A failure names
 * the diagram, the engine and the two boxes or the edge and the box. (The gallery's sequence
 * diagram is a ladder drawn without Graphviz; {@link LadderDiagramTest} measures it.)
 *
 * <p>The flag combinations are many (each of --version, --kex, --client-auth, --resume and
 * --renegotiate left out or set to each of its values, and every --client-versions and
 * --server-versions range with each --kex; --client-cert, --psk-hint and --suite only narrow
 * these further and are not combined, to keep the test to minutes) but select far fewer distinct
 * sets of configurations (2,720 today), and those fewer distinct diagrams (622): the test
 * explores the whole space once, builds each selection's diagram from its
 * configurations' paths (what the command's own exploration of just those gives, which
 * {@link #theCommandDrawsWhatThisTestLaysOut} checks), and lays out each distinct diagram once.
 */
class DiagramOverlapTest {

  private static Renderer renderer;

  @TempDir Path dir;

  @BeforeAll
  static void open() {
    renderer = Renderer.open(OutputFiles.renderOptions());
  }

  @AfterAll
  static void close() {
    renderer.close();
  }

  @Test
  void noLabelOverlapsAnotherOrANodeOrAnEdgeInTheGallery() throws Exception {
    Map<String, String> diagrams = new LinkedHashMap<>(Gallery.sources());
    assertThat(overlaps(diagrams)).as(engine()).isEmpty();
  }

  @Test
  void noLabelOverlapsAnotherOrANodeOrAnEdgeInTheStateMachines() {
    // render states draws the tables whatever the configuration flags say.
    Map<String, String> diagrams = new LinkedHashMap<>();
    diagrams.put("render states: client", StateGraph.dot(ClientTable.TABLE, StateGraph.Options.defaults()));
    diagrams.put("render states: server", StateGraph.dot(ServerTable.TABLE, StateGraph.Options.defaults()));
    assertThat(overlaps(diagrams)).as(engine()).isEmpty();
  }

  @Test
  void noLabelOverlapsAnotherOrANodeOrAnEdgeInAnyPathGraph() throws Exception {
    Map<Configuration, List<ValidPath>> paths = exploreEverything();
    Map<String, String> diagrams = new LinkedHashMap<>();
    Set<List<Configuration>> selections = new LinkedHashSet<>();
    for (List<String> flags : flagCombinations()) {
      List<Configuration> configs = select(flags);
      if (configs != null && selections.add(configs)) {
        diagrams.putIfAbsent(PathGraph.dot(pathsOf(configs, paths), PathGraph.Options.defaults()),
            "render paths " + String.join(" ", flags));
      }
    }
    Map<String, String> byName = new LinkedHashMap<>();
    diagrams.forEach((dot, name) -> byName.put(name, dot));
    assertThat(selections.size()).as("distinct configuration selections").isGreaterThan(100);
    assertThat(overlaps(byName)).as(engine() + ", " + byName.size() + " distinct diagrams").isEmpty();
  }

  /** The diagram built from the full exploration is the one the command writes. */
  @Test
  void theCommandDrawsWhatThisTestLaysOut() throws Exception {
    Map<Configuration, List<ValidPath>> paths = exploreEverything();
    for (List<String> flags : List.of(List.of("--version", "tls1.2", "--kex", "psk", "--resume", "ticket"),
        List.of("--client-versions", "ssl3-tls1.2", "--kex", "rsa"),
        List.of("--kex", "dhe_rsa", "--client-auth", "request", "--renegotiate", "server"))) {
      Path out = dir.resolve(String.valueOf(flags.hashCode()));
      List<String> args = new ArrayList<>(List.of("render", "paths", "--format", "dot", "--out", out.toString()));
      args.addAll(flags);
      RunCommandTest.Result r = RunCommandTest.hslab(args.toArray(String[]::new));
      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(Files.readString(out.resolve("paths.dot")))
          .isEqualTo(PathGraph.dot(pathsOf(select(flags), paths), PathGraph.Options.defaults()));
    }
  }

  private static String engine() {
    return "laid out by the " + renderer.engineName() + " Graphviz engine";
  }

  /** Each diagram's overlaps and crossings, one line each, named by the diagram. */
  private static List<String> overlaps(Map<String, String> diagrams) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, String> d : diagrams.entrySet()) {
      Layout layout = renderer.layout(d.getValue());
      assertThat(layout.nodes()).as(d.getKey()).isNotEmpty();
      for (Layout.Overlap o : layout.overlaps()) {
        out.add(d.getKey() + ": " + o.a() + " overlaps " + o.b());
      }
      for (Layout.Overlap o : layout.crossings()) {
        out.add(d.getKey() + ": " + o.a().what() + " runs through " + o.b());
      }
    }
    return out;
  }

  private static Map<Configuration, List<ValidPath>> exploreEverything() {
    Set<Configuration> all = new LinkedHashSet<>(ConfigurationSpace.all());
    for (KeyExchange k : KeyExchange.values()) {
      all.addAll(ConfigurationSpace.versionRanges(k));
    }
    ExplorationReport report = Explorer.explore(ExploreOptions.of(List.copyOf(all)).withThreads(2));
    Map<Configuration, List<ValidPath>> out = new LinkedHashMap<>();
    for (ValidPath p : report.paths()) {
      out.computeIfAbsent(p.configuration(), c -> new ArrayList<>()).add(p);
    }
    return out;
  }

  /** The paths of these configurations in their order, as an exploration of just them lists them. */
  private static List<ValidPath> pathsOf(List<Configuration> configs, Map<Configuration, List<ValidPath>> paths) {
    List<ValidPath> out = new ArrayList<>();
    for (Configuration c : configs) {
      out.addAll(paths.getOrDefault(c, List.of()));
    }
    return out;
  }

  /** The configurations {@code hslab render paths} explores for these flags; null when it refuses them. */
  private static List<Configuration> select(List<String> flags) {
    RenderCommand command = new RenderCommand();
    List<String> args = new ArrayList<>(List.of("paths"));
    args.addAll(flags);
    new CommandLine(command).parseArgs(args.toArray(String[]::new));
    try {
      return ConfigFilter.of(command.options).connections();
    } catch (UsageException e) {
      return null;
    }
  }

  /** Every flag left out or set to each of its values; version ranges with the key exchange. */
  private static List<List<String>> flagCombinations() {
    List<List<String>> out = new ArrayList<>();
    out.add(List.of());
    out = times(out, "--version", ProtocolVersion.SUPPORTED.stream().map(ProtocolVersion::cliName).toList());
    out = times(out, "--kex", names(KeyExchange.values()));
    out = times(out, "--client-auth", names(ClientAuth.values()));
    out = times(out, "--resume", names(Resumption.values()));
    out = times(out, "--renegotiate", names(Renegotiation.values()));
    List<List<String>> all = new ArrayList<>(out);
    List<String> ranges = new ArrayList<>();
    List<ProtocolVersion> vs = ProtocolVersion.SUPPORTED;
    for (int a = 0; a < vs.size(); a++) {
      for (int b = a; b < vs.size(); b++) {
        ranges.add(vs.get(a).cliName() + "-" + vs.get(b).cliName());
      }
    }
    List<List<String>> ranged = new ArrayList<>();
    ranged.add(List.of());
    ranged = times(ranged, "--client-versions", ranges);
    ranged = times(ranged, "--server-versions", ranges);
    ranged.remove(0);
    ranged = times(ranged, "--kex", names(KeyExchange.values()));
    all.addAll(ranged);
    return all;
  }

  /** Each combination as it is (the flag left out) and with the flag set to each value. */
  private static List<List<String>> times(List<List<String>> combinations, String flag, List<String> values) {
    List<List<String>> out = new ArrayList<>();
    for (List<String> c : combinations) {
      out.add(c);
      for (String v : values) {
        List<String> f = new ArrayList<>(c);
        f.add(flag);
        f.add(v);
        out.add(f);
      }
    }
    return out;
  }

  private static List<String> names(Enum<?>[] values) {
    List<String> out = new ArrayList<>();
    for (Enum<?> e : values) {
      out.add(e.name().toLowerCase(Locale.ROOT));
    }
    return out;
  }
}
