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

  /** The lines, without line terminators. */
  public static List<String> lines(Trace trace) {
    List<String> out = new ArrayList<>();
    for (ObjectNode o : TraceJson.events(trace)) {
      try {
        out.add(MAPPER.writeValueAsString(o));
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException("a JSON tree always serializes", e);
      }
    }
    return out;
  }
}
