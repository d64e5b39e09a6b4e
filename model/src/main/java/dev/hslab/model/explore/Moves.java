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
  /** Deliveries and faults are tried on the channel to the server first. */
  private static final Side[] RECEIVERS = {Side.SERVER, Side.CLIENT};
  private static final Move[] DELIVER = {Move.deliver(Side.SERVER), Move.deliver(Side.CLIENT)};

  private final Model model;
  private final Semantics semantics;
  /** The fault moves, made once: [receiver index][fault kind index] and, for injection, [receiver][kind]. */
  private final Move[][] faults;
  private final Move[][] injections;

  Moves(Model model, Semantics semantics) {
    this.model = model;
    this.semantics = semantics;
    List<FaultKind> kinds = model.faultKinds();
    faults = new Move[RECEIVERS.length][kinds.size()];
    injections = new Move[RECEIVERS.length][KINDS.length];
    for (int r = 0; r < RECEIVERS.length; r++) {
      for (int f = 0; f < kinds.size(); f++) {
        faults[r][f] = Move.fault(RECEIVERS[r], kinds.get(f), null);
      }
      for (int k = 0; k < KINDS.length; k++) {
        injections[r][k] = Move.fault(RECEIVERS[r], FaultKind.INJECT, KINDS[k]);
      }
    }
  }

  /** The honest moves: what the endpoints and a perfect network do. */
  List<Move> honest(World w) {
    List<Move> out = new ArrayList<>(3);
    if (semantics.scriptEnabled(w)) {
      out.add(Move.SCRIPT);
    }
    for (int r = 0; r < RECEIVERS.length; r++) {
      if (!w.channelTo(RECEIVERS[r]).isEmpty()) {
        out.add(DELIVER[r]);
      }
    }
    return out;
  }

  /** Every move: honest ones, faults, and the timeout when nothing honest can happen. */
  List<Move> all(World w, List<Move> honest) {
    if (w.faultsLeft() == 0) {
      return honest.isEmpty() && !w.bothTerminal() ? List.of(Move.TIMEOUT) : honest;
    }
    List<Move> out = new ArrayList<>(honest.size() + 2 * (model.faultKinds().size() + KINDS.length) + 1);
    out.addAll(honest);
    List<FaultKind> kinds = model.faultKinds();
    for (int r = 0; r < RECEIVERS.length; r++) {
      Side to = RECEIVERS[r];
      if (w.endpoint(to).terminal()) {
        continue;
      }
      Channel c = w.channelTo(to);
      for (int f = 0; f < kinds.size(); f++) {
        FaultKind kind = kinds.get(f);
        if (kind == FaultKind.INJECT) {
          for (Move m : injections[r]) {
            out.add(m);
          }
        } else if (kind == FaultKind.REORDER ? c.size() >= 2 : !c.isEmpty()) {
          out.add(faults[r][f]);
        }
      }
    }
    if (honest.isEmpty() && !w.bothTerminal()) {
      out.add(Move.TIMEOUT);
    }
    return out;
  }
}
