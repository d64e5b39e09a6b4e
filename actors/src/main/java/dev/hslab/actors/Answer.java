package dev.hslab.actors;

import dev.hslab.model.engine.Step;
import java.util.List;

/**
 * An endpoint's answer to one event: the engine's step (records and events), the engine's status
 * after it, and the timers it wants. The network takes no other event until this arrives.
 */
public record Answer(Step step, Status status, List<TimerRequest> timers) {

  public Answer {
    timers = List.copyOf(timers);
  }

  /** The engine after the step, as the network needs it to schedule the script and timers. */
  public record Status(String state, boolean established, boolean terminal) {}
}
