package dev.hslab.actors;

import dev.hslab.model.handshake.Outcome;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.trace.Trace;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * One connection run on the caller's thread, without actors: the same {@link Network} and
 * {@link Endpoint}s the actors use, in the same order (the network hands out one event at a time
 * and waits for its answer), so the trace is the one {@link Simulator#run} gives. For runs of many
 * thousands of connections where the actors' messages cost more than the protocol.
 */
final class DirectRun {

  private DirectRun() {}

  static ConnectionResult run(ConnectionSpec spec) {
    Network network = Network.of(spec);
    Map<Side, Endpoint> endpoints = new EnumMap<>(Side.class);
    endpoints.put(Side.CLIENT, new Endpoint(spec.client(), spec.network()));
    endpoints.put(Side.SERVER, new Endpoint(spec.server(), spec.network()));
    Outcome crashed = null;
    while (true) {
      Optional<Network.Job> job;
      try {
        job = network.next();
      } catch (IllegalStateException e) {
        crashed = Outcome.crashed(null, e.getMessage());
        break;
      }
      if (job.isEmpty()) {
        break;
      }
      Side side = job.get().side();
      Endpoint endpoint = endpoints.get(side);
      Answer answer;
      try {
        answer = endpoint.handle(job.get().command());
      } catch (RuntimeException e) {
        crashed = Outcome.crashed(side, endpoint.engine().name() + " engine threw " + e);
        break;
      }
      network.answer(side, answer);
    }
    Trace run = network.trace();
    if (crashed != null) {
      run = new Trace(run.events(), crashed.withFurther(run.outcome().failures()));
    }
    return new ConnectionResult(spec.index(), run, spec.client(), spec.server(), network.now(),
        crashed != null ? crashed.detail() : null);
  }
}
