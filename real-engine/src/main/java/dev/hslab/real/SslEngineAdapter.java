package dev.hslab.real;

import dev.hslab.model.engine.Engine;
import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.engine.MessageInfo;
import dev.hslab.model.engine.Negotiated;
import dev.hslab.model.engine.Step;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.wire.AlertLevel;
import dev.hslab.model.wire.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@link JsseEngine} (TLS, records over a stream) and {@link JsseDtlsEngine} (DTLS,
 * datagrams) share as {@link Engine}s over an {@code SSLEngine}: the step's events and outputs,
 * the state names, the last message seen (for {@link #waitingFor}), the timeout, and how a sent
 * message and a completed handshake are reported.
 */
public abstract class SslEngineAdapter implements Engine {

  final JsseProvider provider;
  final Side side;
  final PeerTrust trust;
  String state = "start";
  boolean established;
  boolean terminal;
  boolean closeReceived;
  String lastMessage = "";
  Side lastFrom;
  Negotiated negotiated;
  /** The current step's events and outputs (records, or datagrams), between {@link #begin} and {@link #end}. */
  List<EngineEvent> events;
  List<Bytes> records;

  SslEngineAdapter(JsseProvider provider, Side side, PeerTrust trust) {
    this.provider = provider;
    this.side = side;
    this.trust = trust;
  }

  /**
   * The decryption hook: with the master secrets (from a model peer, which knows them), the
   * engine's protected records (after ChangeCipherSpec, or of epoch 1 and later in DTLS) are
   * decoded too, so the trace names them.
   */
  public abstract void decryptWith(MasterSecrets secrets);

  @Override
  public Side side() {
    return side;
  }

  @Override
  public String name() {
    return provider.engineName();
  }

  @Override
  public String state() {
    return state;
  }

  @Override
  public boolean established() {
    return established;
  }

  @Override
  public boolean terminal() {
    return terminal;
  }

  @Override
  public Optional<Negotiated> negotiated() {
    return Optional.ofNullable(negotiated);
  }

  @Override
  public Step timeout() {
    if (terminal) {
      return Step.NOTHING;
    }
    begin();
    events.add(new EngineEvent.TimedOut(state, waitingFor()));
    setState("timed_out");
    terminal = true;
    abandon();
    return end();
  }

  /** Gives the provider's engine up without sending anything. */
  abstract void abandon();

  void begin() {
    events = new ArrayList<>();
    records = new ArrayList<>();
  }

  /** Ends the step: notes its last message for {@link #waitingFor}, then hands out its outputs. */
  Step end() {
    for (EngineEvent e : events) {
      if (e instanceof EngineEvent.MessageSent m) {
        lastFrom = side;
        lastMessage = m.message().type();
      } else if (e instanceof EngineEvent.MessageReceived m) {
        lastFrom = side.peer();
        lastMessage = m.message().type();
      }
    }
    Step s = new Step(records, events);
    events = null;
    records = null;
    return s;
  }

  static Step refused(String request, String reason) {
    return new Step(List.of(), List.of(new EngineEvent.Refused(request, reason)));
  }

  /**
   * Reports a message this side sent, naming an encrypted alert from the provider's reaction and
   * reporting a fatal alert as {@code AlertSent}; returns the message as reported.
   */
  MessageInfo reportSent(MessageInfo raw, boolean outboundDone, String failure) {
    MessageInfo info = AlertInference.name(raw, true, outboundDone, failure);
    if (info.alert() != null && info.alert().level() == AlertLevel.FATAL) {
      events.add(new EngineEvent.AlertSent(info.alert(), failure != null ? failure : "sent by " + name()));
    }
    events.add(new EngineEvent.MessageSent(info));
    return info;
  }

  /** The handshake completed with {@code n}. */
  void establish(Negotiated n) {
    negotiated = n;
    established = true;
    setState("established");
    events.add(new EngineEvent.Established(n));
  }

  void setState(String to) {
    if (!to.equals(state)) {
      events.add(new EngineEvent.StateChanged(state, to));
      state = to;
    }
  }
}
