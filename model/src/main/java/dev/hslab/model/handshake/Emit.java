package dev.hslab.model.handshake;

import java.util.List;

/**
 * A message a transition sends, in order; optional messages carry the guards under which they
 * are sent (the brackets of RFC 5246 §7.3's message flow).
 */
public record Emit(MessageKind kind, List<Guard> guards) {

  public Emit {
    guards = Guards.canonical(guards);
  }

  public boolean optional() {
    return !guards.isEmpty();
  }

  public boolean applies(Facts facts) {
    return Guards.all(guards, facts);
  }

  @Override
  public String toString() {
    return optional() ? "[" + kind.label() + "]" : kind.label();
  }
}
