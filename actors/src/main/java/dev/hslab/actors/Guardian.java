package dev.hslab.actors;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.Behaviors;
import java.util.List;
import java.util.function.IntFunction;

/** The simulator's root actor: starts one batch actor per request. */
final class Guardian {

  sealed interface Command {}

  record RunBatch(int count, IntFunction<ConnectionSpec> specs, int maxInFlight, boolean keepTraces,
      ActorRef<List<ConnectionResult>> replyTo) implements Command {}

  private Guardian() {}

  static Behavior<Command> create() {
    return Behaviors.setup(ctx -> {
      int[] batches = {0};
      return Behaviors.receive(Command.class)
          .onMessage(RunBatch.class, r -> {
            ctx.spawn(BatchActor.create(r.count(), r.specs(), r.maxInFlight(), r.keepTraces(), r.replyTo()),
                "batch-" + ++batches[0]);
            return Behaviors.same();
          })
          .build();
    });
  }
}
