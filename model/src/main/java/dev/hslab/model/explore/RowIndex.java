package dev.hslab.model.explore;

import dev.hslab.model.handshake.Facts;
import dev.hslab.model.handshake.HandshakeState;
import dev.hslab.model.handshake.LocalEvent;
import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.handshake.Transition;
import dev.hslab.model.handshake.TransitionTable;
import dev.hslab.model.handshake.Trigger;
import java.util.ArrayList;
import java.util.List;

/**
 * One table's rows grouped by state and trigger, in table order: the search asks "which row?"
 * some ten million times a second, and two array lookups answer it where {@link
 * TransitionTable#select} scans the state's rows comparing triggers. It answers exactly what the
 * table answers: the first row, in table order, whose trigger matches and whose guards hold.
 */
final class RowIndex {

  private static final int KINDS = MessageKind.values().length;
  private static final Transition<?>[] NONE = new Transition<?>[0];

  /** [state ordinal][trigger index]: receive triggers by kind, then local events. */
  private final Transition<?>[][][] rows;

  RowIndex(TransitionTable<?> table) {
    List<? extends HandshakeState> states = table.states();
    // Indexed by ordinal over the whole state enum: a table uses only some of its constants (the
    // TLS tables leave out the DTLS cookie states), and a state it does not use has no rows.
    int constants = states.isEmpty() ? 0 : ((Enum<?>) states.get(0)).getDeclaringClass().getEnumConstants().length;
    rows = new Transition<?>[constants][][];
    Transition<?>[][] noRows = new Transition<?>[KINDS + LocalEvent.values().length][];
    java.util.Arrays.fill(noRows, NONE);
    java.util.Arrays.fill(rows, noRows);
    for (HandshakeState s : states) {
      List<List<Transition<?>>> byTrigger = new ArrayList<>();
      for (int i = 0; i < KINDS + LocalEvent.values().length; i++) {
        byTrigger.add(new ArrayList<>());
      }
      for (Transition<?> t : rowsFrom(table, s)) {
        byTrigger.get(index(t.trigger())).add(t);
      }
      Transition<?>[][] forState = new Transition<?>[byTrigger.size()][];
      for (int i = 0; i < forState.length; i++) {
        forState[i] = byTrigger.get(i).isEmpty() ? NONE : byTrigger.get(i).toArray(NONE);
      }
      rows[((Enum<?>) s).ordinal()] = forState;
    }
  }

  /** Whether a row in {@code s} waits for {@code kind}, whatever the guards ({@link TransitionTable#accepts}). */
  boolean accepts(HandshakeState s, MessageKind kind) {
    return rows[((Enum<?>) s).ordinal()][kind.ordinal()].length > 0;
  }

  /** The row for receiving {@code kind} in {@code s} given {@code f}, or null ({@link TransitionTable#select}). */
  Transition<?> select(HandshakeState s, MessageKind kind, Facts f) {
    return first(rows[((Enum<?>) s).ordinal()][kind.ordinal()], f);
  }

  /** The row for the local {@code event} in {@code s} given {@code f}, or null. */
  Transition<?> select(HandshakeState s, LocalEvent event, Facts f) {
    return first(rows[((Enum<?>) s).ordinal()][KINDS + event.ordinal()], f);
  }

  private static Transition<?> first(Transition<?>[] candidates, Facts f) {
    for (Transition<?> t : candidates) {
      if (t.applies(f)) {
        return t;
      }
    }
    return null;
  }

  private static int index(Trigger t) {
    return t instanceof Trigger.Receive r ? r.kind().ordinal() : KINDS + ((Trigger.Local) t).event().ordinal();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static List<Transition<?>> rowsFrom(TransitionTable table, HandshakeState s) {
    return table.rowsFrom((Enum) s);
  }
}
