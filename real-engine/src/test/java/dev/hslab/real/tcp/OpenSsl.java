package dev.hslab.real.tcp;

import dev.hslab.real.ProcessOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@code openssl} process for a test: started with its output collected line by line on a
 * daemon thread, every wait bounded, and always destroyed ({@link #close}).
 */
final class OpenSsl implements AutoCloseable {

  private final Process process;
  private final ProcessOutput output;

  private OpenSsl(List<String> args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("openssl"));
    cmd.addAll(args);
    process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    output = ProcessOutput.collect(process, "openssl-output");
  }

  static OpenSsl start(List<String> args) throws IOException {
    return new OpenSsl(args);
  }

  /** Waits until the output contains {@code text}; false after {@code max}. */
  boolean awaitOutput(String text, Duration max) throws InterruptedException {
    long end = System.nanoTime() + max.toNanos();
    while (System.nanoTime() < end) {
      if (output.contains(text)) {
        return true;
      }
      if (!process.isAlive() && !output.contains(text)) {
        Thread.sleep(50); // the reader may still be draining
        return output.contains(text);
      }
      Thread.sleep(20);
    }
    return false;
  }

  void write(String text) throws IOException {
    OutputStream in = process.getOutputStream();
    in.write(text.getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  void closeInput() throws IOException {
    process.getOutputStream().close();
  }

  /** The exit code, or -1 if it did not end within {@code max}. */
  int awaitExit(Duration max) throws InterruptedException {
    return process.waitFor(max.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
  }

  String output() {
    return output.toString();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(3, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(3, TimeUnit.SECONDS);
    }
  }

  /** A port nothing listens on right now. */
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Whether an {@code openssl} binary runs here. */
  static boolean available() {
    try {
      Process p = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
      return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
