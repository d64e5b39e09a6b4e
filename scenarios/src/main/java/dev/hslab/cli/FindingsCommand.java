package dev.hslab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hslab.model.concrete.DeviationSuite;
import dev.hslab.model.concrete.EngineUnderTest;
import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.real.JsseProvider;
import dev.hslab.real.findings.Finding;
import dev.hslab.real.findings.FindingClass;
import dev.hslab.real.findings.FindingRule;
import dev.hslab.real.findings.FindingsTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hslab findings}: deviate over the real engines, every difference classified by the rule table. */
@Command(name = "findings", sortOptions = false,
    description = "Runs hslab deviate's traces against each real engine (the model deviates as client against the "
        + "engine as server, and as server against the engine as client) and writes findings.md and findings.json: "
        + "every trace whose ending differs from the model's, classified by one table of rules with its RFC section.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  hslab findings --out docs                     regenerates docs/findings.md (all engines, RSA and ECDHE_RSA)",
      "  hslab findings --engine jsse --kex rsa --runs 1 --out /tmp/f",
      "",
      "Exit codes: 0 written, 1 written but some difference matches no rule (UNCLASSIFIED), 2 bad usage."
    })
final class FindingsCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--engine", paramLabel = "E", split = ",", defaultValue = "jsse,bcjsse,openssl",
      description = "the engines under test: jsse, bcjsse, openssl (repeatable or comma-separated; default ${DEFAULT-VALUE})")
  List<String> engines;

  @Option(names = "--kex", paramLabel = "K", split = ",", defaultValue = "rsa,ecdhe_rsa",
      description = "the key exchanges, one configuration each (default ${DEFAULT-VALUE})")
  List<String> kexes;

  @Option(names = "--version", paramLabel = "V", defaultValue = "tls1.2", description = "both sides exactly V (default ${DEFAULT-VALUE})")
  String version;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "2",
      description = "runs of every trace; a trace that ends differently is listed as nondeterministic (default ${DEFAULT-VALUE})")
  int runs;

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "writes findings.md and findings.json there")
  Path out;

  @Mixin HelpFlag help;

  /** The command that regenerates docs/findings.md, written in its head. */
  static final String REGENERATE = "hslab findings --out docs";

  @Override
  public Integer call() throws Exception {
    if (runs < 1) {
      throw new UsageException("--runs: at least 1, not " + runs);
    }
    ProtocolVersion v = ConfigOptions.parseVersion("--version", version);
    List<HandshakeConfig> configs = new ArrayList<>();
    for (String k : kexes) {
      configs.add(HandshakeConfig.of(v, ConfigOptions.parseEnum("--kex", k, KeyExchange.class)));
    }
    Map<String, EngineUnderTest> suts = new LinkedHashMap<>();
    for (String e : engines) {
      if (e.equalsIgnoreCase("model")) {
        throw new UsageException("--engine: findings are about real engines: jsse, bcjsse, openssl");
      }
      suts.put(e.toLowerCase(Locale.ROOT), DeviateCommand.engineUnderTest(e));
    }
    Files.createDirectory(out);
    List<Finding> rows = new ArrayList<>();
    List<String> configLabels = new ArrayList<>();
    Map<String, Long> traces = new LinkedHashMap<>();
    PrintWriter err = spec.commandLine().getErr();
    try (Progress p = Progress.start(err, "findings", (long) suts.size() * configs.size() * runs)) {
      for (HandshakeConfig hc : configs) {
        for (Map.Entry<String, EngineUnderTest> e : suts.entrySet()) {
          List<DeviationSuite.Result> repeats = new ArrayList<>();
          for (int i = 0; i < runs; i++) {
            try {
              repeats.add(DeviationSuite.run(hc, e.getValue()));
            } catch (IllegalArgumentException ex) {
              throw new UsageException(ex.getMessage());
            }
            p.step();
          }
          repeats.get(0).configurations().forEach(c -> {
            if (!configLabels.contains(c.label())) {
              configLabels.add(c.label());
            }
          });
          traces.merge(e.getKey(), repeats.get(0).ran(), Long::sum);
          rows.addAll(FindingsTable.rows(repeats));
        }
      }
    }
    String command = commandLine();
    Files.writeString(out.resolve("findings.md"), markdown(rows, configLabels, traces, command));
    Files.writeJson(out.resolve("findings.json"), json(rows, configLabels, traces, command));
    long unclassified = rows.stream().filter(f -> f.kind() == FindingClass.UNCLASSIFIED).count();
    PrintWriter w = spec.commandLine().getOut();
    w.printf(Locale.ROOT, "%d differences in %s: %s%n", rows.size(), out.resolve("findings.md"), counts(rows));
    w.flush();
    if (unclassified > 0) {
      err.printf(Locale.ROOT, "hslab findings: %d UNCLASSIFIED difference(s): no rule of FindingRules matches; see %s%n",
          unclassified, out.resolve("findings.md"));
      err.flush();
      return Hslab.FAILED;
    }
    return Hslab.OK;
  }

  /** The command line that produced the file, with the defaults spelled as the short form. */
  private String commandLine() {
    boolean defaults = engines.equals(List.of("jsse", "bcjsse", "openssl")) && kexes.equals(List.of("rsa", "ecdhe_rsa"))
        && version.equals("tls1.2") && runs == 2;
    String dir = out.toString();
    return defaults ? "hslab findings --out " + dir : String.format(Locale.ROOT,
        "hslab findings --engine %s --kex %s --version %s --runs %d --out %s", String.join(",", engines),
        String.join(",", kexes), version, runs, dir);
  }

  private static String counts(List<Finding> rows) {
    Map<FindingClass, Long> n = byClass(rows);
    List<String> parts = new ArrayList<>();
    n.forEach((k, c) -> parts.add(c + " " + k.label()));
    return parts.isEmpty() ? "none" : String.join(", ", parts);
  }

  private static Map<FindingClass, Long> byClass(List<Finding> rows) {
    Map<FindingClass, Long> n = new EnumMap<>(FindingClass.class);
    rows.forEach(f -> n.merge(f.kind(), 1L, Long::sum));
    return n;
  }

  /** The engines' versions: facts of the machine the table was made on (no times, nothing that changes per run). */
  private static String engineVersions(Map<String, Long> traces) {
    List<String> out = new ArrayList<>();
    for (String e : traces.keySet()) {
      out.add(switch (e) {
        case "jsse" -> "SunJSSE (Java " + System.getProperty("java.version") + ")";
        case "bcjsse" -> "BCJSSE " + JsseProvider.BCJSSE.provider().getVersionStr();
        case "openssl" -> opensslVersion();
        default -> e;
      });
    }
    return String.join(", ", out);
  }

  private static String opensslVersion() {
    try {
      Process p = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
      String s = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
      p.waitFor();
      int lib = s.indexOf(" (Library");
      return lib < 0 ? s : s.substring(0, lib);
    } catch (java.io.IOException e) {
      return "OpenSSL (version unknown: " + e.getMessage() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "OpenSSL";
    }
  }

  static String markdown(List<Finding> rows, List<String> configs, Map<String, Long> traces, String command) {
    StringBuilder b = new StringBuilder();
    b.append("# Findings: real engines against the model's deviant traces\n\n");
    b.append("Generated by `").append(command).append("` (see [cli.md](cli.md#hslab-findings)); do not edit by hand.\n\n");
    b.append("Each deviant trace of `hslab deviate` runs against each real engine in both roles: a model client ")
        .append("deviates against the engine as server, a model server against the engine as client. A row is a trace ")
        .append("whose ending differs from the one the model's transition tables expect. Its class comes from one ")
        .append("table of rules (`FindingRules`, module real-engine), each with the RFC section that decides it.\n\n");
    b.append("- Engines: ").append(engineVersions(traces)).append('\n');
    b.append("- Configurations: ").append(String.join("; ", configs)).append('\n');
    b.append("- Traces run per engine: ");
    List<String> t = new ArrayList<>();
    traces.forEach((e, n) -> t.add(e + " " + n));
    b.append(String.join(", ", t)).append("; each trace as many times as `--runs` says, a trace that ends differently ")
        .append("between runs is listed as nondeterministic\n\n");
    b.append("Classes:\n\n");
    for (FindingClass c : FindingClass.values()) {
      b.append("- **").append(c.label()).append("**: ").append(c.meaning()).append('\n');
    }
    b.append("\n## Counts\n\n");
    List<String> cols = new ArrayList<>();
    for (String e : traces.keySet()) {
      cols.add(e + " server");
      cols.add(e + " client");
    }
    b.append("| class | ").append(String.join(" | ", cols)).append(" | total |\n");
    b.append("|---|").append("---:|".repeat(cols.size())).append("---:|\n");
    for (FindingClass c : FindingClass.values()) {
      b.append("| ").append(c.label());
      long total = 0;
      for (String col : cols) {
        long n = rows.stream().filter(f -> f.kind() == c && col.equals(f.engine() + " " + f.role())).count();
        total += n;
        b.append(" | ").append(n);
      }
      b.append(" | ").append(total).append(" |\n");
    }
    b.append("\nThe engine's role is the side it plays: `server` rows are traces where the model client deviates.\n");
    b.append("\n## By kind\n");
    Map<String, List<Finding>> groups = new LinkedHashMap<>();
    for (FindingClass c : FindingClass.values()) {
      for (Finding f : rows) {
        if (f.kind() == c) {
          groups.computeIfAbsent(f.rule() == null ? c.label() : f.rule().id(), k -> new ArrayList<>()).add(f);
        }
      }
    }
    for (Map.Entry<String, List<Finding>> g : groups.entrySet()) {
      Finding first = g.getValue().get(0);
      FindingRule r = first.rule();
      b.append("\n### ").append(g.getKey()).append(" — ").append(first.kind().label()).append(" (")
          .append(g.getValue().size()).append(")\n\n");
      if (r != null) {
        b.append("**").append(r.section()).append("**: \"").append(r.quote()).append("\"\n\n");
        b.append(r.reason()).append('\n');
        if (!r.api().isEmpty()) {
          b.append("\nHidden by: ").append(r.api()).append('\n');
        }
        b.append('\n');
      }
      Map<String, Long> per = new LinkedHashMap<>();
      g.getValue().forEach(f -> per.merge(f.engine() + " as " + f.role(), 1L, Long::sum));
      List<String> ps = new ArrayList<>();
      per.forEach((k, n) -> ps.add(k + " " + n));
      b.append("Per engine and role: ").append(String.join(", ", ps)).append("\n\n");
      b.append("| engine | role | configuration | # | deviation | expected | observed | class | RFC | reason |\n");
      b.append("|---|---|---|---:|---|---|---|---|---|---|\n");
      for (Finding f : g.getValue()) {
        b.append("| ").append(f.engine()).append(" | ").append(f.role()).append(" | ").append(f.configuration())
            .append(" | ").append(f.trace()).append(" | ").append(f.deviation()).append(" | ").append(f.expected())
            .append(" | ").append(String.join(" / ", f.observed())).append(" | ").append(f.kind().label())
            .append(" | ").append(r == null ? "-" : r.section()).append(" | ")
            .append(r == null ? f.note() : r.id()).append(" |\n");
      }
    }
    if (rows.isEmpty()) {
      b.append("\nNo differences.\n");
    }
    return b.toString().replace("|  |", "| |");
  }

  static ObjectNode json(List<Finding> rows, List<String> configs, Map<String, Long> traces, String command) {
    ObjectNode o = JSON.createObjectNode();
    o.put("command", command);
    ArrayNode cs = o.putArray("configurations");
    configs.forEach(cs::add);
    ObjectNode tr = o.putObject("traces");
    traces.forEach(tr::put);
    ObjectNode counts = o.putObject("counts");
    byClass(rows).forEach((k, n) -> counts.put(k.name().toLowerCase(Locale.ROOT), n));
    ArrayNode list = o.putArray("findings");
    for (Finding f : rows) {
      ObjectNode e = list.addObject();
      e.put("engine", f.engine());
      e.put("role", f.role());
      e.put("configuration", f.configuration());
      e.put("trace", f.trace());
      e.put("deviation", f.deviation());
      e.put("expected", f.expected());
      ArrayNode obs = e.putArray("observed");
      f.observed().forEach(obs::add);
      e.put("class", f.kind().name().toLowerCase(Locale.ROOT));
      if (f.rule() != null) {
        e.put("rule", f.rule().id());
        e.put("rfc", f.rule().section());
        e.put("reason", f.rule().reason());
        if (!f.rule().api().isEmpty()) {
          e.put("api", f.rule().api());
        }
      } else {
        e.putNull("rule");
        e.put("note", f.note());
      }
    }
    return o;
  }
}
