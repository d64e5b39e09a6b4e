package dev.hslab.actors;

import dev.hslab.model.engine.Engine;
import dev.hslab.model.handshake.Outcome;
import dev.hslab.model.loopback.LoopbackRun;
import dev.hslab.model.trace.Trace;

/**
 * One simulated connection after the run: its trace (only its {@link Trace#summary()} when the
 * caller asked not to keep traces: the outcome the network actor decided and when the handshake
 * completed), the two engines in their final states and the virtual time it ended.
 *
 * @param index the connection's number in its run, from 1
 * @param crash why the connection was stopped early (an engine threw, the run looped), else null
 */
public record ConnectionResult(int index, Trace trace, Engine client, Engine server, double endTimeMs,
    String crash) {

  /** How the connection ended, as the network actor decided when it ended it. */
  public Outcome outcome() {
    return trace.outcome();
  }

  /** The shape {@code hslab run}'s report reads; the trace carries the outcome. */
  public LoopbackRun.Connection toConnection() {
    return new LoopbackRun.Connection(trace, client, server);
  }
}
