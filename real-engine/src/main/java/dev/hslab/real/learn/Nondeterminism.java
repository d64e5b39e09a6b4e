package dev.hslab.real.learn;

import dev.hslab.model.handshake.MessageKind;
import java.util.List;

/**
 * The engine answered one input sequence in two different ways: a learned machine would be a
 * guess, so learning stops and reports both answers instead of averaging them.
 */
public final class Nondeterminism extends RuntimeException {

  private final List<MessageKind> inputs;
  private final List<String> first;
  private final List<String> second;

  public Nondeterminism(List<MessageKind> inputs, List<String> first, List<String> second) {
    super("nondeterministic answers to " + Difference.describe(inputs) + ": " + first + " then " + second);
    this.inputs = List.copyOf(inputs);
    this.first = List.copyOf(first);
    this.second = List.copyOf(second);
  }

  public List<MessageKind> inputs() {
    return inputs;
  }

  public List<String> first() {
    return first;
  }

  public List<String> second() {
    return second;
  }
}
