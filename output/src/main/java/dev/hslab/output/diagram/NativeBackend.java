package dev.hslab.output.diagram;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs the installed Graphviz {@code dot} on a temporary file (~60–250 ms per picture). */
final class NativeBackend implements Backend {

  private final Path dot;
  private final Duration timeout;

  NativeBackend(Path dot, Duration timeout) {
    this.dot = dot;
    this.timeout = timeout;
  }

  /** The {@code dot} executable on the PATH, if any. */
  static Optional<Path> findOnPath() {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, "dot");
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  @Override
  public String name() {
    return "native";
  }

  @Override
  public String svg(String source) {
    return new String(run(source, "svg"), StandardCharsets.UTF_8);
  }

  @Override
  public byte[] png(String source) {
    return run(source, "png");
  }

  @Override
  public String json(String source) {
    return new String(run(source, "json"), StandardCharsets.UTF_8);
  }

  private byte[] run(String source, String format) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("hslab-dot");
      Path in = Files.writeString(dir.resolve("in.dot"), source, StandardCharsets.UTF_8);
      Path out = dir.resolve("out." + format);
      Path err = dir.resolve("err.txt");
      Process p = new ProcessBuilder(List.of(dot.toString(), "-T" + format, "-o", out.toString(), in.toString()))
          .redirectErrorStream(false)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(err.toFile())
          .start();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new RenderException(dot + " did not finish within " + timeout.toSeconds() + " s");
      }
      if (p.exitValue() != 0) {
        String msg = Files.readString(err, StandardCharsets.UTF_8).strip();
        throw new RenderException(dot + " -T" + format + " failed (exit " + p.exitValue() + "): " + firstLine(msg));
      }
      return Files.readAllBytes(out);
    } catch (IOException e) {
      throw new RenderException("cannot run " + dot + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RenderException("interrupted while running " + dot, e);
    } finally {
      deleteQuietly(dir);
    }
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException ignored) {
      // A leftover temporary file is not worth failing a rendering for.
    }
  }

  @Override
  public void close() {}
}
