package dev.hslab.actors;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import dev.hslab.model.engine.Engine;
import dev.hslab.model.engine.Step;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.loopback.Loopback;
import dev.hslab.model.wire.Bytes;

/**
 * A client or server: a thin shell around one {@link Engine} (docs/style.md §18). Each command is one
 * event the network chose; the endpoint feeds it to the engine and answers with the engine's
 * records and events, its status and the timers it wants. It never decides anything about the
 * network and never reads a clock. An engine that throws ends this actor, and the network records
 * the crash.
 */
public final class EndpointActor extends AbstractBehavior<EndpointActor.Command> {

  /** The events the network hands an endpoint. */
  public sealed interface Command {}

  /** The connection begins: the client sends its ClientHello, the server listens. */
  public record Start() implements Command {}

  /** Bytes from the peer arrived. */
  public record Deliver(Bytes bytes) implements Command {}

  /** A timer this endpoint asked for expired. */
  public record Expire(TimerKind kind) implements Command {}

  /** The application acts (send data, renegotiate, close). */
  public record Act(Loopback.Action action) implements Command {}

  private final Side side;
  private final Engine engine;
  private final ActorRef<NetworkActor.Command> network;
  private final EndpointTimers timers;

  private EndpointActor(ActorContext<Command> context, Engine engine, ActorRef<NetworkActor.Command> network,
      NetworkOptions options) {
    super(context);
    this.side = engine.side();
    this.engine = engine;
    this.network = network;
    this.timers = new EndpointTimers(options.handshakeTimeoutMs(), options.idleTimeoutMs());
  }

  public static Behavior<Command> create(Engine engine, ActorRef<NetworkActor.Command> network, NetworkOptions options) {
    return Behaviors.setup(ctx -> new EndpointActor(ctx, engine, network, options));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Start.class, this::onStart)
        .onMessage(Deliver.class, this::onDeliver)
        .onMessage(Expire.class, this::onExpire)
        .onMessage(Act.class, this::onAct)
        .build();
  }

  private Behavior<Command> onStart(Start start) {
    return answer(() -> engine.start(), false);
  }

  private Behavior<Command> onDeliver(Deliver d) {
    return answer(() -> engine.receive(d.bytes()), true);
  }

  private Behavior<Command> onExpire(Expire e) {
    timers.expired(e.kind());
    return answer(engine::timeout, false);
  }

  private Behavior<Command> onAct(Act act) {
    Loopback.Action a = act.action();
    if (a instanceof Loopback.Action.Send s) {
      return answer(() -> engine.send(s.data()), false);
    } else if (a instanceof Loopback.Action.Renegotiate) {
      return answer(engine::renegotiate, false);
    }
    return answer(engine::close, false);
  }

  private interface EngineCall {
    Step call();
  }

  private Behavior<Command> answer(EngineCall call, boolean received) {
    Answer answer;
    try {
      Step step = call.call();
      Answer.Status status = new Answer.Status(engine.state(), engine.established(), engine.terminal());
      boolean traffic = received || !step.records().isEmpty();
      answer = new Answer(step, status, timers.after(engine, traffic));
    } catch (RuntimeException e) {
      // Recorded, not rethrown: a throwing engine ends its own connection and no other.
      network.tell(new NetworkActor.Crashed(side, engine.name() + " engine threw " + e));
      return Behaviors.stopped();
    }
    network.tell(new NetworkActor.Answered(side, answer));
    return this;
  }
}
