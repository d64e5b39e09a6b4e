package dev.hslab.model.concrete;

import dev.hslab.model.explore.Deviation;
import dev.hslab.model.handshake.Outcome;
import java.util.List;

/**
 * A deviant trace run concretely: what the engine under test did against the model's expectation.
 *
 * @param deviation the deviant trace and its expected outcome
 * @param engine the engine under test ({@code model}, {@code jsse}, {@code bcjsse}); it plays the
 *     side that did not deviate
 * @param actual how the concrete run ended, or null if it could not be run
 * @param labels the concrete trace as {@code side.type}
 * @param note why it could not be run, else empty
 */
public record DeviationRun(Deviation deviation, String engine, Outcome actual, List<String> labels, String note) {

  public DeviationRun {
    labels = List.copyOf(labels);
  }

  public boolean ran() {
    return actual != null;
  }

  public boolean matches() {
    return deviation.expected().equals(actual);
  }

  /** The engine completed a run the model rejects: for a real engine, a finding. */
  public boolean acceptsWhatModelRejects() {
    return ran() && actual.kind() == Outcome.Kind.CLOSED && deviation.expected().kind() != Outcome.Kind.CLOSED;
  }
}
