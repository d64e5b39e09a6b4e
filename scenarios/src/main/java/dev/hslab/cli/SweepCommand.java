package dev.hslab.cli;

import dev.hslab.actors.NetworkOptions;
import dev.hslab.actors.Simulator;
import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.scenario.NetworkGrammar;
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
 * {@code hslab sweep}: one configuration over the same link at several loss rates, many
 * connections each; per rate the share of handshakes that completed and their time percentiles.
 */
@Command(name = "sweep", sortOptions = false,
    description = "Runs N connections of one configuration through the actors at each loss rate and prints, per rate, "
        + "how many handshakes completed and their time percentiles (virtual ms); writes sweep.json and sweep.svg.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  hslab sweep                           0 to 10 %% loss, 200 connections each",
      "  hslab sweep --connections 1000 --latency 2-20",
      "  hslab sweep --version tls1.0 --kex dhe_rsa --resume id --loss 0,0.05",
      "  hslab sweep --json --out /tmp/sweep   sweep.json and sweep.svg there",
      "",
      "Exit codes: 0 measured, 2 bad usage or bad input."
    })
final class SweepCommand implements Callable<Integer> {

  static final String DEFAULT_LOSSES = "0,0.01,0.02,0.05,0.1";
  static final int MAX_CONNECTIONS = 100_000;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin ConfigOptions options;

  @Option(names = "--loss", paramLabel = "P,P,...",
      description = "the loss probabilities to sweep, each 0 to 1 (default ${DEFAULT-VALUE})", defaultValue = DEFAULT_LOSSES)
  String losses;

  @Option(names = "--connections", paramLabel = "N", description = "connections per loss rate (default ${DEFAULT-VALUE})",
      defaultValue = "200")
  int connections;

  @Mixin NetworkFlags network;

  @Option(names = "--json", description = "one JSON document on stdout (docs/cli.md), nothing else")
  boolean json;

  @Option(names = "--out", paramLabel = "DIR", description = "where to write sweep.json and sweep.svg (default ${DEFAULT-VALUE})",
      defaultValue = "hslab-out")
  Path out;

  @Mixin HelpFlag help;

  @Override
  public Integer call() throws Exception {
    List<Double> rates = parseLosses(losses);
    if (connections < 1 || connections > MAX_CONNECTIONS) {
      throw new UsageException("--connections " + connections + ": must be from 1 to " + MAX_CONNECTIONS);
    }
    boolean dtls = options.dtls();
    HandshakeConfig hc = dtls ? options.toConfigAnyProtocol() : options.toConfig();
    NetworkOptions link = network.toOptions(null, dtls);
    Files.createDirectory(out);
    SweepReport report;
    try (Simulator sim = Simulator.start()) {
      report = SweepReport.run(sim, hc, link, rates, connections);
    }
    report.write(out);
    PrintWriter w = spec.commandLine().getOut();
    if (json) {
      w.println(report.json().toPrettyString());
    } else {
      w.print(report.text());
      w.println();
      w.println("Files: " + report.files().get("json") + ", " + report.files().get("chart"));
    }
    w.flush();
    return Hslab.OK;
  }

  /**
   * {@code --loss P,P,...}: probabilities from 0 to 1, each once, in the order given.
   *
   * @throws UsageException one line naming the flag and the bad value
   */
  static List<Double> parseLosses(String text) throws UsageException {
    List<Double> out = new ArrayList<>();
    String t = text == null ? "" : text.trim();
    if (t.isEmpty()) {
      throw new UsageException("--loss: no loss rate given; expected probabilities separated by commas, e.g. "
          + DEFAULT_LOSSES);
    }
    for (String part : t.split(",", -1)) {
      String p = part.trim();
      double v;
      try {
        v = Double.parseDouble(p) + 0.0; // -0 is 0
      } catch (NumberFormatException e) {
        throw new UsageException("--loss '" + p + "': not a number; expected probabilities separated by commas, e.g. "
            + DEFAULT_LOSSES);
      }
      if (!NetworkGrammar.isProbability(v)) {
        throw new UsageException("--loss " + p + ": must be a probability between 0 and 1");
      }
      if (out.contains(v)) {
        throw new UsageException("--loss " + p + ": given twice");
      }
      out.add(v);
    }
    return out;
  }
}
