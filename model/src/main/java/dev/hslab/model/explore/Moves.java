package dev.hslab.model.explore;

import dev.hslab.model.fault.FaultKind;
import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.handshake.Side;
import java.util.ArrayList;
import java.util.List;

/**
 * The moves enabled in a world, in a fixed order: the honest ones (the script, then deliveries to
 * the server and to the client), then the faults while budget is left, then — only when no honest
 * move is possible — the timeout.
 */
final class Moves {

  private static final MessageKind[] KINDS = MessageKind.tls().toArray(MessageKind[]::new);

  private final Model model;
  private final Semantics semantics;

  Moves(Model model, Semantics semantics) {
    this.model = model;
    this.semantics = semantics;
  }

  /** The honest moves: what the endpoints and a perfect network do. */
  List<Move> honest(World w) {
    List<Move> out = new ArrayList<>(3);
    if (semantics.scriptEnabled(w)) {
      out.add(Move.SCRIPT);
    }
    for (Side to : new Side[] {Side.SERVER, Side.CLIENT}) {
      if (!w.channelTo(to).isEmpty()) {
        out.add(Move.deliver(to));
      }
    }
    return out;
  }

  /** Every move: honest ones, faults, and the timeout when nothing honest can happen. */
  List<Move> all(World w, List<Move> honest) {
    List<Move> out = new ArrayList<>(honest);
    if (w.faultsLeft() > 0) {
      for (Side to : new Side[] {Side.SERVER, Side.CLIENT}) {
        if (w.endpoint(to).terminal()) {
          continue;
        }
        Channel c = w.channelTo(to);
        for (FaultKind f : model.faultKinds()) {
          if (f == FaultKind.INJECT) {
            for (MessageKind k : KINDS) {
              out.add(Move.fault(to, f, k));
            }
          } else if (f == FaultKind.REORDER ? c.size() >= 2 : !c.isEmpty()) {
            out.add(Move.fault(to, f, null));
          }
        }
      }
    }
    if (honest.isEmpty() && !w.bothTerminal()) {
      out.add(Move.TIMEOUT);
    }
    return out;
  }
}
