package dev.hslab.model.explore;

import dev.hslab.model.handshake.Side;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/** The breadth-first search of one configuration's state space. */
final class Search {

  private final Model model;
  private final int maxStates;
  private final boolean keepGraph;
  private final Semantics semantics;
  private final Moves moves;
  private static final Invariant[] INVARIANTS = Invariant.values();
  private static final Side[] SIDES = Side.values();

  private final SeenSet seen = new SeenSet();
  private final StateCodec codec = new StateCodec();
  private final TraceStore store = new TraceStore();
  /** Outcome labels by {@link #outcomeKey}: a terminal state's label is built once, not per state. */
  private final Map<Integer, String> outcomeLabels = new HashMap<>();

  Search(Model model, int maxStates, boolean keepGraph) {
    this.model = model;
    this.maxStates = maxStates;
    this.keepGraph = keepGraph;
    this.semantics = new Semantics(model);
    this.moves = new Moves(model, semantics);
  }

  private record Node(World world, int id) {}

  /**
   * Explores every state reachable from the initial one: take the oldest state of the frontier,
   * compute its successors, check the invariants on each step, and enqueue the successors not seen
   * before. Ends when the frontier is empty, or when {@code maxStates} states were seen (the result
   * is then marked incomplete). A state where both sides are terminal counts as an outcome; a state
   * with no honest move on a perfect network that is not terminal is a deadlock.
   */
  SearchResult run() {
    World initial = model.initial();
    seen.add(codec.bytes(), codec.encode(initial));
    ArrayDeque<Node> frontier = new ArrayDeque<>();
    frontier.add(new Node(initial, store.add(-1, 0)));
    Map<String, Long> outcomes = new HashMap<>();
    Map<Invariant, Finding> violations = new EnumMap<>(Invariant.class);
    long violationCount = 0;
    long transitions = 0;
    long deadlocks = 0;
    Finding firstDeadlock = null;
    boolean complete = true;
    search:
    while (!frontier.isEmpty()) {
      Node n = frontier.poll();
      if (n.world().bothTerminal()) {
        outcomes.merge(outcomeLabels.computeIfAbsent(outcomeKey(n.world()), k -> outcome(n.world())), 1L, Long::sum);
        continue;
      }
      List<Move> honest = moves.honest(n.world());
      if (honest.isEmpty() && n.world().faultsLeft() == model.faults()) {
        deadlocks++;
        if (firstDeadlock == null) {
          firstDeadlock = new Finding("DEADLOCK", model.config(), "no move possible on a perfect network: "
              + describe(n.world()), trace(n.id(), null));
        }
      }
      for (Move m : moves.all(n.world(), honest)) {
        Semantics.Transit t = semantics.apply(n.world(), m, null);
        transitions++;
        for (Invariant inv : INVARIANTS) {
          String why = inv.check(model, n.world(), t);
          if (why != null) {
            violationCount++;
            violations.computeIfAbsent(inv, i -> new Finding(i.name(), model.config(), why, trace(n.id(), m)));
          }
        }
        if (seen.add(codec.bytes(), codec.encode(t.after()))) {
          if (store.size() >= maxStates) {
            complete = false;
            break search;
          }
          frontier.add(new Node(t.after(), store.add(n.id(), m.code())));
        }
      }
    }
    List<ValidPath> paths = new PathEnumerator(model, semantics, moves).paths();
    return new SearchResult(model.config(), store.size(), transitions, new TreeMap<>(outcomes), List.copyOf(violations.values()),
        violationCount, deadlocks, firstDeadlock, paths, seen.bytesPerState() + 8, complete,
        keepGraph ? store : null);
  }

  /** The steps from the initial state to state {@code id}, then {@code last} if not null. */
  private List<TraceStep> trace(int id, Move last) {
    List<Move> path = new ArrayList<>(store.movesTo(id));
    if (last != null) {
      path.add(last);
    }
    List<TraceStep> steps = new ArrayList<>();
    World w = model.initial();
    for (Move m : path) {
      w = semantics.apply(w, m, steps).after();
    }
    return steps;
  }

  /** Everything {@link #outcome} reads: each side's state, alert sent and timeout. */
  private static int outcomeKey(World w) {
    return endpointKey(w.client()) << 16 | endpointKey(w.server());
  }

  private static int endpointKey(Endpoint e) {
    return ((Enum<?>) e.state()).ordinal() << 8 | (e.alertSent() == null ? 0 : 1 + e.alertSent().ordinal()) << 1
        | (e.timedOut() ? 1 : 0);
  }

  /** The outcome of a terminal state, a stable label such as {@code alert client unexpected_message}. */
  private String outcome(World w) {
    if (w.completed()) {
      return "established";
    }
    StringJoiner j = new StringJoiner(", ");
    for (Side side : SIDES) {
      Endpoint e = w.endpoint(side);
      if (e.alertSent() != null) {
        j.add("alert " + side.label() + " " + e.alertSent().rfcName());
      }
    }
    for (Side side : SIDES) {
      Endpoint e = w.endpoint(side);
      if (e.timedOut()) {
        j.add("timeout " + side.label() + " " + e.state().name() + " waiting for " + model.waitingFor(side, e.state()));
      }
    }
    return j.length() == 0 ? "ended " + describe(w) : j.toString();
  }

  private static String describe(World w) {
    return "client " + w.client().state().name() + ", server " + w.server().state().name();
  }
}
