package dev.hslab.model.explore;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What an exploration found (docs/cli.md {@code explore --json}).
 *
 * @param configurations how many configurations were explored
 * @param faults the fault budget
 * @param states reachable states, summed over configurations
 * @param transitions steps taken, summed over configurations
 * @param outcomes terminal states by outcome: {@code established}, {@code alert SIDE ALERT},
 *     {@code timeout SIDE STATE waiting for TYPE}
 * @param deadlockCount states where nothing can happen on a perfect network though the run is not over
 * @param deadlocks the first deadlock of each configuration that has one, with a shortest trace
 * @param violationCount steps that break an invariant
 * @param violations the first breach of each invariant in each configuration, with a shortest trace
 * @param paths every valid path of every configuration, in configuration order
 * @param bytesPerState memory per stored state: encoded key, hash slots and parent pointer
 * @param complete no configuration hit the state bound
 * @param seconds wall-clock time
 */
public record ExplorationReport(
    int configurations,
    int faults,
    long states,
    long transitions,
    SortedMap<String, Long> outcomes,
    long deadlockCount,
    List<Finding> deadlocks,
    long violationCount,
    List<Finding> violations,
    List<ValidPath> paths,
    double bytesPerState,
    boolean complete,
    double seconds) {

  public ExplorationReport {
    outcomes = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(outcomes));
    deadlocks = List.copyOf(deadlocks);
    violations = List.copyOf(violations);
    paths = List.copyOf(paths);
  }

  /** No violation and no deadlock, and every configuration was explored to the end. */
  public boolean ok() {
    return violationCount == 0 && deadlockCount == 0 && complete;
  }

  /** The distinct message sequences over all configurations, in order of first appearance. */
  public List<List<String>> distinctPaths() {
    Set<List<String>> out = new LinkedHashSet<>();
    for (ValidPath p : paths) {
      out.add(p.messages());
    }
    return List.copyOf(out);
  }

  /** The valid paths of one configuration. */
  public List<List<String>> pathsFor(Configuration c) {
    List<List<String>> out = new ArrayList<>();
    for (ValidPath p : paths) {
      if (p.configuration().equals(c)) {
        out.add(p.messages());
      }
    }
    return out;
  }

  /** How many distinct paths have each length (messages exchanged). */
  public SortedMap<Integer, Long> distinctPathLengths() {
    SortedMap<Integer, Long> out = new TreeMap<>();
    for (List<String> p : distinctPaths()) {
      out.merge(p.size(), 1L, Long::sum);
    }
    return out;
  }

  /** Terminal-state counts of one kind: {@code established}, {@code alert} or {@code timeout}. */
  public long outcomesOfKind(String kind) {
    long n = 0;
    for (Map.Entry<String, Long> e : outcomes.entrySet()) {
      if (e.getKey().startsWith(kind)) {
        n += e.getValue();
      }
    }
    return n;
  }
}
