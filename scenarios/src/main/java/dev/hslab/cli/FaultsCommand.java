package dev.hslab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hslab.actors.FaultMatrix;
import dev.hslab.actors.Transport;
import dev.hslab.scenario.NetworkGrammar;
import dev.hslab.actors.Simulator;
import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.output.report.FaultMatrixRow;
import dev.hslab.output.report.HtmlReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hslab faults}: every fault kind at every handshake message, run through the actors. */
@Command(name = "faults", sortOptions = false,
    description = "The fault matrix: drop, duplicate, reorder, corrupt, truncate and delay (beyond the 30 s "
        + "handshake timer) at every handshake message, each run through the actors, with what each side did. "
        + "A flag left out means all its values.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  hslab faults --version tls1.2 --kex ecdhe_rsa --client-auth none --resume none --renegotiate none",
      "  hslab faults --version tls1.0 --kex rsa --client-auth require --client-cert rsa --json",
      "",
      "Exit codes: 0 no fault broke an invariant, 1 a fault made both sides establish with different keys or",
      "delivered data from a broken handshake, 2 bad usage."
    })
final class FaultsCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin ConfigOptions options;

  @Option(names = "--transport", paramLabel = "tcp|none", completionCandidates = NetworkFlags.TransportNames.class,
      description = "what carries the TLS records: none (default here: each record alone, as the matrix has always run) "
          + "or tcp (a simulated TCP connection; the aimed faults still alter the TLS records above it)")
  String transport;

  @Option(names = "--json", description = "one JSON document on stdout, nothing else")
  boolean json;

  @Option(names = "--out", paramLabel = "DIR", description = "write faults.json and report.html there")
  Path out;

  @Mixin HelpFlag help;

  @Override
  public Integer call() throws Exception {
    Transport carrier;
    try {
      carrier = transport == null ? Transport.NONE : NetworkGrammar.transport(transport);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--transport '" + transport.trim() + "': " + e.getMessage());
    }
    List<HandshakeConfig> configs = ConfigFilter.of(options).runs(options.seed);
    Map<HandshakeConfig, List<FaultMatrix.Cell>> matrix = new LinkedHashMap<>();
    PrintWriter err = spec.commandLine().getErr();
    try (Simulator sim = Simulator.start(); Progress progress = Progress.start(err, "faults", configs.size())) {
      for (HandshakeConfig hc : configs) {
        matrix.put(hc, FaultMatrix.run(sim, hc, carrier));
        progress.step();
      }
    }
    long broken = matrix.values().stream().flatMap(List::stream).filter(c -> !c.ok()).count();
    ObjectNode doc = json(matrix, broken);
    doc.put("transport", carrier.label());
    if (out != null) {
      Files.writeJson(out.resolve("faults.json"), doc);
      List<FaultMatrixRow> rows = new ArrayList<>();
      matrix.forEach((hc, cells) -> cells.forEach(c -> rows.add(new FaultMatrixRow(RunReport.describe(hc) + ": " + c.message(),
          c.fault(), "keys agree; no data after a broken handshake", c.outcome(), c.ok()))));
      HtmlReport.titled("Handshake Lab fault matrix").withFaultMatrix(rows).write(out.resolve("report.html"));
    }
    PrintWriter w = spec.commandLine().getOut();
    if (json) {
      w.println(doc.toPrettyString());
    } else {
      matrix.forEach((hc, cells) -> {
        w.println(RunReport.describe(hc));
        for (FaultMatrix.Cell c : cells) {
          w.printf("  %-34s %-10s %s%s%n", c.message(), c.kind().name().toLowerCase(java.util.Locale.ROOT),
              c.outcome(), c.ok() ? "" : "   ** INVARIANT BROKEN **");
        }
        w.println();
      });
      w.printf("%d configurations, %d faulted runs, %d broke an invariant%n", matrix.size(),
          matrix.values().stream().mapToInt(List::size).sum(), broken);
    }
    w.flush();
    return broken == 0 ? Hslab.OK : Hslab.FAILED;
  }

  private static ObjectNode json(Map<HandshakeConfig, List<FaultMatrix.Cell>> matrix, long broken) {
    ObjectNode doc = new ObjectMapper().createObjectNode();
    ArrayNode configs = doc.putArray("configurations");
    matrix.forEach((hc, cells) -> {
      ObjectNode c = configs.addObject();
      c.put("config", RunReport.describe(hc));
      ArrayNode cs = c.putArray("cells");
      for (FaultMatrix.Cell cell : cells) {
        ObjectNode o = cs.addObject();
        o.put("message", cell.message());
        o.put("fault", cell.fault());
        o.put("outcome", cell.outcome());
        o.put("keysAgree", cell.keysAgree());
        o.put("noDataAfterBreak", cell.noDataAfterBreak());
      }
    });
    doc.put("violations", broken);
    return doc;
  }
}
