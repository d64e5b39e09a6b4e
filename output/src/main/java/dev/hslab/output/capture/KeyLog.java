package dev.hslab.output.capture;

import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.engine.Negotiated;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.trace.TraceEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Writes the NSS key log (the SSLKEYLOGFILE format Wireshark reads): one line
 * {@code CLIENT_RANDOM <64 hex digits> <96 hex digits>} per completed handshake, from the
 * engines' {@code Established} events, so a capture of the same trace can be decrypted. Both
 * sides report the same handshake; each (client random, master secret) pair is written once, in
 * trace order. An event without a master secret (an engine that cannot export it) is skipped.
 */
public final class KeyLog {

  private KeyLog() {}

  public static void write(Trace trace, Path file) throws IOException {
    Files.writeString(file, text(trace), StandardCharsets.US_ASCII);
  }

  /** The key log's lines, each ending in a newline. */
  public static String text(Trace trace) {
    Set<String> lines = new LinkedHashSet<>();
    for (TraceEvent e : trace.events()) {
      if (e instanceof TraceEvent.OfEngine oe && oe.event() instanceof EngineEvent.Established est) {
        Negotiated n = est.negotiated();
        if (n.masterSecret() == null || n.masterSecret().isEmpty() || n.clientRandom() == null || n.clientRandom().isEmpty()) {
          continue;
        }
        lines.add("CLIENT_RANDOM " + n.clientRandom().hex().toLowerCase(Locale.ROOT) + " "
            + n.masterSecret().hex().toLowerCase(Locale.ROOT));
      }
    }
    StringBuilder b = new StringBuilder();
    for (String l : lines) {
      b.append(l).append('\n');
    }
    return b.toString();
  }
}
