package dev.hslab.actors;

import dev.hslab.model.handshake.Side;

/**
 * The link is cut from {@code fromMs} (inclusive) to {@code toMs} (exclusive) of virtual time:
 * every record sent in that window in the direction given is lost.
 *
 * @param from the sender whose records are lost, or null for both directions
 */
public record Partition(double fromMs, double toMs, Side from) {

  public Partition {
    if (!(fromMs >= 0) || !(toMs > fromMs)) {
      throw new IllegalArgumentException("partition window " + fromMs + "-" + toMs + " ms is empty or negative");
    }
  }

  public boolean cuts(Side sender, double timeMs) {
    return (from == null || from == sender) && timeMs >= fromMs && timeMs < toMs;
  }

  String describe() {
    return "partition " + Network.ms(fromMs) + "-" + Network.ms(toMs) + " ms";
  }
}
