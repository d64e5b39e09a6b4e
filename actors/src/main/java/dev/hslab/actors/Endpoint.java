package dev.hslab.actors;

import dev.hslab.model.engine.Engine;
import dev.hslab.model.engine.Step;
import dev.hslab.model.loopback.Loopback;

/**
 * What a client or server does with one event: feeds it to its engine and answers with the
 * engine's records and events, its status and the timers it wants. {@link EndpointActor} runs it
 * inside an actor; {@link DirectRun} calls it in a loop. An engine that throws, throws through.
 */
final class Endpoint {

  private final Engine engine;
  private final EndpointTimers timers;

  Endpoint(Engine engine, NetworkOptions options) {
    this.engine = engine;
    this.timers = new EndpointTimers(options.handshakeTimeoutMs(), options.idleTimeoutMs());
  }

  Engine engine() {
    return engine;
  }

  Answer handle(EndpointActor.Command command) {
    Step step;
    boolean received = false;
    if (command instanceof EndpointActor.Start) {
      step = engine.start();
    } else if (command instanceof EndpointActor.Deliver d) {
      step = engine.receive(d.bytes());
      received = true;
    } else if (command instanceof EndpointActor.Expire e) {
      timers.expired(e.kind());
      step = e.kind() == TimerKind.RETRANSMISSION ? engine.retransmissionTimeout() : engine.timeout();
    } else {
      Loopback.Action a = ((EndpointActor.Act) command).action();
      if (a instanceof Loopback.Action.Send s) {
        step = engine.send(s.data());
      } else if (a instanceof Loopback.Action.Renegotiate) {
        step = engine.renegotiate();
      } else {
        step = engine.close();
      }
    }
    Answer.Status status = new Answer.Status(engine.state(), engine.established(), engine.terminal());
    boolean traffic = received || !step.records().isEmpty();
    return new Answer(step, status, timers.after(engine, step, traffic));
  }
}
