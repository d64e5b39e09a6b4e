package dev.hslab.model.engine;

import dev.hslab.model.wire.Bytes;
import java.util.List;

/**
 * What one engine step produced: whole records to send, in order (so a network can fault each
 * record on its own), and the events that happened. For a DTLS engine each element is one whole
 * datagram, which may carry several records (RFC 6347 §4.1.1).
 */
public record Step(List<Bytes> records, List<EngineEvent> events) {

  public static final Step NOTHING = new Step(List.of(), List.of());

  public Step {
    records = List.copyOf(records);
    events = List.copyOf(events);
  }

  public boolean isEmpty() {
    return records.isEmpty() && events.isEmpty();
  }
}
