package dev.hslab.cli;

import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.output.OutputFiles;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Fills {@code --out} for a run: trace, sequence diagram, capture, key log, report, and run.json. */
final class RunOutput {

  private RunOutput() {}

  static OutputFiles.RunFiles write(RunReport report, HandshakeConfig hc, Path dir, PrintWriter err) throws UsageException {
    Files.createDirectory(dir);
    OutputFiles.RunFiles f;
    try {
      f = OutputFiles.writeRun(hc, report.traces(), hc.seed(), dir, OutputFiles.renderOptions());
    } catch (java.io.IOException e) {
      throw new UsageException("--out: cannot write into " + dir + ": " + e.getMessage());
    }
    report.addFile("trace", f.trace());
    report.addFile("sequenceSvg", f.sequenceSvg());
    report.addFile("pcap", f.pcap());
    report.addFile("keylog", f.keylog());
    report.addFile("report", f.report());
    Path runJson = dir.resolve("run.json");
    report.addFile("json", runJson);
    Files.writeJson(runJson, report.json());
    for (String p : f.problems()) {
      err.println("hslab: warning: " + p); // a picture that could not be drawn costs only that picture
    }
    return f;
  }
}
