package dev.hslab.output.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's Chromium, run headless: how the report's browser test opens {@code report.html} and
 * how the gallery photographs it for the README. One list of flags for both: as root Chromium
 * needs {@code --no-sandbox}; the others keep it from reaching the network or a profile of its
 * own, so the report is shown exactly as a reader who opens the file sees it.
 */
public final class HeadlessChromium {

  /** Where Debian's {@code chromium} package puts the browser; {@code -Dhslab.chromium=...} overrides. */
  public static final String DEFAULT_BINARY = "/usr/bin/chromium";

  /** The flags every headless start gets (add a fresh {@code --user-data-dir}). */
  public static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
      "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
      "--hide-scrollbars");

  private HeadlessChromium() {}

  public static Path binary() {
    return Path.of(System.getProperty("hslab.chromium", DEFAULT_BINARY));
  }

  /**
   * Photographs {@code html} (with URL fragment {@code fragment}, e.g. {@code message=2}, or
   * null) at {@code width} x {@code height} pixels into {@code png}.
   *
   * @throws IOException when Chromium is missing, fails or takes longer than two minutes
   */
  public static void screenshot(Path html, String fragment, Path png, int width, int height) throws IOException {
    Path browser = binary();
    if (!Files.isExecutable(browser)) {
      throw new IOException("no Chromium at " + browser + " (Debian: apt-get install chromium)");
    }
    Path profile = Files.createTempDirectory("hslab-chromium");
    try {
      List<String> cmd = new ArrayList<>();
      cmd.add(browser.toString());
      cmd.addAll(FLAGS);
      cmd.add("--user-data-dir=" + profile);
      cmd.add("--window-size=" + width + "," + height);
      cmd.add("--screenshot=" + png.toAbsolutePath());
      cmd.add(html.toAbsolutePath().toUri() + (fragment == null ? "" : "#" + fragment));
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!p.waitFor(2, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IOException("Chromium took more than two minutes to photograph " + html);
      }
      if (p.exitValue() != 0 || !Files.isRegularFile(png)) {
        throw new IOException("Chromium could not photograph " + html + " (exit " + p.exitValue() + ")");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while Chromium photographed " + html, e);
    } finally {
      deleteTree(profile);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
