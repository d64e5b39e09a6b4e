package dev.hslab.actors;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.ChildFailed;
import akka.actor.typed.Terminated;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import dev.hslab.model.handshake.Outcome;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.trace.Trace;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The network of one connection: owns the virtual clock and the event queue ({@link Network}),
 * spawns the client and server endpoints, hands each event to the endpoint it concerns and waits
 * for that endpoint's answer before taking the next event.
 *
 * <p>Why one event at a time: an answer can schedule an arrival earlier than any event already
 * queued (a short latency), so no later event may be handed out before it comes back; waiting
 * makes the run independent of the thread scheduling (docs/architecture.md principle 4). Parallelism comes
 * from many connections at once, each its own network actor on the shared dispatcher. Running
 * events of different endpoints inside one minimum-latency window in parallel would also be
 * sound, but a handshake is a ping-pong with almost no such overlap, so it is not done.
 */
public final class NetworkActor {

  /** What a network actor receives. */
  public sealed interface Command {}

  /** Runs the connection and sends its result to {@code replyTo}; the actor stops afterwards. */
  public record Run(ActorRef<ConnectionResult> replyTo) implements Command {}

  /** An endpoint's answer to the event it was handed. */
  record Answered(Side side, Answer answer) implements Command {}

  /** An endpoint's engine threw: the connection ends here and is recorded as crashed. */
  record Crashed(Side side, String reason) implements Command {}

  private final ActorContext<Command> context;
  private final ConnectionSpec spec;
  private final boolean keepTrace;
  private final Network network;
  private final Map<Side, ActorRef<EndpointActor.Command>> endpoints = new EnumMap<>(Side.class);
  /** One behavior per side, built once: a connection waits for an answer after every event. */
  private final Map<Side, Behavior<Command>> waiting = new EnumMap<>(Side.class);
  private ActorRef<ConnectionResult> replyTo;

  private NetworkActor(ActorContext<Command> context, ConnectionSpec spec, boolean keepTrace) {
    this.context = context;
    this.spec = spec;
    this.keepTrace = keepTrace;
    this.network = Network.of(spec);
    for (Side side : Side.values()) {
      waiting.put(side, waiting(side));
    }
  }

  public static Behavior<Command> create(ConnectionSpec spec, boolean keepTrace) {
    return Behaviors.setup(ctx -> new NetworkActor(ctx, spec, keepTrace).idle());
  }

  private Behavior<Command> idle() {
    return Behaviors.receive(Command.class).onMessage(Run.class, this::onRun).build();
  }

  /** Waiting for {@code side}'s answer; nothing else moves. */
  private Behavior<Command> waiting(Side side) {
    return Behaviors.receive(Command.class)
        .onMessage(Answered.class, a -> a.side() == side, this::onAnswered)
        .onMessage(Crashed.class, this::onCrashed)
        .onSignal(ChildFailed.class, f -> finish(Outcome.crashed(side, "endpoint failed: " + f.cause())))
        // An endpoint stops by itself only after telling us why (Crashed), which is handled above.
        .onSignal(Terminated.class, t -> Behaviors.same())
        .build();
  }

  private Behavior<Command> onRun(Run run) {
    replyTo = run.replyTo();
    endpoints.put(Side.CLIENT, spawn(Side.CLIENT));
    endpoints.put(Side.SERVER, spawn(Side.SERVER));
    return advance();
  }

  private ActorRef<EndpointActor.Command> spawn(Side side) {
    var engine = side == Side.CLIENT ? spec.client() : spec.server();
    ActorRef<EndpointActor.Command> ref = context.spawn(
        EndpointActor.create(engine, context.getSelf(), spec.network()), side.label());
    context.watch(ref);
    return ref;
  }

  private Behavior<Command> onAnswered(Answered a) {
    network.answer(a.side(), a.answer());
    return advance();
  }

  private Behavior<Command> onCrashed(Crashed c) {
    return finish(Outcome.crashed(c.side(), c.reason()));
  }

  /** Hands out the next event, or ends the run when there is none. */
  private Behavior<Command> advance() {
    Optional<Network.Job> job;
    try {
      job = network.next();
    } catch (IllegalStateException e) {
      return finish(Outcome.crashed(null, e.getMessage()));
    }
    if (job.isEmpty()) {
      return finish(null);
    }
    endpoints.get(job.get().side()).tell(job.get().command());
    return waiting.get(job.get().side());
  }

  /**
   * Ends the run and decides its outcome, once: {@code crashed} when it was stopped early (with
   * the failures before it), else what the engines reported (the trace's rule). Without kept
   * traces the events go and the outcome and the handshake's completion time stay ({@link
   * Trace#summary()}).
   */
  private Behavior<Command> finish(Outcome crashed) {
    Trace run = network.trace();
    if (crashed != null) {
      run = new Trace(run.events(), crashed.withFurther(run.outcome().failures()));
    }
    Trace trace = keepTrace ? run : run.summary();
    replyTo.tell(new ConnectionResult(spec.index(), trace, spec.client(), spec.server(), network.now(),
        crashed != null ? crashed.detail() : null));
    return Behaviors.stopped();
  }
}
