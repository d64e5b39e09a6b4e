package dev.hslab.actors;

import dev.hslab.model.engine.Engine;
import dev.hslab.model.loopback.LoopbackRun;
import dev.hslab.model.trace.Trace;

/**
 * One simulated connection after the run: its outcome, its trace (empty when the caller asked
 * not to keep traces), the two engines in their final states and the virtual time it ended.
 *
 * @param index the connection's number in its run, from 1
 * @param crash why the connection was stopped early (an engine threw, the run looped), else null
 */
public record ConnectionResult(int index, Outcome outcome, Trace trace, Engine client, Engine server, double endTimeMs,
    String crash) {

  /** The shape {@code hslab run}'s report reads. */
  public LoopbackRun.Connection toConnection() {
    return new LoopbackRun.Connection(trace, client, server);
  }
}
