package dev.hslab.actors;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.ChildFailed;
import akka.actor.typed.Terminated;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import dev.hslab.model.handshake.Outcome;
import dev.hslab.model.trace.Trace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Runs many connections, at most {@code maxInFlight} at a time, each its own network actor, and
 * answers with every connection's result in index order. A network actor that fails is recorded as
 * a crashed connection; the others go on. Every connection started is accounted for.
 */
final class BatchActor extends AbstractBehavior<BatchActor.Command> {

  sealed interface Command {}

  private record Finished(ConnectionResult result) implements Command {}

  private final int count;
  private final IntFunction<ConnectionSpec> specs;
  private final int maxInFlight;
  private final boolean keepTraces;
  private final ActorRef<List<ConnectionResult>> replyTo;
  private final ConnectionResult[] results;
  private final Map<ActorRef<?>, ConnectionSpec> running = new HashMap<>();
  private final ActorRef<ConnectionResult> adapter;
  private int started;
  private int finished;

  private BatchActor(ActorContext<Command> ctx, int count, IntFunction<ConnectionSpec> specs, int maxInFlight,
      boolean keepTraces, ActorRef<List<ConnectionResult>> replyTo) {
    super(ctx);
    this.count = count;
    this.specs = specs;
    this.maxInFlight = maxInFlight;
    this.keepTraces = keepTraces;
    this.replyTo = replyTo;
    this.results = new ConnectionResult[count];
    this.adapter = ctx.messageAdapter(ConnectionResult.class, Finished::new);
  }

  /** {@code specs} builds connection i (from 1) when it starts, so engines exist only while in flight. */
  static Behavior<Command> create(int count, IntFunction<ConnectionSpec> specs, int maxInFlight, boolean keepTraces,
      ActorRef<List<ConnectionResult>> replyTo) {
    return Behaviors.setup(ctx -> new BatchActor(ctx, count, specs, maxInFlight, keepTraces, replyTo).launch());
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Finished.class, this::onFinished)
        .onSignal(ChildFailed.class, this::onNetworkFailed)
        .onSignal(Terminated.class, t -> this)
        .build();
  }

  private Behavior<Command> launch() {
    while (started < count && running.size() < maxInFlight) {
      started++;
      ConnectionSpec given = specs.apply(started);
      // Results are kept by position in this batch; the caller renumbers them if it wants to.
      ConnectionSpec spec = new ConnectionSpec(started, given.client(), given.server(), given.script(), given.network(),
          given.networkRandom());
      ActorRef<NetworkActor.Command> net = getContext().spawn(NetworkActor.create(spec, keepTraces), "connection-" + started);
      getContext().watch(net);
      running.put(net, spec);
      net.tell(new NetworkActor.Run(adapter));
    }
    if (finished == count) {
      replyTo.tell(List.copyOf(Arrays.asList(results)));
      return Behaviors.stopped();
    }
    return this;
  }

  private Behavior<Command> onFinished(Finished f) {
    ConnectionResult r = f.result();
    running.values().removeIf(s -> s.index() == r.index());
    record(r);
    return launch();
  }

  private Behavior<Command> onNetworkFailed(ChildFailed failed) {
    ConnectionSpec spec = running.remove(failed.getRef());
    if (spec != null) {
      String why = "network actor failed: " + failed.cause();
      record(new ConnectionResult(spec.index(), new Trace(new ArrayList<>(), Outcome.crashed(null, why)), spec.client(),
          spec.server(), 0, why));
    }
    return launch();
  }

  private void record(ConnectionResult r) {
    if (results[r.index() - 1] == null) {
      results[r.index() - 1] = r;
      finished++;
    }
  }
}
