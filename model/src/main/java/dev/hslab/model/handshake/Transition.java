package dev.hslab.model.handshake;

import java.util.List;

/**
 * One row of a transition table: in state {@code from}, on {@code trigger}, if every guard holds
 * (evaluated after the incoming message has been absorbed), go to {@code to} and send
 * {@code emits} in order, each optional one only if its own guards hold.
 */
public record Transition<S extends Enum<S> & HandshakeState>(
    S from, Trigger trigger, List<Guard> guards, S to, List<Emit> emits) {

  public Transition {
    guards = Guards.canonical(guards);
    emits = List.copyOf(emits);
  }

  public boolean applies(Facts facts) {
    return Guards.all(guards, facts);
  }

  public String guardLabel() {
    return Guards.label(guards);
  }

  @Override
  public String toString() {
    return from + " --" + trigger + (guards.isEmpty() ? "" : " [" + guardLabel() + "]") + "--> " + to + " " + emits;
  }
}
