package dev.hslab.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.config.LoopbackRun;
import dev.hslab.model.explore.ExplorationReport;
import dev.hslab.model.explore.ExploreOptions;
import dev.hslab.model.explore.Explorer;
import dev.hslab.output.OutputFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hslab demo}: the main job with no set-up — the reference handshake with its numbered
 * sequence, the explorer's summary of every handshake the model allows, and the diagrams,
 * capture, key log and HTML reports in {@code --out}.
 */
@Command(name = "demo", sortOptions = false,
    description = "Runs the reference handshake (TLS 1.2, ECDHE_RSA), explores every valid handshake, "
        + "and writes diagrams, captures and reports to --out.",
    footerHeading = "%nExamples:%n",
    footer = {"  hslab demo", "  hslab demo --out /tmp/hslab --seed 7", "",
        "Exit codes: 0 done, 1 the handshake failed or the explorer found a violation, 2 bad usage."})
final class DemoCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--out", paramLabel = "DIR", description = "where to write files (default ${DEFAULT-VALUE})", defaultValue = "hslab-out")
  Path out;

  @Option(names = "--seed", paramLabel = "N", description = "the simulation seed (default ${DEFAULT-VALUE})", defaultValue = "1")
  long seed;

  @Option(names = "--json", description = "one JSON document on stdout, nothing else")
  boolean json;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
  boolean help;

  @Override
  public Integer call() throws Exception {
    PrintWriter w = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Files.createDirectory(out);
    HandshakeConfig hc = HandshakeConfig.reference().withSeed(seed);
    RunReport run = new RunReport(hc, LoopbackRun.run(hc), "model", "model");
    OutputFiles.RunFiles runFiles = RunOutput.write(run, hc, out.resolve("run"), err);

    ExplorationReport explored = Explorer.explore(ExploreOptions.all().withThreads(2));
    OutputFiles.ExplorationFiles exploreFiles =
        OutputFiles.writeExploration(explored, "every legal configuration, no faults", out.resolve("explore"), OutputFiles.renderOptions());
    exploreFiles.problems().forEach(p -> err.println("hslab: warning: " + p));

    if (json) {
      ObjectNode doc = run.json();
      ObjectNode e = doc.putObject("exploration");
      e.put("configurations", explored.configurations());
      e.put("states", explored.states());
      e.put("transitions", explored.transitions());
      e.put("paths", explored.distinctPaths().size());
      e.put("violations", explored.violationCount());
      e.put("deadlocks", explored.deadlockCount());
      e.put("seconds", explored.seconds());
      w.println(doc.toPrettyString());
    } else {
      w.println("Handshake Lab demo: the reference handshake, message by message, with real crypto.");
      w.println();
      w.print(run.text());
      w.println();
      w.printf("Explorer: %d configurations, %d states, %d transitions, %d distinct valid handshakes "
          + "(%d to %d messages), %d violations, %d deadlocks, in %.2f s.%n",
          explored.configurations(), explored.states(), explored.transitions(), explored.distinctPaths().size(),
          explored.distinctPaths().stream().mapToInt(java.util.List::size).min().orElse(0),
          explored.distinctPaths().stream().mapToInt(java.util.List::size).max().orElse(0),
          explored.violationCount(), explored.deadlockCount(), explored.seconds());
      for (Map.Entry<String, Long> o : explored.outcomes().entrySet()) {
        w.printf("  %-60s %6d%n", o.getKey(), o.getValue());
      }
      w.println();
      w.println("Files: " + out + "/run/ (sequence.svg, capture.pcap + keys.log for Wireshark, trace.jsonl, report.html) and "
          + out + "/explore/ (paths.svg, client-states.svg, server-states.svg, report.html)");
      w.println("Open " + (runFiles.report() != null ? runFiles.report() : out.resolve("run")) + " in a browser; everything is in "
          + out.toAbsolutePath() + "/");
    }
    w.flush();
    return run.established() && explored.ok() ? Hslab.OK : Hslab.FAILED;
  }
}
