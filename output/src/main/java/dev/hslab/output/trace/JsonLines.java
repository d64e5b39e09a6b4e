package dev.hslab.output.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hslab.model.trace.Trace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a trace as JSON Lines: one event per line, in trace order, with the stable schema of
 * output/README-trace-schema.md. Secrets (master secret, keys) are never written; they go only to
 * the key log.
 */
public final class JsonLines {

  // Immutable once configured; shared because building one is costly and it holds no run state.
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonLines() {}

  public static void write(Trace trace, Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      write(trace, w);
    }
  }

  public static void write(Trace trace, Writer out) throws IOException {
    for (String line : lines(trace)) {
      out.write(line);
      out.write('\n');
    }
  }

  /**
   * The connections of one run (a full handshake, then its resumption) in one file, in order;
   * each line gets a last field {@code connection} (from 1), and {@code i} counts per connection.
   */
  public static void write(List<Trace> connections, Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (String line : lines(connections)) {
        w.write(line);
        w.write('\n');
      }
    }
  }

  /** The lines of several connections, each with its {@code connection} number; no terminators. */
  public static List<String> lines(List<Trace> connections) {
    List<String> out = new ArrayList<>();
    for (int k = 0; k < connections.size(); k++) {
      for (ObjectNode o : TraceJson.events(connections.get(k))) {
        o.put("connection", k + 1);
        out.add(json(o));
      }
    }
    return out;
  }

  private static String json(ObjectNode o) {
    try {
      return MAPPER.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("a JSON tree always serializes", e);
    }
  }

  /** The lines, without line terminators. */
  public static List<String> lines(Trace trace) {
    List<String> out = new ArrayList<>();
    for (ObjectNode o : TraceJson.events(trace)) {
      out.add(json(o));
    }
    return out;
  }
}
