package dev.hslab.model.explore;

import java.util.List;

/**
 * A distinct message sequence of a fault-free run that completes (both sides closed with
 * close_notify): every handshake message, ChangeCipherSpec and alert, as {@code side.type}
 * (alerts by name, as {@code Trace.labels()}), from the first ClientHello to the end of the last
 * handshake — application data and the closing close_notify alerts left out.
 */
public record ValidPath(Configuration configuration, List<String> messages) {

  public ValidPath {
    messages = List.copyOf(messages);
  }

  public int length() {
    return messages.size();
  }
}
