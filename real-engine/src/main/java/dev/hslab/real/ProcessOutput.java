package dev.hslab.real;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * What a child process writes (started with stderr merged into stdout), collected line by line on
 * a daemon thread: a process whose pipe nobody drains blocks once the pipe is full, and the text
 * is what a failure message quotes.
 */
public final class ProcessOutput {

  private final StringBuffer text = new StringBuffer();

  private ProcessOutput() {}

  /** Starts collecting {@code process}'s output until it ends or closes its output. */
  public static ProcessOutput collect(Process process, String threadName) {
    ProcessOutput out = new ProcessOutput();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          out.text.append(line).append('\n');
        }
      } catch (IOException e) {
        // the process ended
      }
    }, threadName);
    reader.setDaemon(true);
    reader.start();
    return out;
  }

  /** Whether the output so far contains {@code s}. */
  public boolean contains(String s) {
    return text.indexOf(s) >= 0;
  }

  /** The output so far. */
  @Override
  public String toString() {
    return text.toString();
  }
}
