package dev.hslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input at the edges of every command (issue 9, docs/cli.md): a wrong flag value, a missing
 * input file, an output directory that cannot be written, a port in use. Each gives exit code 2
 * and one clear line on stderr (plus, for parse errors, picocli's "Try 'hslab --help'" hint), no
 * stack trace, nothing on stdout.
 */
class BadInputEdgesTest {

  @TempDir
  static Path tmp;

  private static Path aFile() throws IOException {
    Path f = tmp.resolve("a-regular-file");
    if (!Files.exists(f)) {
      Files.writeString(f, "not a directory\n");
    }
    return f;
  }

  private static void assertUsageError(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Hslab.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    String what = String.join(" ", args);
    List<String> lines = err.toString().lines().toList();
    assertThat(code).as(what + " -> " + err).isEqualTo(2);
    assertThat(lines).as(what).isNotEmpty();
    assertThat(lines.get(0)).as(what).startsWith("hslab").doesNotContain("internal error")
        .doesNotContainPattern("(java|javax|picocli|dev)\\.[a-z.]+[A-Z]\\w*(Exception|Error)");
    assertThat(lines.subList(1, lines.size())).as(what + ": one line (and the usage hint)")
        .allMatch(l -> l.startsWith("Try 'hslab --help'"));
    assertThat(out.toString()).as(what + ": no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
  }

  /** One wrong value per flag that takes one, for every command that has it. */
  static Stream<String> wrongFlagValues() {
    return Stream.of(
        "run --version TLSv9.9", "run --version", "run --client-versions TLSv1.2-SSLv2", "run --client-versions nonsense",
        "run --server-versions TLSv1.3-TLSv1.3", "run --kex NOPE", "run --suite TLS_NOT_A_SUITE",
        "run --client-auth sometimes", "run --client-cert dsa", "run --resume sometimes", "run --renegotiate both",
        "run --seed abc", "run --seed 99999999999999999999999", "run --client-engine openssl", "run --server-engine nope",
        "demo --seed x",
        "sweep --loss 2", "sweep --loss 0,x", "sweep --connections 0", "sweep --latency fast",
        "explore --faults 9", "explore --kex NOPE", "deviate --engine nope", "deviate --version tls9",
        "findings", "findings --engine nope --out target/never", "findings --kex NOPE --out target/never",
        "findings --version tls9 --out target/never", "findings --runs 0 --out target/never", "findings --runs x --out target/never",
        "bench --forks -1", "bench --forks abc",
        "faults --kex NOPE", "faults --version tls1.9", "faults --version ssl3 --kex ecdhe_rsa",
        "run --loss 2", "run --latency fast", "run --fault explode:client.finished", "run --fault drop:nobody.finished",
        "render", "render nothing", "render states --format gif", "render states --side middle",
        "conform", "conform --engine nope", "conform --engine jsse --version TLSv9", "conform --engine jsse --kex NOPE",
        "conform --engine jsse --seed x",
        "learn", "learn --engine jsse", "learn --engine nope --role server", "learn --engine openssl --role server",
        "learn --engine model --role middle", "learn --engine model --role server --inputs some",
        "learn --engine model --role server --repeat 0", "learn --engine model --role server --kex NOPE",
        "connect", "connect no-port", "connect localhost:99999", "connect localhost:abc", "connect localhost:443 --timeout abc",
        "connect localhost:443 --timeout -5",
        "serve", "serve --port abc", "serve --port 70000", "serve --port -1", "serve --port 0 --max-connections -3",
        "serve --port 0 --timeout abc", "serve --port 0 --workers 0", "serve --port 0 --workers many",
        "load", "load --port abc", "load --port 0", "load --port 70000", "load --port 4433 --connections 0",
        "load --port 4433 --connections x", "load --port 4433 --concurrency 0", "load --port 4433 --concurrency 5000",
        "load --port 4433 --timeout 0", "load --port 4433 --tls tls1.3",
        "check", "completion --shell fish", "--no-such-flag", "no-such-command");
  }

  @ParameterizedTest
  @MethodSource("wrongFlagValues")
  @Timeout(30)
  void wrongFlagValueIsOneLineAndExitCode2(String args) {
    assertUsageError(args.split(" "));
  }

  @Test
  @Timeout(60)
  void missingInputFilesAreOneLineAndExitCode2() {
    String missing = tmp.resolve("no-such-file.yaml").toString();
    assertUsageError("check", missing);
    assertUsageError("connect", "localhost:443", "--ca", missing);
    assertUsageError("connect", "localhost:443", "--cert", missing, "--key", missing);
    assertUsageError("serve", "--port", "0", "--cert", missing, "--key", missing, "--out", tmp.resolve("serve").toString());
    Path notCreated = tmp.resolve("not-created");
    assertUsageError("serve", "--port", "0", "--ca", missing, "--out", notCreated.toString());
    assertUsageError("load", "--port", "4433", "--ca", missing);
    assertUsageError("load", "--port", "4433", "--ca", tmp.toString());
    assertThat(notCreated).as("a bad --ca is refused before the fresh CA is written").doesNotExist();
  }

  @Test
  @Timeout(60)
  void scenarioFileThatIsADirectoryOrGarbageIsOneLineAndExitCode2() throws IOException {
    assertUsageError("check", tmp.toString());
    Path garbage = tmp.resolve("garbage.yaml");
    Files.writeString(garbage, "{{{ not: [yaml\n");
    assertUsageError("check", garbage.toString());
  }

  /** Running as root ignores permission bits, so "unwritable" is a path under a regular file. */
  @Test
  @Timeout(120)
  void unwritableOutputDirectoryIsOneLineAndExitCode2() throws IOException {
    String isAFile = aFile().toString();
    String underAFile = aFile().resolve("sub").toString();
    for (String out : List.of(isAFile, underAFile)) {
      assertUsageError("run", "--out", out);
      assertUsageError("demo", "--out", out);
      assertUsageError("sweep", "--connections", "1", "--out", out);
      assertUsageError("render", "states", "--out", out);
      assertUsageError("conform", "--engine", "jsse", "--out", out);
      assertUsageError("connect", "localhost:1", "--out", out);
      assertUsageError("serve", "--port", "0", "--out", out);
      assertUsageError("load", "--port", "4433", "--out", out);
    }
  }

  @Test
  @Timeout(60)
  void portInUseIsOneLineAndExitCode2() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertUsageError("serve", "--port", Integer.toString(taken.getLocalPort()), "--max-connections", "1", "--timeout", "2",
          "--out", tmp.resolve("serve-out").toString());
    }
  }

  @Test
  void everyCommandIsCovered() {
    List<String> commands = Hslab.commandLine().getSubcommands().keySet().stream().sorted().toList();
    List<String> covered = wrongFlagValues().map(a -> a.split(" ")[0]).distinct().sorted().toList();
    assertThat(covered).as("a wrong value for every command").containsAll(commands);
    assertThat(Arrays.asList("help")).doesNotContainAnyElementsOf(commands);
  }
}
