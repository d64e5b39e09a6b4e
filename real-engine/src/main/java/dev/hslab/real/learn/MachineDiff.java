package dev.hslab.real.learn;

import dev.hslab.model.handshake.MessageKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import net.automatalib.automaton.transducer.MealyMachine;

/**
 * Where two Mealy machines over one alphabet answer differently: a breadth-first walk over pairs
 * of states from the initial pair, so each difference comes with the shortest input sequence
 * that reaches it. Each pair of states and input that answers differently is one difference; the
 * walk does not go on behind it (what follows a difference is a consequence of it). Shortest
 * first, then in alphabet order.
 */
public final class MachineDiff {

  private MachineDiff() {}

  public static <S, T> List<Difference> differences(MealyMachine<S, MessageKind, ?, String> engine,
      MealyMachine<T, MessageKind, ?, String> model, List<MessageKind> inputs) {
    record Pair<S, T>(S engine, T model) {}
    Map<Pair<S, T>, List<MessageKind>> reached = new HashMap<>();
    Deque<Pair<S, T>> todo = new ArrayDeque<>();
    Pair<S, T> start = new Pair<>(engine.getInitialState(), model.getInitialState());
    reached.put(start, List.of());
    todo.add(start);
    List<Difference> out = new ArrayList<>();
    while (!todo.isEmpty()) {
      Pair<S, T> p = todo.poll();
      List<MessageKind> word = reached.get(p);
      for (MessageKind in : inputs) {
        List<MessageKind> next = new ArrayList<>(word);
        next.add(in);
        String a = engine.getOutput(p.engine(), in);
        String b = model.getOutput(p.model(), in);
        if (!Objects.equals(a, b)) {
          out.add(new Difference(next, a, b, Difference.classify(a, b)));
          continue;
        }
        Pair<S, T> q = new Pair<>(engine.getSuccessor(p.engine(), in), model.getSuccessor(p.model(), in));
        if (reached.putIfAbsent(q, List.copyOf(next)) == null) {
          todo.add(q);
        }
      }
    }
    return List.copyOf(out);
  }
}
