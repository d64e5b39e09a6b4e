package dev.hslab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hslab.scenario.Mismatch;
import dev.hslab.scenario.Scenario;
import dev.hslab.scenario.ScenarioException;
import dev.hslab.scenario.ScenarioReader;
import dev.hslab.scenario.ScenarioRunner;
import dev.hslab.scenario.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hslab check}: runs scenario files and compares each with its {@code expect:} block. */
@Command(name = "check", sortOptions = false,
    description = "Runs scenario files (or every .yaml file under a directory) and compares each run with the"
        + " scenario's expect: block. The format is described in docs/scenarios.md.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  hslab check scenarios/catalog                 every scenario of the catalog",
      "  hslab check scenarios/catalog/kex-rsa.yaml my.yaml",
      "  hslab check --json scenarios/catalog",
      "",
      "A scenario whose network has faults, loss, latency or partitions runs through the actors'",
      "simulated network in virtual time; the others over the in-memory loopback.",
      "",
      "Exit codes: 0 every scenario run matched, 1 a scenario did not match, 2 bad usage or a bad scenario",
      "file (one line: file:line:column: field: problem)."
    })
final class CheckCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "SCENARIO", description = "scenario files, or directories to search for *.yaml")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--json", description = "one JSON document on stdout, nothing else")
  boolean json;

  @Mixin HelpFlag help;

  @Override
  public Integer call() throws Exception {
    List<Scenario> scenarios = new ArrayList<>();
    for (Path file : files()) {
      try {
        scenarios.add(ScenarioReader.read(file));
      } catch (ScenarioException e) {
        throw new UsageException(e.getMessage());
      }
    }
    // Fault-free scenarios run over the loopback; those with a network over the actors.
    ScenarioRunner runner = ScenarioRunner.loopbackOnly().withNetwork(new dev.hslab.scenario.ActorsDriver());
    List<Verdict> verdicts = new ArrayList<>();
    for (Scenario s : scenarios) {
      verdicts.add(runner.run(s));
    }
    PrintWriter w = spec.commandLine().getOut();
    if (json) {
      w.println(json(verdicts).toPrettyString());
    } else {
      w.print(text(verdicts));
    }
    w.flush();
    return count(verdicts, Verdict.Status.FAILED) > 0 ? Hslab.FAILED : Hslab.OK;
  }

  /** The files named, and the *.yaml / *.yml files under each directory named, in a stable order. */
  private List<Path> files() throws UsageException {
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      if (!java.nio.file.Files.isDirectory(p)) {
        out.add(p);
        continue;
      }
      try (Stream<Path> walk = java.nio.file.Files.walk(p)) {
        List<Path> found = walk.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
            .filter(java.nio.file.Files::isRegularFile).sorted().toList();
        if (found.isEmpty()) {
          throw new UsageException(p + ": no scenario files (*.yaml) in this directory");
        }
        out.addAll(found);
      } catch (IOException e) {
        throw new UsageException(p + ": cannot list the directory: " + e.getMessage());
      }
    }
    return out;
  }

  static String text(List<Verdict> verdicts) {
    StringBuilder b = new StringBuilder();
    for (Verdict v : verdicts) {
      String tag = switch (v.status()) {
        case PASSED -> "PASS";
        case FAILED -> "FAIL";
        case NOT_RUN -> "NOT RUN";
      };
      b.append(String.format("%-8s %s", tag, v.scenario().file()));
      if (v.status() == Verdict.Status.NOT_RUN) {
        b.append("  (").append(v.reason()).append(')');
      }
      b.append('\n');
      for (Mismatch m : v.mismatches()) {
        b.append("         ").append(m.describe()).append('\n');
      }
      if (v.status() == Verdict.Status.FAILED && v.facts() != null) {
        b.append("         the run: ").append(v.facts().describeOutcome()).append(", ")
            .append(String.join(" ", v.facts().labels())).append('\n');
      }
    }
    b.append(summary(verdicts)).append('\n');
    return b.toString();
  }

  static String summary(List<Verdict> verdicts) {
    return count(verdicts, Verdict.Status.PASSED) + " passed, " + count(verdicts, Verdict.Status.FAILED) + " failed, "
        + count(verdicts, Verdict.Status.NOT_RUN) + " not run, of " + verdicts.size() + " scenario"
        + (verdicts.size() == 1 ? "" : "s");
  }

  static ObjectNode json(List<Verdict> verdicts) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode list = root.putArray("scenarios");
    for (Verdict v : verdicts) {
      ObjectNode o = list.addObject();
      o.put("file", v.scenario().file());
      o.put("name", v.scenario().name());
      o.put("status", v.status().name().toLowerCase(java.util.Locale.ROOT));
      if (v.status() == Verdict.Status.NOT_RUN) {
        o.put("reason", v.reason());
      } else {
        o.putNull("reason");
      }
      o.put("expectedOutcome", v.scenario().expect().outcome().label());
      if (v.facts() != null) {
        o.put("outcome", v.facts().established() ? "established" : "failed");
        ArrayNode messages = o.putArray("messages");
        v.facts().labels().forEach(messages::add);
      } else {
        o.putNull("outcome");
        o.putNull("messages");
      }
      ArrayNode mm = o.putArray("mismatches");
      for (Mismatch m : v.mismatches()) {
        ObjectNode x = mm.addObject();
        x.put("field", m.field());
        if (m.message() > 0) {
          x.put("message", m.message());
        } else {
          x.putNull("message");
        }
        x.put("expected", m.expected());
        x.put("actual", m.actual());
        x.put("text", m.describe());
      }
    }
    root.put("passed", count(verdicts, Verdict.Status.PASSED));
    root.put("failed", count(verdicts, Verdict.Status.FAILED));
    root.put("notRun", count(verdicts, Verdict.Status.NOT_RUN));
    root.put("total", verdicts.size());
    return root;
  }

  private static long count(List<Verdict> verdicts, Verdict.Status s) {
    return verdicts.stream().filter(v -> v.status() == s).count();
  }
}
