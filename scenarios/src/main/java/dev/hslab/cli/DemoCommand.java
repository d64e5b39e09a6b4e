package dev.hslab.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hslab.actors.ConnectionResult;
import dev.hslab.actors.EngineFactory;
import dev.hslab.actors.NetworkOptions;
import dev.hslab.actors.Transport;
import dev.hslab.actors.Simulations;
import dev.hslab.actors.Simulator;
import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.explore.ExplorationReport;
import dev.hslab.model.explore.ExploreOptions;
import dev.hslab.model.explore.Explorer;
import dev.hslab.output.OutputFiles;
import dev.hslab.scenario.NetworkGrammar;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hslab demo}: the main job with no set-up — the reference handshake with its numbered
 * sequence, the explorer's summary of every handshake the model allows, and the diagrams,
 * capture, key log and HTML reports in {@code --out}.
 */
@Command(name = "demo", sortOptions = false,
    description = "Runs the reference handshake (TLS 1.2, ECDHE_RSA) through the actors over a lossy link, "
        + "explores every valid handshake, and writes diagrams, captures and reports to --out.",
    footerHeading = "%nExamples:%n",
    footer = {"  hslab demo", "  hslab demo --out /tmp/hslab --seed 7", "",
        "Exit codes: 0 done, 1 the handshake failed or the explorer found a violation, 2 bad usage."})
final class DemoCommand implements Callable<Integer> {

  private static final double LOSS = 0.01;
  private static final String LATENCY = "2-20";
  /** The demo's sweep: {@code hslab sweep --latency 2-20 --connections 100}. */
  static final int SWEEP_CONNECTIONS = 100;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--out", paramLabel = "DIR", description = "where to write files (default ${DEFAULT-VALUE})", defaultValue = "hslab-out")
  Path out;

  @Option(names = "--seed", paramLabel = "N", description = "the simulation seed (default ${DEFAULT-VALUE})", defaultValue = "1")
  long seed;

  @Option(names = "--transport", paramLabel = "tcp|none", completionCandidates = NetworkFlags.TransportNames.class,
      description = "what carries the TLS records of the handshake and the sweep: tcp (default; segments are lost "
          + "and resent) or none (records are lost for good)")
  String transport;

  @Option(names = "--json", description = "one JSON document on stdout, nothing else")
  boolean json;

  @Mixin HelpFlag help;

  @Override
  public Integer call() throws Exception {
    PrintWriter w = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    NetworkOptions link;
    try {
      link = NetworkGrammar.fromFlags(LOSS, null, null, null, LATENCY, List.of(), transport, null);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    Files.createDirectory(out);
    HandshakeConfig hc = HandshakeConfig.reference().withSeed(seed);
    // The reference handshake through the client, server and network actors, over a link with
    // jittered latency and 1% segment loss over TCP (virtual time; the seed decides every loss).
    RunReport run;
    SweepReport sweep;
    try (Simulator sim = Simulator.start()) {
      run = new RunReport(hc, Simulations.connections(sim, hc, link, EngineFactory.MODEL, EngineFactory.MODEL).stream()
          .map(ConnectionResult::toConnection).toList(), "model", "model");
      // The same handshake over the same link at 0 to 10 % loss, many connections each.
      sweep = sweep(sim, seed, transport);
    }
    sweep.write(out.resolve("sweep"));
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
      doc.set("sweep", sweep.json());
      w.println(doc.toPrettyString());
    } else {
      w.println("Handshake Lab demo: the reference handshake, message by message, with real crypto,");
      w.println("through the client, server and network actors over a link with 2-20 ms latency and 1% loss.");
      w.println();
      w.print(run.text());
      w.println();
      boolean tcp = link.transport() == Transport.TCP;
      w.printf("The same handshake over the same link losing 0 to 10%% of %s (hslab sweep --latency %s --connections %d%s):%n%n",
          tcp ? "TCP segments" : "records", LATENCY, SWEEP_CONNECTIONS, transport == null ? "" : " --transport " + link.transport().label());
      w.print(sweep.text());
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
      w.println("Files: " + out + "/run/ (sequence.svg, capture.pcap + keys.log for Wireshark, trace.jsonl, report.html), "
          + out + "/sweep/ (sweep.svg, sweep.json) and " + out + "/explore/ (paths.svg, client-states.svg, server-states.svg, report.html)");
      w.println("Open " + (runFiles.report() != null ? runFiles.report() : out.resolve("run")) + " in a browser; everything is in "
          + out.toAbsolutePath() + "/");
    }
    w.flush();
    return run.established() && explored.ok() ? Hslab.OK : Hslab.FAILED;
  }

  /** The demo's sweep of the reference handshake (also the gallery's chart, with seed 1). */
  static SweepReport sweep(Simulator sim, long seed) throws UsageException {
    return sweep(sim, seed, null);
  }

  /** The demo's sweep over {@code transport} ({@code tcp}, {@code none}; null: the default, TCP). */
  static SweepReport sweep(Simulator sim, long seed, String transport) throws UsageException {
    NetworkOptions link = NetworkGrammar.fromFlags(null, null, null, null, LATENCY, List.of(), transport, null);
    return SweepReport.run(sim, HandshakeConfig.reference().withSeed(seed), link,
        SweepCommand.parseLosses(SweepCommand.DEFAULT_LOSSES), SWEEP_CONNECTIONS);
  }
}
