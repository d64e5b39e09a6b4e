package dev.hslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher {@code bin/hslab} and the packaged jar, run as a user runs them: in a fresh process,
 * from another directory, through symlinks, on a PATH without a native Graphviz. Runs after
 * {@code package} (the scenarios pom's jar-tests execution, part of {@code mvn verify}).
 */
class LauncherIT {

  /** Surefire runs in the module's directory ({@code scenarios/}); the checkout is its parent. */
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path LAUNCHER = ROOT.resolve("bin/hslab");
  private static final Path JAR = ROOT.resolve("scenarios/target/hslab.jar");

  /**
   * What may appear on stderr besides nothing: {@link Progress}'s bar, the only progress output
   * of any command. It is progressbar's ASCII style ({@code TASK  42% [====>    ] 42/100 (...)}),
   * redrawn after a carriage return, and drawn only when there is a terminal (so, here, never).
   */
  private static final Pattern PROGRESS = Pattern.compile("^.* \\d{1,3}% \\[[=> ]*\\] .*$");

  @TempDir Path dir;

  /** The programs the launcher runs besides Java: its interpreter (through /usr/bin/env) and readlink. */
  private static Path tools;

  @BeforeAll
  static void packaged(@TempDir Path toolDir) throws IOException {
    assertThat(JAR).as("the packaged jar: these tests run in `mvn verify`, after package").isRegularFile();
    assertThat(Files.isExecutable(LAUNCHER)).as(LAUNCHER + " is executable").isTrue();
    // A PATH of exactly what the launcher needs, so no Graphviz `dot` can be on it.
    for (String tool : List.of("bash", "readlink")) {
      Files.createSymbolicLink(toolDir.resolve(tool), onPath(tool));
    }
    tools = toolDir;
  }

  @Test
  void demoThroughTheLauncherWithoutNativeGraphvizPrintsNothingButProgressOnStderr() throws Exception {
    Result r = run(dir, LAUNCHER.toString(), "demo", "--out", dir.resolve("out").toString());

    assertThat(r.exit()).as(r.stderr()).isZero();
    assertThat(withoutProgress(r.stderr())).isEmpty();
    assertThat(r.stdout()).contains("established: TLSv1.2").contains("Explorer:");
    // The pictures were drawn (by the embedded engine: there is no dot on this PATH).
    for (String svg : List.of("run/sequence.svg", "explore/paths.svg", "explore/client-states.svg", "explore/server-states.svg")) {
      assertThat(Files.readString(dir.resolve("out").resolve(svg))).as(svg).contains("<svg");
    }
  }

  /** The control: the same JVM does warn about J2V8's library itself, so the test above can fail. */
  @Test
  void theJvmWarnsWhenJ2v8LoadsItsOwnLibrary() throws Exception {
    Path lib = dir.resolve("lib");
    Files.createDirectories(lib);
    String classPath = JAR + File.pathSeparator + Path.of("target", "test-classes").toAbsolutePath();
    Result r = run(dir, java(), "-cp", classPath, J2v8Alone.class.getName(), lib.toString());

    assertThat(r.stderr()).satisfiesAnyOf(
        e -> assertThat(e).contains("might have disabled stack guard"),
        e -> assertThat(e).contains("executable stack"));
  }

  @Test
  void javaDashJarDrawsWithoutAWarningToo() throws Exception {
    Result r = run(dir, java(), "-jar", JAR.toString(), "render", "states", "--format", "png", "--out", dir.toString());

    assertThat(r.exit()).as(r.stderr()).isZero();
    assertThat(r.stderr()).isEmpty();
    assertThat(dir.resolve("client-states.png")).isNotEmptyFile();
  }

  @Test
  void worksFromAnyDirectoryAndThroughSymlinks() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("home/.local/bin"));
    Path absolute = Files.createSymbolicLink(bin.resolve("hslab"), LAUNCHER);
    // A relative link to the absolute one: two hops, the second from the first link's folder.
    Path relative = Files.createSymbolicLink(dir.resolve("hs"), dir.relativize(absolute));

    for (Path launcher : List.of(LAUNCHER, absolute, relative)) {
      Result r = run(Path.of("/"), launcher.toString(), "--version");
      assertThat(r.exit()).as(launcher + ": " + r.stderr()).isZero();
      assertThat(r.stdout()).startsWith("hslab 0.1.0");
    }
    // Found on the PATH by name, as after `ln -s "$PWD/bin/hslab" ~/.local/bin/hslab`.
    Result byName = run(Path.of("/"), bin, tools.resolve("bash").toString(), "-c", "hslab --version");
    assertThat(byName.exit()).as(byName.stderr()).isZero();
    assertThat(byName.stdout()).startsWith("hslab 0.1.0");
    Result usage = run(dir, relative.toString(), "run", "--kex", "nope");
    assertThat(usage.exit()).isEqualTo(2);
    assertThat(usage.stderr()).startsWith("hslab run: ").doesNotContain("Exception");
  }

  @Test
  void withoutTheJarOneLineSaysHowToBuildItAndExit2() throws Exception {
    Path checkout = Files.createDirectories(dir.resolve("checkout/bin"));
    Files.copy(LAUNCHER, checkout.resolve("hslab"));

    Result r = run(dir, checkout.resolve("hslab").toString(), "demo");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.stdout()).isEmpty();
    assertThat(r.stderr().lines()).singleElement().asString()
        .startsWith("hslab: ").contains("scenarios/target/hslab.jar").contains("mvn -B -q package -DskipTests");
  }

  /** Loads J2V8's library the way J2V8 does on its own (the control above). */
  static final class J2v8Alone {
    public static void main(String[] args) {
      com.eclipsesource.v8.V8.createV8Runtime(null, args[0]).release();
    }
  }

  private static String withoutProgress(String stderr) {
    StringBuilder rest = new StringBuilder();
    for (String segment : stderr.split("[\r\n]")) {
      if (!segment.isBlank() && !PROGRESS.matcher(segment).matches()) {
        rest.append(segment).append('\n');
      }
    }
    return rest.toString();
  }

  private record Result(int exit, String stdout, String stderr) {}

  private Result run(Path cwd, String... cmd) throws IOException, InterruptedException {
    return run(cwd, null, cmd);
  }

  /** Runs {@code cmd} with a PATH of the tools (and {@code morePath}, if not null), without Graphviz. */
  private Result run(Path cwd, Path morePath, String... cmd) throws IOException, InterruptedException {
    Path out = Files.createTempFile(dir, "stdout", ".txt");
    Path err = Files.createTempFile(dir, "stderr", ".txt");
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    Map<String, String> env = pb.environment();
    env.put("PATH", tools + (morePath == null ? "" : File.pathSeparator + morePath));
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.remove("HSLAB_JAVA_OPTS");
    env.remove("JAVA_TOOL_OPTIONS");
    env.remove("_JAVA_OPTIONS");
    for (String d : env.get("PATH").split(File.pathSeparator)) {
      assertThat(Path.of(d, "dot")).doesNotExist();
    }
    Process p = pb.start();
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).as(String.join(" ", cmd) + " ends").isTrue();
    return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static Path onPath(String tool) {
    List<String> dirs = new ArrayList<>(List.of(System.getenv("PATH").split(File.pathSeparator)));
    dirs.addAll(List.of("/usr/bin", "/bin"));
    for (String d : dirs) {
      Path p = Path.of(d, tool);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    throw new AssertionError(tool + " is not on the PATH");
  }
}
