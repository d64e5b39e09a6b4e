package dev.hslab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hslab.bench.Comparison;
import dev.hslab.bench.HandshakeComparisons;
import dev.hslab.bench.HandshakeComparisons.Budget;
import dev.hslab.real.JvmTlsPolicy;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hslab bench}: the handshake benchmarks, each a ratio against a baseline measured in the same run. */
@Command(name = "bench", sortOptions = false,
    description = "Measures full and resumed TLS 1.2 handshakes per second in memory (x25519; ECDHE_RSA, ECDHE_ECDSA, "
        + "RSA, ECDHE_RSA with client authentication), model engine against SunJSSE, BCJSSE and the floor "
        + "(the unavoidable public-key operations, fastest provider per primitive); and ECDHE_RSA connections "
        + "(handshake and close) through the actors over a lossless and a 1%%-loss network against the in-memory "
        + "loopback, on one dispatcher thread, and on two against one. Runs JMH, by default one fresh JVM per benchmark; "
        + "then the model against the floor and the actors' runs again, interleaved in this JVM (rows paired.*: "
        + "subject and baseline under the same machine load).",
    footerHeading = "%nExamples:%n",
    footer = {
      "  hslab bench                 the recorded figures (about eleven minutes)",
      "  hslab bench --quick         under a minute, wider error",
      "  hslab bench --quick --json  machine and results as JSON (docs/cli.md)",
      "  hslab bench --forks 0       all in this JVM (about three minutes, noisier)",
      "",
      "ratio = subjectPerSecond / baselinePerSecond: above 1, the model engine is faster;",
      "actors.lossless: the actors' speed relative to the loopback on one core (goal: at least 0.8);",
      "actors.scaling: two dispatcher threads against one (ideal: 2);",
      "paired.SUITE: median rates of alternating slices of model handshakes and floor operations;",
      "paired.actors.*: the actors' rows from alternating slices of the four runs.",
      "Exit codes: 0 measured, 2 bad usage."
    })
final class BenchCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--quick", description = "shorter iterations and a smaller identity pool (well under a minute)")
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
    List<Comparison> results = HandshakeComparisons.run(budget);
    PrintWriter w = spec.commandLine().getOut();
    if (json) {
      w.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json(results)));
    } else {
      w.println(machine());
      w.println(String.format(Locale.ROOT, "%-26s %-7s %-8s %16s %17s %7s",
          "name", "subject", "baseline", "subjectPerSecond", "baselinePerSecond", "ratio"));
      for (Comparison c : results) {
        w.println(String.format(Locale.ROOT, "%-26s %-7s %-8s %16.1f %17.1f %7.2f",
            c.name(), c.subject(), c.baseline(), c.subjectPerSecond(), c.baselinePerSecond(), c.ratio()));
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

  private static ObjectNode json(List<Comparison> results) {
    ObjectNode doc = JSON.createObjectNode();
    ObjectNode machine = doc.putObject("machine");
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put("jvm", jvm());
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    ArrayNode rs = doc.putArray("results");
    for (Comparison c : results) {
      ObjectNode r = rs.addObject();
      r.put("name", c.name());
      r.put("subject", c.subject());
      r.put("baseline", c.baseline());
      r.put("subjectPerSecond", c.subjectPerSecond());
      r.put("baselinePerSecond", c.baselinePerSecond());
      r.put("ratio", c.ratio());
    }
    return doc;
  }
}
