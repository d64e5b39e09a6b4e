package dev.hslab.model.explore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The distinct message sequences of the fault-free runs that complete. Different interleavings
 * can reach one state with different histories, so the sequences are enumerated depth-first over
 * the honest moves, with the set of completing suffixes memoized per state (and a state already
 * on the current path skipped: a cycle adds no completing sequence that its unrolling would not).
 */
final class PathEnumerator {

  private final Model model;
  private final Semantics semantics;
  private final Moves moves;
  private final Map<Key, Set<List<String>>> memo = new HashMap<>();
  private final Set<Key> onPath = new HashSet<>();

  PathEnumerator(Model model, Semantics semantics, Moves moves) {
    this.model = model;
    this.semantics = semantics;
    this.moves = moves;
  }

  private record Key(byte[] bytes) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && java.util.Arrays.equals(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
      return java.util.Arrays.hashCode(bytes);
    }
  }

  List<ValidPath> paths() {
    List<ValidPath> out = new ArrayList<>();
    for (List<String> p : suffixes(model.initial())) {
      out.add(new ValidPath(model.config(), p));
    }
    return out;
  }

  private Set<List<String>> suffixes(World w) {
    if (w.bothTerminal()) {
      return w.completed() ? Set.of(List.of()) : Set.of();
    }
    Key key = new Key(StateCodec.encodeCopy(w));
    Set<List<String>> known = memo.get(key);
    if (known != null) {
      return known;
    }
    if (!onPath.add(key)) {
      return Set.of();
    }
    Set<List<String>> out = new LinkedHashSet<>();
    for (Move m : moves.honest(w)) {
      List<TraceStep> steps = new ArrayList<>();
      World next = semantics.apply(w, m, steps).after();
      List<String> head = new ArrayList<>();
      for (TraceStep s : steps) {
        if (s.kind() == TraceStep.Kind.SENT && !s.label().endsWith(".application_data")
            && !s.label().endsWith(".close_notify")) {
          head.add(s.label());
        }
      }
      for (List<String> tail : suffixes(next)) {
        List<String> p = new ArrayList<>(head);
        p.addAll(tail);
        out.add(List.copyOf(p));
      }
    }
    onPath.remove(key);
    memo.put(key, out);
    return out;
  }
}
