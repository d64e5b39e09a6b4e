package dev.hslab.actors;

/** What an endpoint asks of the network's clock after a step (docs/architecture.md principle 4). */
public sealed interface TimerRequest {

  TimerKind kind();

  /** Expire {@code delayMs} from now, replacing any timer of this kind. */
  record Arm(TimerKind kind, double delayMs) implements TimerRequest {}

  record Cancel(TimerKind kind) implements TimerRequest {}
}
