package dev.hslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class HslabTest {


  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Hslab.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void versionPrintsTheProjectVersion() {
    assertThat(run("--version")).isZero();
    assertThat(out.toString()).startsWith("hslab 0.1.0");
  }

  @Test
  void helpListsExitCodes() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("Usage: hslab").contains("Exit codes:").contains("bad usage");
  }

  @Test
  void unknownFlagIsOneLineAndExitCode2() {
    assertThat(run("--no-such-flag")).isEqualTo(2);
    assertThat(err.toString()).startsWith("hslab: Unknown option: '--no-such-flag'");
    assertThat(out.toString()).isEmpty();
  }
}
