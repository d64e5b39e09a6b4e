package dev.hslab.model.explore;

import dev.hslab.model.handshake.Side;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
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
  private final SeenSet seen = new SeenSet();
  private final TraceStore store = new TraceStore();

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
    seen.add(StateCodec.encode(initial));
    ArrayDeque<Node> frontier = new ArrayDeque<>();
    frontier.add(new Node(initial, store.add(-1, 0)));
    Map<String, Long> outcomes = new TreeMap<>();
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
        outcomes.merge(outcome(n.world()), 1L, Long::sum);
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
        for (Invariant inv : Invariant.values()) {
          String why = inv.check(model, n.world(), t);
          if (why != null) {
            violationCount++;
            violations.computeIfAbsent(inv, i -> new Finding(i.name(), model.config(), why, trace(n.id(), m)));
          }
        }
        if (seen.add(StateCodec.encode(t.after()))) {
          if (store.size() >= maxStates) {
            complete = false;
            break search;
          }
          frontier.add(new Node(t.after(), store.add(n.id(), m.code())));
        }
      }
    }
    List<ValidPath> paths = new PathEnumerator(model, semantics, moves).paths();
    return new SearchResult(model.config(), store.size(), transitions, outcomes, List.copyOf(violations.values()),
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

  /** The outcome of a terminal state, a stable label such as {@code alert client unexpected_message}. */
  private String outcome(World w) {
    if (w.completed()) {
      return "established";
    }
    StringJoiner j = new StringJoiner(", ");
    for (Side side : Side.values()) {
      Endpoint e = w.endpoint(side);
      if (e.alertSent() != null) {
        j.add("alert " + side.label() + " " + e.alertSent().rfcName());
      }
    }
    for (Side side : Side.values()) {
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
