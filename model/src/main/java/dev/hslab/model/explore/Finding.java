package dev.hslab.model.explore;

import java.util.List;

/**
 * An invariant violation or a deadlock, with a shortest trace that leads to it.
 *
 * @param kind the {@link Invariant} name, or {@code DEADLOCK}
 * @param configuration where it happens
 * @param message what is wrong, in words
 * @param trace the steps from the start, the last one being the breach
 */
public record Finding(String kind, Configuration configuration, String message, List<TraceStep> trace) {

  public Finding {
    trace = List.copyOf(trace);
  }

  /** The trace as text: messages as {@code side.type}, faults and timeouts as they read. */
  public List<String> labels() {
    return trace.stream().filter(s -> s.kind() != TraceStep.Kind.LOCAL).map(TraceStep::label).toList();
  }
}
