package dev.hslab.actors;

import dev.hslab.model.engine.Engine;
import dev.hslab.model.engine.Negotiated;
import dev.hslab.model.engine.Step;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.wire.Bytes;
import java.util.Optional;

/** An engine that works like the one it wraps until its n-th receive, which throws. */
final class ThrowingEngine implements Engine {

  private final Engine inner;
  private final int throwOn;
  private int receives;

  ThrowingEngine(Engine inner, int throwOn) {
    this.inner = inner;
    this.throwOn = throwOn;
  }

  @Override public Side side() { return inner.side(); }
  @Override public String name() { return "throwing"; }
  @Override public Step start() { return inner.start(); }

  @Override
  public Step receive(Bytes data) {
    if (++receives == throwOn) {
      throw new IllegalStateException("planted failure on receive " + throwOn);
    }
    return inner.receive(data);
  }

  @Override public Step send(Bytes d) { return inner.send(d); }
  @Override public Step renegotiate() { return inner.renegotiate(); }
  @Override public Step close() { return inner.close(); }
  @Override public Step timeout() { return inner.timeout(); }
  @Override public String state() { return inner.state(); }
  @Override public String waitingFor() { return inner.waitingFor(); }
  @Override public boolean established() { return inner.established(); }
  @Override public boolean terminal() { return inner.terminal(); }
  @Override public Optional<Negotiated> negotiated() { return inner.negotiated(); }
}
