package dev.hslab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hslab.model.explore.Configuration;
import dev.hslab.model.explore.ExplorationReport;
import dev.hslab.model.explore.ExploreOptions;
import dev.hslab.model.explore.Explorer;
import dev.hslab.model.explore.Finding;
import dev.hslab.model.explore.ValidPath;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hslab explore}: the exhaustive exploration of the configurations the flags select. */
@Command(name = "explore", sortOptions = false,
    description = "Explores every selected configuration exhaustively: states, transitions, valid paths, "
        + "deadlocks, invariant violations with shortest traces. A flag left out means all values.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  hslab explore                          the whole configuration space, no faults",
      "  hslab explore --version tls1.2 --kex ecdhe_rsa --faults 1",
      "  hslab explore --client-auth require --resume ticket --json",
      "  hslab explore --faults 2 --threads 1       the whole space with two faults, on one thread",
      "  hslab explore --client-versions tls1.0-tls1.2 --server-versions tls1.1-tls1.1",
      "",
      "Exit codes: 0 no violation or deadlock, 1 a violation or a deadlock was found (or the state bound was hit),",
      "2 bad usage or bad input."
    })
final class ExploreCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin ConfigOptions options;

  @Option(names = "--faults", paramLabel = "K", defaultValue = "0",
      description = "network faults per run, 0 to 7 (drop, duplicate, reorder, corrupt, inject); default ${DEFAULT-VALUE}")
  int faults;

  @Option(names = "--threads", paramLabel = "N",
      description = "worker threads, 1 to 256; the report is the same for any N; default: the available cores")
  Integer threads;

  @Option(names = "--json", description = "one JSON document on stdout (docs/cli.md), nothing else")
  boolean json;

  @Option(names = "--out", paramLabel = "DIR", description = "write explore.json, paths.svg, client-states.svg, server-states.svg and report.html there")
  Path out;

  @Mixin HelpFlag help;

  @Override
  public Integer call() throws Exception {
    if (faults < 0 || faults > 7) {
      throw new UsageException("--faults: must be 0 to 7, was " + faults);
    }
    List<Configuration> configs = ConfigFilter.of(options).connections();
    if (threads != null && (threads < 1 || threads > 256)) {
      throw new UsageException("--threads: must be 1 to 256, was " + threads);
    }
    // Configurations are independent searches, merged in order: any thread count gives the same report.
    int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    ExplorationReport r;
    try (Progress progress = Progress.start(spec.commandLine().getErr(), "explore", configs.size())) {
      r = Explorer.explore(ExploreOptions.of(configs).withFaults(faults).withThreads(n),
          new dev.hslab.model.explore.ExploreListener() {
            @Override
            public void configurationExplored(Configuration c, int states, long transitions) {
              progress.step();
            }
          });
    }
    PrintWriter w = spec.commandLine().getOut();
    ObjectNode doc = json(r);
    doc.put("threads", n);
    if (out != null) {
      Files.createDirectory(out);
      Files.writeJson(out.resolve("explore.json"), doc);
      dev.hslab.output.OutputFiles.ExplorationFiles f = dev.hslab.output.OutputFiles.writeExploration(r,
          configs.size() + " configurations, " + faults + " faults", out, dev.hslab.output.OutputFiles.renderOptions());
      f.problems().forEach(p -> spec.commandLine().getErr().println("hslab: warning: " + p));
    }
    if (json) {
      w.println(doc.toPrettyString());
    } else {
      w.print(text(r));
    }
    w.flush();
    return r.ok() ? Hslab.OK : Hslab.FAILED;
  }

  static ObjectNode json(ExplorationReport r) {
    ObjectNode o = JSON.createObjectNode();
    o.put("configurations", r.configurations());
    o.put("faults", r.faults());
    o.put("states", r.states());
    o.put("transitions", r.transitions());
    o.put("paths", r.paths().size());
    o.put("distinctPaths", r.distinctPaths().size());
    o.put("deadlockCount", r.deadlockCount());
    o.set("deadlocks", findings(r.deadlocks()));
    o.put("violationCount", r.violationCount());
    o.set("violations", findings(r.violations()));
    ObjectNode outcomes = o.putObject("outcomes");
    r.outcomes().forEach(outcomes::put);
    ObjectNode lengths = o.putObject("pathLengths");
    r.distinctPathLengths().forEach((k, v) -> lengths.put(String.valueOf(k), v));
    ArrayNode list = o.putArray("pathList");
    for (ValidPath p : r.paths()) {
      ObjectNode e = list.addObject();
      e.put("config", p.configuration().label());
      ArrayNode m = e.putArray("messages");
      p.messages().forEach(m::add);
    }
    o.put("bytesPerState", Math.round(r.bytesPerState() * 10) / 10.0);
    o.put("complete", r.complete());
    o.put("seconds", r.seconds());
    return o;
  }

  private static ArrayNode findings(List<Finding> fs) {
    ArrayNode a = JSON.createArrayNode();
    for (Finding f : fs) {
      ObjectNode e = a.addObject();
      e.put("kind", f.kind());
      e.put("config", f.configuration().label());
      e.put("message", f.message());
      ArrayNode t = e.putArray("trace");
      f.labels().forEach(t::add);
    }
    return a;
  }

  static String text(ExplorationReport r) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "explored %d configuration%s with up to %d fault%s in %.3f s%n",
        r.configurations(), r.configurations() == 1 ? "" : "s", r.faults(), r.faults() == 1 ? "" : "s", r.seconds()));
    b.append(String.format(Locale.ROOT, "states %d, transitions %d, %.1f bytes per stored state%s%n", r.states(),
        r.transitions(), r.bytesPerState(), r.complete() ? "" : " (INCOMPLETE: the state bound was hit)"));
    b.append(String.format(Locale.ROOT, "valid paths: %d (%d distinct sequences)%n", r.paths().size(), r.distinctPaths().size()));
    r.distinctPathLengths().forEach((len, n) -> b.append(String.format(Locale.ROOT, "  %2d messages: %d%n", len, n)));
    b.append("outcomes:\n");
    for (Map.Entry<String, Long> e : r.outcomes().entrySet()) {
      b.append(String.format(Locale.ROOT, "  %8d  %s%n", e.getValue(), e.getKey()));
    }
    b.append("deadlocks: ").append(r.deadlockCount()).append('\n');
    findingsText(b, r.deadlocks());
    b.append("violations: ").append(r.violationCount()).append('\n');
    findingsText(b, r.violations());
    if (r.configurations() <= 8) {
      for (ValidPath p : r.paths()) {
        b.append("path (").append(p.length()).append(") ").append(p.configuration().label()).append(":\n    ")
            .append(String.join(", ", p.messages())).append('\n');
      }
    }
    return b.toString();
  }

  private static void findingsText(StringBuilder b, List<Finding> fs) {
    for (Finding f : fs) {
      b.append("  ").append(f.kind()).append(" in ").append(f.configuration().label()).append(": ")
          .append(f.message()).append("\n    shortest trace: ").append(String.join(" -> ", f.labels())).append('\n');
    }
  }
}
