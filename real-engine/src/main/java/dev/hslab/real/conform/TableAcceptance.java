package dev.hslab.real.conform;

import dev.hslab.model.handshake.ClientTable;
import dev.hslab.model.handshake.Emit;
import dev.hslab.model.handshake.Facts;
import dev.hslab.model.handshake.HandshakeState;
import dev.hslab.model.handshake.LocalEvent;
import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.handshake.ServerTable;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.handshake.Transition;
import dev.hslab.model.handshake.TransitionTable;
import dev.hslab.model.handshake.Trigger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Runs a message sequence that an endpoint produced (a real engine, or the peer the model engine
 * saw over TCP) through the transition table of its role: the conformance check of issue #4. The
 * tables are the single source of truth (docs/architecture.md principle 1); this is the third executor of
 * them, beside the model engine and the explorer.
 *
 * <p>How: the {@link Facts} of each handshake are read from its messages ({@link SequenceFacts});
 * then, in the endpoint's own order, a received message must have a row in the current state
 * whose guards hold (that row's emits become what the endpoint owes), and a sent message must be
 * the next owed emit or the first emit of a local row (start, send data, close, renegotiate).
 * Warning alerts outside the tables are skipped (RFC 5246 §7.2.2 lets a receiver ignore them); a
 * fatal alert ends the sequence (not a table row: one rule ends any connection on it). An
 * encrypted handshake message that could not be decoded stands for the one handshake message the
 * table allows there, and is accepted only if there is exactly one.
 */
public final class TableAcceptance {

  private TableAcceptance() {}

  /** Checks {@code sequence}, the messages of the endpoint playing {@code role}, in its order. */
  public static Acceptance check(Side role, List<Observed> sequence) {
    return role == Side.CLIENT ? run(ClientTable.TABLE, sequence, true) : run(ServerTable.TABLE, sequence, false);
  }

  private static <S extends Enum<S> & HandshakeState> Acceptance run(
      TransitionTable<S> table, List<Observed> seq, boolean clientSends) {
    S state = table.initial();
    List<String> path = new ArrayList<>(List.of(state.name()));
    Deque<MessageKind> owed = new ArrayDeque<>();
    Facts facts = Facts.initial(true);
    int handshakes = 0;
    for (int i = 0; i < seq.size(); i++) {
      Observed o = seq.get(i);
      String where = (i + 1) + " " + o.label() + " in " + state + ": ";
      MessageKind kind = o.message().kind();
      if (kind == null && SequenceFacts.isFatalAlert(o)) {
        return new Acceptance(true, table.failed().name(), true, o.message().label(), null, path);
      }
      if (kind == null && SequenceFacts.isIgnoredWarning(o)) {
        continue;
      }
      if (kind == MessageKind.CLIENT_HELLO) {
        facts = SequenceFacts.of(segment(seq, i), clientSends, handshakes++ > 0);
      }
      if (kind == null) {
        Optional<MessageKind> stand = standIn(table, state, owed, o.sent());
        if (stand.isEmpty()) {
          return rejected(table, state, where + "an undecodable " + o.message().type() + " where the table allows no single handshake message", path);
        }
        kind = stand.get();
      }
      if (o.sent()) {
        if (!owed.isEmpty()) {
          if (owed.peek() != kind) {
            return rejected(table, state, where + "the table sends " + owed.peek().label() + " here", path);
          }
          owed.poll();
          continue;
        }
        Optional<Transition<S>> local = localRow(table, state, kind, facts);
        if (local.isEmpty()) {
          return rejected(table, state, where + "no row of the table sends it here", path);
        }
        addEmits(owed, local.get(), facts);
        owed.poll(); // the message itself
        state = move(state, local.get().to(), path);
      } else {
        if (!owed.isEmpty()) {
          return rejected(table, state, where + "received before sending " + owed.peek().label(), path);
        }
        Optional<Transition<S>> row = table.select(state, Trigger.receive(kind), facts);
        if (row.isEmpty()) {
          return rejected(table, state, where + (table.accepts(state, Trigger.receive(kind))
              ? "no row's guards hold for " + facts : "unexpected_message: no row for it"), path);
        }
        addEmits(owed, row.get(), facts);
        state = move(state, row.get().to(), path);
      }
    }
    return new Acceptance(true, state.name(), owed.isEmpty(), null, null, path);
  }

  /** The messages of the handshake that starts at {@code start}: up to the next ClientHello. */
  private static List<Observed> segment(List<Observed> seq, int start) {
    int end = start + 1;
    while (end < seq.size() && seq.get(end).message().kind() != MessageKind.CLIENT_HELLO) {
      end++;
    }
    return seq.subList(start, end);
  }

  private static <S extends Enum<S> & HandshakeState> Optional<Transition<S>> localRow(
      TransitionTable<S> table, S state, MessageKind kind, Facts facts) {
    for (LocalEvent e : LocalEvent.values()) {
      Optional<Transition<S>> row = table.select(state, Trigger.local(e), facts);
      if (row.isPresent() && row.get().emits().stream().filter(m -> m.applies(facts)).findFirst()
          .map(m -> m.kind() == kind).orElse(false)) {
        return row;
      }
    }
    return Optional.empty();
  }

  /** The handshake message an undecodable one stands for: the owed one, or the only one receivable. */
  private static <S extends Enum<S> & HandshakeState> Optional<MessageKind> standIn(
      TransitionTable<S> table, S state, Deque<MessageKind> owed, boolean sent) {
    if (sent) {
      return Optional.ofNullable(owed.peek()).filter(MessageKind::isHandshake);
    }
    List<MessageKind> kinds = table.triggers(state).stream()
        .filter(t -> t instanceof Trigger.Receive r && r.kind().isHandshake() && r.kind() != MessageKind.HELLO_REQUEST)
        .map(t -> ((Trigger.Receive) t).kind()).toList();
    return kinds.size() == 1 ? Optional.of(kinds.get(0)) : Optional.empty();
  }

  private static void addEmits(Deque<MessageKind> owed, Transition<?> row, Facts facts) {
    for (Emit e : row.emits()) {
      if (e.applies(facts)) {
        owed.add(e.kind());
      }
    }
  }

  private static <S extends Enum<S> & HandshakeState> S move(S from, S to, List<String> path) {
    if (to != from) {
      path.add(to.name());
    }
    return to;
  }

  private static <S extends Enum<S> & HandshakeState> Acceptance rejected(
      TransitionTable<S> table, S state, String problem, List<String> path) {
    return new Acceptance(false, state.name(), false, null, problem, path);
  }
}
