package dev.hslab.actors;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import dev.hslab.model.engine.Engine;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.loopback.Loopback;
import dev.hslab.model.wire.Bytes;

/**
 * A client or server: a thin shell around one {@link Engine} (docs/style.md §18). Each command is one
 * event the network chose; the endpoint ({@link Endpoint}) feeds it to the engine and answers with
 * the engine's records and events, its status and the timers it wants. It never decides anything about the
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
  private final Endpoint endpoint;
  private final ActorRef<NetworkActor.Command> network;

  private EndpointActor(ActorContext<Command> context, Engine engine, ActorRef<NetworkActor.Command> network,
      NetworkOptions options) {
    super(context);
    this.side = engine.side();
    this.endpoint = new Endpoint(engine, options);
    this.network = network;
  }

  public static Behavior<Command> create(Engine engine, ActorRef<NetworkActor.Command> network, NetworkOptions options) {
    return Behaviors.setup(ctx -> new EndpointActor(ctx, engine, network, options));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder().onMessage(Command.class, this::answer).build();
  }

  private Behavior<Command> answer(Command command) {
    Answer answer;
    try {
      answer = endpoint.handle(command);
    } catch (RuntimeException e) {
      // Recorded, not rethrown: a throwing engine ends its own connection and no other.
      network.tell(new NetworkActor.Crashed(side, endpoint.engine().name() + " engine threw " + e));
      return Behaviors.stopped();
    }
    network.tell(new NetworkActor.Answered(side, answer));
    return this;
  }
}
