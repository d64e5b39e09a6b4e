package dev.hslab.real;

import dev.hslab.model.engine.Engine;
import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.engine.MessageInfo;
import dev.hslab.model.engine.Negotiated;
import dev.hslab.model.engine.Step;
import dev.hslab.model.handshake.Flights;
import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.record.RecordReader;
import dev.hslab.model.record.TlsRecord;
import dev.hslab.model.wire.AlertLevel;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.TlsAlertException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Engine} over a {@link SSLEngine} of SunJSSE or BCJSSE, driven in memory on the caller's
 * thread (docs/style.md §20): bytes in, whole records out, delegated tasks run inline. Every record it
 * sends or receives is decoded with our codecs ({@link WireObserver}) and reported in the model
 * engine's vocabulary. Nothing escapes as an exception: a provider's {@code SSLException} is a
 * fatal outcome with the alert the provider sent. Make one with {@link JsseEngineFactory}.
 */
public final class JsseEngine implements Engine {

  private static final Logger LOG = LoggerFactory.getLogger(JsseEngine.class);

  private final JsseProvider provider;
  private final Side side;
  private final SslDriver driver;
  private final PeerTrust trust;
  private final WireObserver wire = new WireObserver();
  private final RecordReader reader = new RecordReader(TlsRecord.MAX_CIPHERTEXT);
  private final ByteArrayOutputStream unframed = new ByteArrayOutputStream();
  private boolean unframeable;
  private String state = "start";
  private boolean established;
  private boolean terminal;
  private boolean closeReceived;
  /** Inside {@link #feed}: the provider is reading the peer's bytes. */
  private boolean feeding;
  private String lastMessage = "";
  private Side lastFrom;
  private Negotiated negotiated;
  private String peerValidationProblem;
  private List<EngineEvent> events;
  private List<Bytes> records;

  JsseEngine(JsseProvider provider, Side side, SSLEngine engine, PeerTrust trust) {
    this.provider = provider;
    this.side = side;
    this.driver = new SslDriver(engine);
    this.trust = trust;
  }

  @Override
  public Side side() {
    return side;
  }

  @Override
  public String name() {
    return provider.engineName();
  }

  /** The decryption hook: with the master secrets, records after ChangeCipherSpec are decoded too. */
  public void decryptWith(MasterSecrets secrets) {
    wire.decryptWith(secrets);
  }

  /** The peer chain's validation failure that {@code verifyPeer=false} let pass, if any. */
  public Optional<String> peerValidationProblem() {
    return Optional.ofNullable(peerValidationProblem);
  }

  @Override
  public Step start() {
    begin();
    setState(side == Side.CLIENT ? "handshaking" : "waiting_client_hello");
    if (side == Side.CLIENT) {
      run(driver::beginHandshake);
    }
    return end();
  }

  @Override
  public Step receive(Bytes data) {
    if (terminal) {
      return Step.NOTHING;
    }
    begin();
    byte[] src = data.toByteArray();
    int off = 0;
    while (off < src.length && !terminal) {
      if (unframeable) {
        feed(Bytes.of(src, off, src.length - off), List.of());
        break;
      }
      try {
        int n = reader.feed(src, off, src.length - off);
        unframed.write(src, off, n);
        off += n;
        Optional<TlsRecord> r = reader.take();
        if (r.isPresent()) {
          unframed.reset();
          if ("waiting_client_hello".equals(state)) {
            setState("handshaking");
          }
          feed(r.get().encode(), wire.observe(side.peer(), r.get()));
        }
      } catch (TlsAlertException e) {
        // Our codec cannot frame this stream; hand the bytes to the real engine, whose verdict counts.
        unframeable = true;
        Bytes rest = Bytes.concat(Bytes.wrap(unframed.toByteArray()), Bytes.of(src, off, src.length - off));
        feed(rest, List.of(Infos.undecodable("record", rest, false, e.getMessage())));
        break;
      }
    }
    if (unframeable && !terminal) {
      // The provider is still waiting for the rest of a record that cannot be one: fail here.
      failLocally("unframeable bytes from the peer, and " + name() + " waits for more");
    }
    return end();
  }

  @Override
  public Step send(Bytes applicationData) {
    if (terminal || !established) {
      return refused("send", terminal ? "the connection is over" : "the handshake is not complete");
    }
    begin();
    run(() -> driver.send(applicationData.toByteArray()));
    return end();
  }

  @Override
  public Step renegotiate() {
    if (terminal || !established) {
      return refused("renegotiate", terminal ? "the connection is over" : "the handshake is not complete");
    }
    begin();
    try {
      driver.beginHandshake();
    } catch (Exception e) {
      events.add(new EngineEvent.Refused("renegotiate", name() + " refuses: " + e.getMessage()));
      return end();
    }
    setState("renegotiating");
    run(() -> { });
    return end();
  }

  @Override
  public Step close() {
    if (terminal) {
      return Step.NOTHING;
    }
    begin();
    setState("closing");
    run(driver::closeOutbound);
    return end();
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
    driver.abandon();
    return end();
  }

  @Override
  public String state() {
    return state;
  }

  @Override
  public String waitingFor() {
    if (terminal || (established && !"renegotiating".equals(state))) {
      return "";
    }
    return waitingFor(side, lastFrom, lastMessage, wire.abbreviated());
  }

  /**
   * Best effort at the message a real engine waits for: the provider does not say, so the tables'
   * flights tell what must follow the last message seen on the wire ({@link Flights#after}).
   * Empty when nothing must: the handshake is over, or the last record was data or an alert.
   */
  static String waitingFor(Side self, Side lastFrom, String lastType, boolean abbreviated) {
    if (lastFrom == null) {
      return Flights.opening(self).label();
    }
    return seenKind(lastType).flatMap(k -> Flights.after(lastFrom, k, abbreviated))
        .map(MessageKind::label).orElse("");
  }

  /**
   * The table's kind of a message type seen on the wire; an encrypted handshake record that was
   * not decrypted ends a flight, so it stands for the Finished it carries. Alerts and undecodable
   * records have none.
   */
  private static Optional<MessageKind> seenKind(String type) {
    if (Infos.ENCRYPTED_HANDSHAKE.equals(type)) {
      return Optional.of(MessageKind.FINISHED);
    }
    for (MessageKind k : MessageKind.tls()) {
      if (!k.isAlert() && k.typeName().equals(type)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
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

  // ---- one step -------------------------------------------------------------------------------

  private void begin() {
    events = new ArrayList<>();
    records = new ArrayList<>();
  }

  private Step end() {
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

  private Step refused(String request, String reason) {
    return new Step(List.of(), List.of(new EngineEvent.Refused(request, reason)));
  }

  /** One incoming record (or unframeable bytes): the engine's reaction first, then the report. */
  private void feed(Bytes bytes, List<MessageInfo> infos) {
    int mark = events.size();
    boolean wasInboundDone = driver.inboundDone();
    feeding = true;
    SslDriver.Performed o;
    try {
      o = run(() -> driver.receive(bytes.toByteArray()));
    } finally {
      feeding = false;
    }
    List<EngineEvent> received = new ArrayList<>();
    boolean closedNow = !wasInboundDone && driver.inboundDone();
    // BCJSSE closes its inbound side too when the application closes its outbound: the peer's
    // close_notify that answers arrives at an engine already "inbound done" (regression: the
    // close_notify a model server sent to a closing BCJSSE client went unreported).
    boolean answersOurClose = wasInboundDone && !closeReceived && driver.outboundDone() && o.failure() == null;
    for (MessageInfo raw : infos) {
      MessageInfo info = AlertInference.name(raw, false, closedNow || answersOurClose, o.failure());
      if (answersOurClose && info.alert() != null
          && info.alert().description() == dev.hslab.model.wire.AlertDescription.CLOSE_NOTIFY) {
        closeReceived = true;
      }
      received.add(new EngineEvent.MessageReceived(info));
      if (info.alert() != null) {
        received.add(new EngineEvent.AlertReceived(info.alert()));
      }
    }
    events.addAll(mark, received);
    if (closeReceived && !terminal && driver.outboundDone()) {
      events.add(new EngineEvent.Closed());
      setState("closed");
      terminal = true;
    }
  }

  /** Runs a driver action, then reports what it sent and whatever state change followed. */
  private SslDriver.Performed run(SslDriver.Action action) {
    SslDriver.Performed o = driver.perform(action);
    for (Bytes rec : o.sent()) {
      records.add(rec);
      Optional<TlsRecord> parsed = Records.parse(rec);
      if (parsed.isEmpty()) {
        continue;
      }
      for (MessageInfo info : wire.observe(side, parsed.get())) {
        info = reportSent(info, o);
        events.add(new EngineEvent.MessageSent(info));
      }
    }
    for (Bytes data : o.applicationData()) {
      events.add(new EngineEvent.ApplicationDataReceived(data));
    }
    if (o.handshakeFinished()) {
      completeHandshake();
    }
    if (o.failure() != null) {
      LOG.debug("{} {} failed: {}", name(), side.label(), o.failure());
      setState("failed");
      terminal = true;
    } else if (driver.inboundDone() && !closeReceived && feeding) {
      // Only bytes from the peer close the inbound side: BCJSSE also closes it on closeOutbound.
      closeReceived = true;
      setState("closing");
    }
    if (!terminal && closeReceived && driver.outboundDone()) {
      events.add(new EngineEvent.Closed());
      setState("closed");
      terminal = true;
    }
    return o;
  }

  /** Names an encrypted alert this side sent, and reports a fatal alert as {@code AlertSent}. */
  private MessageInfo reportSent(MessageInfo raw, SslDriver.Performed o) {
    MessageInfo info = AlertInference.name(raw, true, driver.outboundDone(), o.failure());
    if (info.alert() != null && info.alert().level() == AlertLevel.FATAL) {
      events.add(new EngineEvent.AlertSent(info.alert(), o.failure() != null ? o.failure() : "sent by " + name()));
    }
    return info;
  }

  private void completeHandshake() {
    try {
      negotiated = NegotiatedView.of(wire, driver.session(), side);
    } catch (RuntimeException e) {
      failLocally("the negotiated parameters are unknown to the model: " + e.getMessage());
      return;
    }
    peerValidationProblem = trust.takeProblem(driver.engine()).orElse(peerValidationProblem);
    established = true;
    setState("established");
    events.add(new EngineEvent.Established(negotiated));
  }

  /**
   * Fails the connection without the provider's help (it waits for bytes that can never complete a
   * record). Nothing is sent, so no AlertSent: the provider did not send one.
   */
  private void failLocally(String reason) {
    LOG.debug("{} {} failed: {}", name(), side.label(), reason);
    driver.abandon();
    setState("failed");
    terminal = true;
  }

  private void setState(String to) {
    if (!to.equals(state)) {
      events.add(new EngineEvent.StateChanged(state, to));
      state = to;
    }
  }
}
