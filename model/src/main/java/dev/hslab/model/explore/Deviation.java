package dev.hslab.model.explore;

import dev.hslab.model.handshake.Outcome;
import java.util.List;

/**
 * A deviant trace: a valid path of a configuration, one mutation of it, and what the model
 * expects — computed by running the mutated sequence through the explorer's semantics of the
 * transition tables, not written by hand.
 *
 * @param configuration where the path comes from
 * @param path the valid path that was mutated
 * @param mutation what the deviating side does differently
 * @param expected how the model says the run ends
 * @param trace the model's run of the mutated sequence, as the explorer writes traces
 */
public record Deviation(
    Configuration configuration, List<String> path, Mutation mutation, Outcome expected, List<TraceStep> trace) {

  public Deviation {
    path = List.copyOf(path);
    trace = List.copyOf(trace);
  }
}
