package dev.hslab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.explore.ConfigurationSpace;
import dev.hslab.model.handshake.Side;
import dev.hslab.real.JsseProvider;
import dev.hslab.real.JvmTlsPolicy;
import dev.hslab.real.conform.Acceptance;
import dev.hslab.real.conform.Conformance;
import dev.hslab.real.conform.ConformanceResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hslab conform --engine jsse|bcjsse}: the real engine over the configuration space it
 * supports, on each side against the model engine, each sequence beside the model-vs-model one.
 * The verdict is {@link Conformance}'s: the real sequence accepted by its role's transition table,
 * and equal to the model's once the named non-protocol differences are set aside.
 */
@Command(name = "conform", sortOptions = false,
    description = "Runs a real TLS engine over the configuration space against the model engine and checks each"
        + " sequence against the transition tables and the model's own sequence.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  hslab conform --engine jsse",
      "  hslab conform --engine bcjsse --version tls1.0 --kex dhe_rsa",
      "  hslab conform --engine jsse --json > conform.json",
      "",
      "Exit codes: 0 every run conforms, 1 a sequence was rejected or differs, 2 bad usage."
    })
final class ConformCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--engine", paramLabel = "E", required = true, description = "jsse or bcjsse")
  String engine;

  @Option(names = "--version", paramLabel = "V", description = "only this version (default: tls1.0, tls1.1, tls1.2)")
  String version;

  @Option(names = "--kex", paramLabel = "K", description = "only this key exchange")
  String kex;

  @Option(names = "--seed", paramLabel = "N", description = "the seed of the model side (default ${DEFAULT-VALUE})", defaultValue = "1")
  long seed;

  @Option(names = "--json", description = "one JSON document on stdout, nothing else")
  boolean json;

  @Option(names = "--out", paramLabel = "DIR", description = "where to write conform.json")
  Path out;

  @Mixin HelpFlag help;

  @Override
  public Integer call() throws Exception {
    JsseProvider provider;
    try {
      provider = JsseProvider.fromEngineName(engine);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--engine: " + e.getMessage());
    }
    ConfigOptions flags = new ConfigOptions();
    flags.version = version;
    flags.kex = kex;
    ConfigFilter filter = ConfigFilter.of(flags);
    if (out != null) {
      Files.createDirectory(out); // an unusable --out is a usage error before the runs, not after them
    }
    JvmTlsPolicy.enableLegacyTlsForThisJvm();
    PrintWriter w = spec.commandLine().getOut();
    List<ConformanceResult> results = new ArrayList<>();
    List<HandshakeConfig> selected = filter.runs(ConfigurationSpace.runs(), seed);
    try (Progress progress = Progress.start(spec.commandLine().getErr(), "conform", selected.size() * 2L)) {
      for (HandshakeConfig hc : selected) {
        for (Side side : Side.values()) {
          ConformanceResult r = Conformance.run(provider, hc, side);
          results.add(r);
          progress.step();
          if (!json) {
            print(w, provider, r);
          }
        }
      }
    }
    long run = results.stream().filter(r -> r.skipped() == null).count();
    long bad = results.stream().filter(r -> r.skipped() == null && !r.conforms()).count();
    ObjectNode doc = json(provider, results, run, bad);
    if (out != null) {
      Files.writeJson(out.resolve("conform.json"), doc);
    }
    if (json) {
      w.println(doc.toPrettyString());
    } else {
      w.printf("%n%s: %d runs, %d conform, %d differ or were rejected, %d combinations skipped (not supported)%n",
          provider.engineName(), run, run - bad, bad, results.size() - run);
    }
    w.flush();
    return bad == 0 && run > 0 ? Hslab.OK : Hslab.FAILED;
  }

  private static void print(PrintWriter w, JsseProvider p, ConformanceResult r) {
    String head = RunReport.describe(r.config()) + ", " + p.engineName() + " as " + r.realSide().label();
    if (r.skipped() != null) {
      w.println("skipped  " + head + ": " + r.skipped());
      return;
    }
    w.println((r.conforms() ? "conforms " : "DIFFERS  ") + head);
    for (int c = 0; c < r.real().size(); c++) {
      List<String> real = r.real().get(c);
      List<String> model = c < r.model().size() ? r.model().get(c) : List.of();
      w.printf("  connection %d   %-40s %s%n", c + 1, p.engineName() + " <-> model", "model <-> model");
      for (int i = 0; i < Math.max(real.size(), model.size()); i++) {
        String a = i < real.size() ? real.get(i) : "";
        String b = i < model.size() ? model.get(i) : "";
        w.printf("  %3d %s %-40s %s%n", i + 1, a.equals(b) ? " " : "*", a, b);
      }
      Acceptance acc = r.acceptance().get(c);
      w.println("      " + p.engineName() + "'s sequence under the " + r.realSide().label() + " table: " + acc.summary());
    }
    if (!r.normalized().isEmpty()) {
      w.println("      set aside: " + String.join("; ", r.normalized()));
    }
    if (r.difference() != null) {
      w.println("      difference: " + r.difference());
    }
  }

  private static ObjectNode json(JsseProvider p, List<ConformanceResult> results, long run, long bad) {
    ObjectNode doc = BridgeJson.JSON.createObjectNode();
    doc.put("engine", p.engineName());
    doc.put("runs", run);
    doc.put("conforming", run - bad);
    doc.put("skipped", results.size() - run);
    ArrayNode list = doc.putArray("results");
    for (ConformanceResult r : results) {
      ObjectNode o = list.addObject();
      o.put("config", RunReport.describe(r.config()));
      o.put("realSide", r.realSide().label());
      if (r.skipped() != null) {
        o.put("skipped", r.skipped());
        continue;
      }
      o.put("conforms", r.conforms());
      ArrayNode conns = o.putArray("connections");
      for (int c = 0; c < r.real().size(); c++) {
        ObjectNode cn = conns.addObject();
        r.real().get(c).forEach(cn.putArray("real")::add);
        (c < r.model().size() ? r.model().get(c) : List.<String>of()).forEach(cn.putArray("model")::add);
        cn.put("accepted", r.acceptance().get(c).accepted());
        cn.put("acceptance", r.acceptance().get(c).summary());
      }
      r.normalized().forEach(o.putArray("setAside")::add);
      if (r.difference() == null) {
        o.putNull("difference");
      } else {
        o.put("difference", r.difference());
      }
    }
    return doc;
  }
}
