package dev.hslab.real;

import dev.hslab.model.engine.Engine;
import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.engine.MessageInfo;
import dev.hslab.model.engine.Negotiated;
import dev.hslab.model.engine.Step;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.wire.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Passes everything through to an engine and keeps its events as they happen, for a test to read. */
final class RecordingEngine implements Engine {

  private final Engine engine;
  private final List<EngineEvent> events = new ArrayList<>();

  RecordingEngine(Engine engine) {
    this.engine = engine;
  }

  /** Every event so far, in order (a live view: it grows as the engine runs). */
  List<EngineEvent> events() {
    return events;
  }

  /** The messages the engine sent and received so far, in order. */
  List<MessageInfo> messages() {
    List<MessageInfo> out = new ArrayList<>();
    for (EngineEvent e : events) {
      if (e instanceof EngineEvent.MessageSent m) {
        out.add(m.message());
      } else if (e instanceof EngineEvent.MessageReceived m) {
        out.add(m.message());
      }
    }
    return out;
  }

  private Step keep(Step s) {
    events.addAll(s.events());
    return s;
  }

  @Override public Side side() { return engine.side(); }
  @Override public String name() { return engine.name(); }
  @Override public Step start() { return keep(engine.start()); }
  @Override public Step receive(Bytes data) { return keep(engine.receive(data)); }
  @Override public Step send(Bytes data) { return keep(engine.send(data)); }
  @Override public Step renegotiate() { return keep(engine.renegotiate()); }
  @Override public Step close() { return keep(engine.close()); }
  @Override public Step timeout() { return keep(engine.timeout()); }
  @Override public String state() { return engine.state(); }
  @Override public String waitingFor() { return engine.waitingFor(); }
  @Override public boolean established() { return engine.established(); }
  @Override public boolean terminal() { return engine.terminal(); }
  @Override public Optional<Negotiated> negotiated() { return engine.negotiated(); }
}
