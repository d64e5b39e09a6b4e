package dev.hslab.model.explore;

import dev.hslab.model.handshake.Side;

/**
 * One line of a counterexample: a local event, a message sent ({@code side.type} as in
 * {@code Trace.labels()}), a network fault, or a timeout.
 *
 * @param kind what happened
 * @param side who acted: the sender, the side whose channel the fault hit, the side that timed out
 * @param label the stable text, e.g. {@code server.finished}, {@code drop server.change_cipher_spec}
 */
public record TraceStep(Kind kind, Side side, String label) {

  public enum Kind {
    LOCAL,
    SENT,
    FAULT,
    TIMEOUT
  }

  @Override
  public String toString() {
    return label;
  }
}
