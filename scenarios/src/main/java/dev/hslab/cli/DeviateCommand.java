package dev.hslab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hslab.model.concrete.DeviationRun;
import dev.hslab.model.concrete.DeviationSuite;
import dev.hslab.model.concrete.EngineUnderTest;
import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.explore.Mutation;
import dev.hslab.real.JsseEngineFactory;
import dev.hslab.real.JsseProvider;
import dev.hslab.real.JvmTlsPolicy;
import dev.hslab.real.OpenSslEngine;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hslab deviate}: deviant traces of the valid paths, expected outcome vs what an engine did. */
@Command(name = "deviate", sortOptions = false,
    description = "Derives the deviant traces of the configuration's valid paths (skip, repeat, swap, inject, "
        + "early ChangeCipherSpec/Finished/application data, version downgrade), with the model's expected "
        + "outcome, and runs each with real crypto: a model engine deviates, engine E plays the other side.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  hslab deviate                                the reference handshake against the model engine",
      "  hslab deviate --version tls1.0 --kex rsa --client-auth require",
      "  hslab deviate --engine jsse --json            SunJSSE as the side under test",
      "",
      "A real engine that completes a run the model rejects is a FINDING, listed as such.",
      "Exit codes: 0 done, 1 the model engine itself ended a trace other than the model expects, 2 bad usage."
    })
final class DeviateCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin ConfigOptions options;

  @Option(names = "--engine", paramLabel = "E", defaultValue = "model",
      description = "the engine under test: model, jsse, bcjsse, openssl (an openssl s_server or s_client "
          + "on 127.0.0.1 per trace) (default ${DEFAULT-VALUE})")
  String engine;

  @Option(names = "--json", description = "one JSON document on stdout, nothing else")
  boolean json;

  @Option(names = "--out", paramLabel = "DIR", description = "also write deviate.json there")
  Path out;

  @Mixin HelpFlag help;

  @Override
  public Integer call() throws Exception {
    HandshakeConfig hc = options.toConfig();
    EngineUnderTest sut = engineUnderTest(engine);
    DeviationSuite.Result r;
    try {
      r = DeviationSuite.run(hc, sut);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    ObjectNode doc = json(r, sut.name());
    if (out != null) {
      Files.writeJson(out.resolve("deviate.json"), doc);
    }
    PrintWriter w = spec.commandLine().getOut();
    if (json) {
      w.println(doc.toPrettyString());
    } else {
      w.print(text(r, sut.name()));
    }
    w.flush();
    return sut == EngineUnderTest.MODEL && r.mismatches() > 0 ? Hslab.FAILED : Hslab.OK;
  }

  static EngineUnderTest engineUnderTest(String name) throws UsageException {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "model" -> EngineUnderTest.MODEL;
      case "jsse", "bcjsse" -> {
        JvmTlsPolicy.enableLegacyTlsForThisJvm();
        JsseProvider p = name.equalsIgnoreCase("jsse") ? JsseProvider.JSSE : JsseProvider.BCJSSE;
        yield JsseEngineFactory.underTest(p);
      }
      case "openssl" -> OpenSslEngine.underTest();
      default -> throw new UsageException("--engine: unknown engine '" + name + "' (allowed: model, jsse, bcjsse, openssl)");
    };
  }

  /** What one run shows in the verdict column. */
  static String verdict(DeviationRun r) {
    if (!r.ran()) {
      return "skipped: " + r.note();
    } else if (r.answeredCloseNotify()) {
      return "ok: answered close_notify (RFC 5246 §7.2.1)";
    } else if (r.matches()) {
      return "ok";
    }
    return r.acceptsWhatModelRejects() ? "FINDING: accepts what the model rejects" : "differs";
  }

  static String text(DeviationSuite.Result r, String engine) {
    StringBuilder b = new StringBuilder();
    b.append("deviant traces of ").append(String.join(" + ", r.configurations().stream().map(c -> c.label()).toList()))
        .append("\nengine under test: ").append(engine).append(" (the deviating side is a model engine)\n\n");
    b.append(String.format(Locale.ROOT, "%4s  %-72s  %-36s  %-36s  %s%n", "#", "trace", "expected", "engine did", "verdict"));
    int n = 0;
    for (DeviationRun run : r.runs()) {
      Mutation m = run.deviation().mutation();
      b.append(String.format(Locale.ROOT, "%4d  %-72s  %-36s  %-36s  %s%n", ++n, m.label(), run.deviation().expected().explorerLabel(),
          run.ran() ? run.actual().explorerLabel() : "-", verdict(run)));
    }
    b.append(String.format(Locale.ROOT, "%n%d traces, %d run, %d as expected, %d differ, %d findings (accepts what the model rejects)%n",
        r.runs().size(), r.ran(), r.ran() - r.mismatches(), r.mismatches(), r.findings()));
    return b.toString();
  }

  static ObjectNode json(DeviationSuite.Result r, String engine) {
    ObjectNode o = JSON.createObjectNode();
    o.put("engine", engine);
    ArrayNode cs = o.putArray("configurations");
    r.configurations().forEach(c -> cs.add(c.label()));
    o.put("traces", r.runs().size());
    o.put("ran", r.ran());
    o.put("mismatches", r.mismatches());
    o.put("findings", r.findings());
    ArrayNode list = o.putArray("deviations");
    for (DeviationRun run : r.runs()) {
      Mutation m = run.deviation().mutation();
      ObjectNode e = list.addObject();
      e.put("config", run.deviation().configuration().label());
      e.put("mutation", m.kind().cliName());
      e.put("trace", m.label());
      e.put("position", m.position() + 1);
      e.put("deviatingSide", m.sender().label());
      e.put("expected", run.deviation().expected().explorerLabel());
      if (run.ran()) {
        e.put("actual", run.actual().explorerLabel());
        e.put("actualCode", run.actual().code());
      } else {
        e.putNull("actual");
        e.putNull("actualCode");
      }
      e.put("verdict", verdict(run));
      ArrayNode labels = e.putArray("messages");
      run.labels().forEach(labels::add);
    }
    return o;
  }
}
