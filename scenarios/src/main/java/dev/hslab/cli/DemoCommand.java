package dev.hslab.cli;

import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.config.LoopbackRun;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hslab demo}: the main job with no set-up. */
@Command(name = "demo", sortOptions = false,
    description = "Runs the reference handshake (TLS 1.2, ECDHE_RSA) and writes what it produced to --out.",
    footerHeading = "%nExamples:%n",
    footer = {"  hslab demo", "  hslab demo --out /tmp/hslab --seed 7", "", "Exit codes: 0 done, 1 the handshake failed, 2 bad usage."})
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
    Files.createDirectory(out);
    HandshakeConfig hc = HandshakeConfig.reference().withSeed(seed);
    RunReport report = new RunReport(hc, LoopbackRun.run(hc), "model", "model");
    Path runJson = out.resolve("run.json");
    Files.writeJson(runJson, report.json());
    PrintWriter w = spec.commandLine().getOut();
    if (json) {
      w.println(report.json().toPrettyString());
    } else {
      w.println("Handshake Lab demo: the reference handshake, message by message, with real crypto.");
      w.println();
      w.print(report.text());
      w.println();
      w.println("Wrote " + runJson + " (the run as JSON). Files are in " + out.toAbsolutePath() + "/");
    }
    w.flush();
    return report.established() ? Hslab.OK : Hslab.FAILED;
  }
}
