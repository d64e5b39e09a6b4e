package dev.hslab.output.capture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Wireshark's {@code tshark} over a capture, the independent reader our captures are checked
 * against (TLS over TCP, DTLS over UDP). Used by tests; the tool is optional on a workstation.
 */
public final class Tshark {

  private Tshark() {}

  /** Whether {@code tshark --version} runs. */
  public static boolean installed() {
    try {
      Process p = new ProcessBuilder("tshark", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * One field of every packet of {@code pcap} matching the display filter {@code filter}, with
   * {@code options} (e.g. {@code -o tls.keylog_file:...}), comma-separated values split out.
   *
   * @throws IOException when tshark cannot run, does not finish within a minute or fails
   */
  public static List<String> fields(Path pcap, List<String> options, String filter, String field)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("tshark", "-n", "-r", pcap.toString()));
    cmd.addAll(options);
    cmd.addAll(List.of("-Y", filter, "-T", "fields", "-e", field));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("tshark did not finish within 60 s: " + cmd);
    }
    if (p.exitValue() != 0) {
      throw new IOException("tshark exit status " + p.exitValue() + " for " + cmd);
    }
    List<String> values = new ArrayList<>();
    for (String line : new String(out, StandardCharsets.UTF_8).split("\n")) {
      for (String v : line.strip().split(",")) {
        if (!v.isEmpty()) {
          values.add(v);
        }
      }
    }
    return values;
  }
}
