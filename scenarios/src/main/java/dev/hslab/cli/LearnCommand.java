package dev.hslab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.handshake.Side;
import dev.hslab.output.diagram.Format;
import dev.hslab.output.diagram.MealyGraph;
import dev.hslab.output.diagram.Renderer;
import dev.hslab.real.JsseProvider;
import dev.hslab.real.JvmTlsPolicy;
import dev.hslab.real.learn.CounterexampleSearch;
import dev.hslab.real.learn.Difference;
import dev.hslab.real.learn.EngineOracle;
import dev.hslab.real.learn.LearnResult;
import dev.hslab.real.learn.LearnSetup;
import dev.hslab.real.learn.Learner;
import dev.hslab.real.learn.Nondeterminism;
import dev.hslab.real.learn.Sul;
import dev.hslab.real.learn.TableProjection;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import net.automatalib.automaton.transducer.impl.CompactMealy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hslab learn}: learns the Mealy machine an engine really implements in one role (TTT over
 * the scripted peer, {@link Learner}), prints its size, the queries and the time, and every input
 * sequence on which it answers differently from the tables' projection, shortest first.
 */
@Command(name = "learn", sortOptions = false,
    description = "Learns the state machine an engine implements (active automata learning with LearnLib's TTT)"
        + " and lists where it differs from the transition tables.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  hslab learn --engine jsse --role server",
      "  hslab learn --engine bcjsse --role client --kex rsa --out learned/",
      "  hslab learn --engine model --role server --json",
      "",
      "Exit codes: 0 learned, 1 the engine answered nondeterministically, 2 bad usage."
    })
final class LearnCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--engine", paramLabel = "E", required = true, description = "model, jsse or bcjsse")
  String engine;

  @Option(names = "--role", paramLabel = "R", required = true, description = "server or client: the role of the engine learned")
  String role;

  @Option(names = "--inputs", paramLabel = "A", defaultValue = "full",
      description = "the alphabet: full (every message the peer sends) or small (its happy path) (default ${DEFAULT-VALUE})")
  String inputs;

  @Option(names = "--repeat", paramLabel = "N", defaultValue = "2",
      description = "run each new input sequence N times; different answers stop learning (default ${DEFAULT-VALUE})")
  int repeat;

  @Option(names = "--walks", paramLabel = "N", defaultValue = "300", description = "random words per equivalence check (default ${DEFAULT-VALUE})")
  int walks;

  @Option(names = "--depth", paramLabel = "N", defaultValue = "1", description = "the W-method's bound on missing states (default ${DEFAULT-VALUE})")
  int depth;

  @Mixin ConfigOptions config;

  @Option(names = "--json", description = "one JSON document on stdout, nothing else")
  boolean json;

  @Option(names = "--out", paramLabel = "DIR", description = "where to write learned.dot, learned.svg, model.dot, model.svg and learn.json")
  Path out;

  @Mixin HelpFlag help;

  @Override
  public Integer call() throws Exception {
    Side side = switch (role.toLowerCase(Locale.ROOT)) {
      case "server" -> Side.SERVER;
      case "client" -> Side.CLIENT;
      default -> throw new UsageException("--role: " + role + " is not server or client");
    };
    List<MessageKind> alphabet = switch (inputs) {
      case "full" -> LearnSetup.fullAlphabet(side);
      case "small" -> LearnSetup.smallAlphabet(side);
      default -> throw new UsageException("--inputs: " + inputs + " is not full or small");
    };
    if (repeat < 1 || walks < 0 || depth < 0) {
      throw new UsageException("--repeat must be at least 1, --walks and --depth at least 0");
    }
    Sul sul = switch (engine) {
      case "model" -> Sul.model();
      case "jsse" -> Sul.jsse(JsseProvider.JSSE);
      case "bcjsse" -> Sul.jsse(JsseProvider.BCJSSE);
      case "openssl" -> throw new UsageException("--engine openssl: learning over 127.0.0.1 is not built yet (model, jsse, bcjsse)");
      default -> throw new UsageException("--engine: " + engine + " is not model, jsse or bcjsse");
    };
    HandshakeConfig hc = config.toConfig();
    if (hc.keyExchange() == null) {
      throw new UsageException("--suite: learning needs one key exchange; give --kex");
    }
    if (out != null) {
      Files.createDirectory(out);
    }
    JvmTlsPolicy.enableLegacyTlsForThisJvm();
    LearnSetup setup = new LearnSetup(side, hc, alphabet);
    PrintWriter w = spec.commandLine().getOut();
    LearnResult r;
    try {
      r = Learner.learn(setup, sul, new CounterexampleSearch(depth, walks, 10, hc.seed()), repeat);
    } catch (Nondeterminism e) {
      if (json) {
        ObjectNode doc = BridgeJson.JSON.createObjectNode();
        doc.put("engine", engine);
        doc.put("role", side.label());
        ObjectNode n = doc.putObject("nondeterminism");
        n.put("inputs", Difference.describe(e.inputs()));
        n.put("first", String.join(" | ", e.first()));
        n.put("second", String.join(" | ", e.second()));
        w.println(doc.toPrettyString());
      } else {
        w.println(engine + " as " + side.label() + ": " + e.getMessage());
      }
      w.flush();
      return Hslab.FAILED;
    }
    ObjectNode doc = json(r);
    if (out != null) {
      String title = engine + " as TLS " + side.label() + ", " + RunReport.describe(hc) + ": " + r.states() + " states";
      write(out, "learned", graph(title, r.machine()));
      CompactMealy<MessageKind, String> model = TableProjection.of(setup);
      write(out, "model", graph("the tables' projection, " + side.label() + ", " + RunReport.describe(hc) + ": "
          + model.size() + " states", model));
      Files.writeJson(out.resolve("learn.json"), doc);
    }
    if (json) {
      w.println(doc.toPrettyString());
    } else {
      print(w, r);
    }
    w.flush();
    return Hslab.OK;
  }

  private static void print(PrintWriter w, LearnResult r) {
    w.printf("%s as %s, %s: %d states over %d inputs, %d queries (%d runs), %d counterexamples, %.1f s%n",
        r.engine(), r.setup().role().label(), RunReport.describe(r.setup().config()), r.states(), r.setup().inputs().size(),
        r.queries(), r.runs(), r.rounds(), r.seconds());
    if (r.differences().isEmpty()) {
      w.println("equal to the tables' projection over these inputs");
      return;
    }
    w.println(r.differences().size() + " differences from the tables' projection, shortest first:");
    for (Difference d : r.differences()) {
      w.printf("  %-20s %s%n", d.kind().label(), Difference.describe(d.inputs()));
      w.printf("  %-20s   %s: %s%n", "", r.engine(), d.engine());
      w.printf("  %-20s   tables: %s%n", "", d.model());
    }
  }

  private static ObjectNode json(LearnResult r) {
    ObjectNode doc = BridgeJson.JSON.createObjectNode();
    doc.put("engine", r.engine());
    doc.put("role", r.setup().role().label());
    doc.put("config", RunReport.describe(r.setup().config()));
    doc.put("states", r.states());
    ArrayNode in = doc.putArray("inputs");
    r.setup().inputs().forEach(k -> in.add(k.label()));
    doc.put("queries", r.queries());
    doc.put("runs", r.runs());
    doc.put("counterexamples", r.rounds());
    doc.put("seconds", Math.round(r.seconds() * 10) / 10.0);
    ArrayNode diffs = doc.putArray("differences");
    for (Difference d : r.differences()) {
      ObjectNode o = diffs.addObject();
      ArrayNode seq = o.putArray("inputs");
      d.inputs().forEach(k -> seq.add(k.label()));
      o.put("engine", d.engine());
      o.put("model", d.model());
      o.put("kind", d.kind().label());
    }
    return doc;
  }

  /** The machine as {@link MealyGraph} draws it; the state that answers everything "closed" is marked. */
  static String graph(String title, CompactMealy<MessageKind, String> m) {
    List<MealyGraph.Edge> edges = new ArrayList<>();
    int closed = -1;
    for (int s = 0; s < m.size(); s++) {
      boolean sink = true;
      for (MessageKind k : m.getInputAlphabet()) {
        int to = m.getSuccessor(s, k);
        String o = m.getOutput(s, k);
        edges.add(new MealyGraph.Edge(s, k.label(), o, to));
        sink &= to == s && EngineOracle.CLOSED.equals(o);
      }
      if (sink) {
        closed = s;
      }
    }
    return MealyGraph.dot(title, m.size(), m.getIntInitialState(), closed, edges);
  }

  private static void write(Path dir, String name, String dot) throws UsageException {
    Files.writeString(dir.resolve(name + ".dot"), dot);
    Renderer.render(dot, Format.SVG, dir.resolve(name + ".svg"));
  }
}
