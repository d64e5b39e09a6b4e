package dev.hslab.real.learn;

import dev.hslab.model.handshake.MessageKind;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One input sequence on which the engine's machine and the tables' projection answer the last
 * input differently (their answers to every earlier input agree), classified like
 * docs/findings.md.
 *
 * @param inputs the shortest input sequence that reaches the difference
 * @param engine the engine's answer to the last input
 * @param model the tables' answer to the last input
 * @param kind how to read it
 */
public record Difference(List<MessageKind> inputs, String engine, String model, Kind kind) {

  /** docs/findings.md's classes. */
  public enum Kind {
    /** The engine accepts what the tables refuse, or refuses what they accept. */
    CONFORMANCE_FINDING("conformance finding"),
    /** Both refuse, with another alert or none (RFC 5246 §7.2.2 leaves the choice open). */
    ALLOWED_DIFFERENCE("allowed difference"),
    /** The scripted peer could not read what the engine sent (keys it does not share). */
    OBSERVATION_LIMIT("observation limit");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public Difference {
    inputs = List.copyOf(inputs);
  }

  static Kind classify(String engine, String model) {
    if (engine.contains("unreadable(")) {
      return Kind.OBSERVATION_LIMIT;
    }
    boolean engineRefuses = engine.endsWith(EngineOracle.CLOSED);
    boolean modelRefuses = model.endsWith(EngineOracle.CLOSED);
    return engineRefuses && modelRefuses ? Kind.ALLOWED_DIFFERENCE : Kind.CONFORMANCE_FINDING;
  }

  /** The inputs as docs/cli.md prints them: {@code client_hello finished}. */
  public static String describe(List<MessageKind> inputs) {
    return inputs.stream().map(TableProjection::label).collect(Collectors.joining(" "));
  }
}
