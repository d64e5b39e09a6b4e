package dev.hslab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hslab.bench.Comparison;
import dev.hslab.bench.HandshakeComparisons;
import dev.hslab.bench.FloorBreakdown;
import dev.hslab.bench.HandshakeComparisons.Budget;
import dev.hslab.bench.HandshakeComparisons.Report;
import dev.hslab.real.JvmTlsPolicy;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hslab bench}: the handshake benchmarks, each a ratio against a baseline measured in the same run. */
@Command(name = "bench", sortOptions = false,
    description = "Measures full and resumed TLS 1.2 handshakes per second in memory (x25519; ECDHE_RSA, ECDHE_ECDSA, "
        + "RSA, ECDHE_RSA with client authentication; chains from an ECDSA P-256 and an RSA-2048 CA), model engine "
        + "against SunJSSE and BCJSSE (configured as their users configure them, timed as bare SSLEngine pairs) and "
        + "the floor (the unavoidable public-key operations, fastest provider per primitive); each peer against the same "
        + "peer set up with the JDK's API alone (jsse-bare, bcjsse-bare) and our adapter against the bare peer; and "
        + "ECDHE_RSA connections (handshake and close) through the actors over a lossless and a 1%%-loss network against "
        + "the in-memory loopback, on one dispatcher thread, and on two against one. Runs JMH, by default one fresh JVM "
        + "per benchmark; then the handshakes and the actors' runs again, interleaved in this JVM (rows paired.*: "
        + "subject and baseline under the same machine load); then each floor written out, operation by operation.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  hslab bench                 the recorded figures (about 35 minutes)",
      "  hslab bench --quick         a first look, wider error",
      "  hslab bench --quick --json  machine and results as JSON (docs/cli.md)",
      "  hslab bench --forks 0       all in this JVM (about three minutes, noisier)",
      "",
      "ratio = subjectPerSecond / baselinePerSecond: above 1, the model engine is faster;",
      "actors.lossless: the actors' speed relative to the loopback on one core (goal: at least 0.8);",
      "actors.scaling: two dispatcher threads against one (ideal: 2);",
      "jsse vs jsse-bare, bcjsse vs bcjsse-bare: the peer rows are fair (ideal 1);",
      "adapter.SUITE.CA: our adapter's cost to the tools (jsse-adapter vs jsse);",
      "paired.SUITE.CA: median rates of alternating slices of model, peer and floor operations;",
      "floor.SUITE.CA: the floor's public-key operations, each with its cost in this run, and their sum;",
      "paired.actors.*: the actors' rows from alternating slices of the four runs.",
      "Exit codes: 0 measured, 2 bad usage."
    })
final class BenchCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--quick", description = "shorter iterations and a smaller identity pool (a few minutes)")
  boolean quick;

  @Option(names = "--json", description = "one JSON document on stdout (docs/cli.md), nothing else")
  boolean json;

  @Option(names = "--forks", paramLabel = "N",
      description = "run each benchmark in N fresh JVMs (isolated JIT profiles: steadier figures, slower); "
          + "0: in this JVM. Default 1, with --quick 0")
  Integer forks;

  /** Tests: every JMH iteration this long, smallest pool. */
  @Option(names = "--iteration-ms", hidden = true)
  Long iterationMillis;

  @Mixin HelpFlag help;

  @Override
  public Integer call() throws Exception {
    if (iterationMillis != null && (iterationMillis < 1 || iterationMillis > 60_000)) {
      throw new UsageException("--iteration-ms: must be 1 to 60000, was " + iterationMillis);
    }
    int n = forks != null ? forks : quick || iterationMillis != null ? 0 : 1;
    if (n < 0 || n > 10) {
      throw new UsageException("--forks: must be 0 to 10, was " + n);
    }
    Budget budget = (iterationMillis != null ? Budget.of(iterationMillis) : quick ? Budget.quick() : Budget.full())
        .withForks(n);
    JvmTlsPolicy.enableLegacyTlsForThisJvm();
    Report report = HandshakeComparisons.run(budget);
    PrintWriter w = spec.commandLine().getOut();
    if (json) {
      w.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json(report)));
    } else {
      w.println(machine());
      w.println(String.format(Locale.ROOT, "%-32s %-14s %-11s %16s %17s %7s",
          "name", "subject", "baseline", "subjectPerSecond", "baselinePerSecond", "ratio"));
      for (Comparison c : report.results()) {
        w.println(String.format(Locale.ROOT, "%-32s %-14s %-11s %16.1f %17.1f %7.2f",
            c.name(), c.subject(), c.baseline(), c.subjectPerSecond(), c.baselinePerSecond(), c.ratio()));
      }
      w.println();
      w.println("floors: the public-key operations each handshake row counts, each with its cost measured in this run");
      for (FloorBreakdown.Row f : report.floors()) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-32s", f.name()));
        String sep = " ";
        for (FloorBreakdown.Term t : f.terms()) {
          line.append(String.format(Locale.ROOT, "%s%d x %s %.1f us", sep, t.count(), t.op().label(), t.micros()));
          sep = " + ";
        }
        line.append(String.format(Locale.ROOT, " = %.1f us (%.1f/s)", f.micros(), f.perSecond()));
        w.println(line);
      }
    }
    w.flush();
    return 0;
  }

  private static String machine() {
    return "machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + jvm();
  }

  private static String jvm() {
    return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
  }

  private static ObjectNode json(Report report) {
    ObjectNode doc = JSON.createObjectNode();
    ObjectNode machine = doc.putObject("machine");
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put("jvm", jvm());
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    ArrayNode rs = doc.putArray("results");
    for (Comparison c : report.results()) {
      ObjectNode r = rs.addObject();
      r.put("name", c.name());
      r.put("subject", c.subject());
      r.put("baseline", c.baseline());
      r.put("subjectPerSecond", c.subjectPerSecond());
      r.put("baselinePerSecond", c.baselinePerSecond());
      r.put("ratio", c.ratio());
    }
    ArrayNode floors = doc.putArray("floors");
    for (FloorBreakdown.Row f : report.floors()) {
      ObjectNode row = floors.addObject();
      row.put("name", f.name());
      ArrayNode ops = row.putArray("operations");
      for (FloorBreakdown.Term t : f.terms()) {
        ObjectNode op = ops.addObject();
        op.put("operation", t.op().label());
        op.put("count", t.count());
        op.put("microseconds", t.micros());
      }
      row.put("microseconds", f.micros());
      row.put("perSecond", f.perSecond());
    }
    return doc;
  }
}
