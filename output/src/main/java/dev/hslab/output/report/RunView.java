package dev.hslab.output.report;

import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.trace.Trace;
import java.util.List;
import java.util.Objects;

/**
 * What the report shows of a run: its configuration, the trace of each connection (two with
 * resumption: the full handshake, then the resumed one), a sequence diagram per connection and
 * the files written next to the report.
 *
 * @param title the section's heading
 * @param config the configuration that was run; null when the run was not made from one
 * @param engines which engines played client and server, e.g. {@code model / model}; null if not known
 * @param connections the connections' traces, in order
 * @param sequenceDiagrams one per connection, in the same order (fewer if some are missing)
 * @param files links to the run's other files
 */
public record RunView(String title, HandshakeConfig config, String engines, List<Trace> connections,
    List<Figure> sequenceDiagrams, List<FileLink> files) {

  public RunView {
    Objects.requireNonNull(title, "title");
    connections = List.copyOf(connections);
    sequenceDiagrams = List.copyOf(sequenceDiagrams);
    files = List.copyOf(files);
    if (connections.isEmpty()) {
      throw new IllegalArgumentException("a run has at least one connection");
    }
  }
}
