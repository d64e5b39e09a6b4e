package dev.hslab.real;

import dev.hslab.model.engine.Engine;
import dev.hslab.model.engine.InjectingEngine;
import dev.hslab.model.engine.Injector;
import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.engine.MessageInfo;
import dev.hslab.model.engine.Negotiated;
import dev.hslab.model.engine.Step;
import dev.hslab.model.handshake.Flights;
import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.record.ContentType;
import dev.hslab.model.record.RecordReader;
import dev.hslab.model.record.TlsRecord;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.model.wire.TlsAlertException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Engine} over a {@link SSLEngine} of SunJSSE or BCJSSE, driven in memory on the caller's
 * thread (docs/style.md §20): bytes in, whole records out, delegated tasks run inline. Every record it
 * sends or receives is decoded with our codecs ({@link WireObserver}) and reported in the model
 * engine's vocabulary. Nothing escapes as an exception: a provider's {@code SSLException} is a
 * fatal outcome with the alert the provider sent. Make one with {@link JsseEngineFactory}.
 */
public final class JsseEngine extends SslEngineAdapter implements InjectingEngine {

  private static final Logger LOG = LoggerFactory.getLogger(JsseEngine.class);

  private final SslDriver driver;
  private final WireObserver wire = new WireObserver();
  private final RecordReader reader = new RecordReader(TlsRecord.MAX_CIPHERTEXT);
  private final ByteArrayOutputStream unframed = new ByteArrayOutputStream();
  private boolean unframeable;
  /** Inside {@link #feed}: the provider is reading the peer's bytes. */
  private boolean feeding;
  private String peerValidationProblem;
  private Injector injector = Injector.NONE;
  /** How many messages of each type this engine has sent, for {@link Injector#before}. */
  private final Map<String, Integer> sentCounts = new HashMap<>();

  JsseEngine(JsseProvider provider, Side side, SSLEngine engine, PeerTrust trust) {
    super(provider, side, trust);
    this.driver = new SslDriver(engine);
  }

  @Override
  public void decryptWith(MasterSecrets secrets) {
    wire.decryptWith(secrets);
  }

  /**
   * Carries out the inject faults aimed at this engine's messages (see {@link Injector}): before
   * the record that carries the target, the injected message goes as a record of its own. Before
   * this side's ChangeCipherSpec it is plaintext, like its neighbours; after it, it is sealed with
   * this side's write keys (known through {@link #decryptWith}, from the model peer) and the
   * sequence number of the target's record, and the engine's later records of that epoch are
   * resealed one number later ({@link WireObserver#sealInjected}), so the receiver's record layer
   * accepts them all and the fault tests its state machine. Without the keys, or with a chained
   * CBC IV (SSL 3.0, TLS 1.0), it goes unprotected and says that it tests the record layer.
   */
  @Override
  public void injectWith(Injector injector) {
    this.injector = java.util.Objects.requireNonNull(injector);
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
  void abandon() {
    driver.abandon();
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

  // ---- one step -------------------------------------------------------------------------------

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
      Optional<TlsRecord> parsed = Records.parse(rec);
      if (parsed.isEmpty()) {
        records.add(rec);
        continue;
      }
      boolean protectedEpoch = wire.protectedRecords(side);
      List<MessageInfo> infos = wire.observe(side, parsed.get());
      ProtocolVersion v = parsed.get().version();
      List<List<Injector.Message>> asked = new ArrayList<>();
      boolean inside = false;
      for (MessageInfo info : infos) {
        List<Injector.Message> before = injector.before(info.type(), sentCounts.merge(info.type(), 1, Integer::sum), v);
        inside |= !asked.isEmpty() && !before.isEmpty();
        asked.add(before);
      }
      if (inside && !protectedEpoch && parsed.get().type() == ContentType.HANDSHAKE
          && infos.stream().mapToInt(i -> i.encoding().length()).sum() == parsed.get().fragment().length()) {
        // A plaintext flight packed in one record: each message in a record of its own, so that
        // the injection lands right before its target (RFC 5246 §6.2.1 lets messages span or share records).
        for (int i = 0; i < infos.size(); i++) {
          asked.get(i).forEach(m -> inject(m, v, false));
          records.add(new TlsRecord(ContentType.HANDSHAKE, v, infos.get(i).encoding()).encode());
        }
      } else {
        // In front of the record that carries the target (a protected record is not split: its
        // messages share one sequence number).
        asked.forEach(list -> list.forEach(m -> inject(m, v, protectedEpoch)));
        records.add(protectedEpoch ? wire.onTheWire(side, parsed.get()).encode() : rec);
      }
      for (MessageInfo info : infos) {
        injector.sent(reportSent(info, driver.outboundDone(), o.failure()));
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

  /** One injected message as a record of its own, in front of the record just observed. */
  private void inject(Injector.Message m, ProtocolVersion version, boolean protectedEpoch) {
    TlsRecord plain = new TlsRecord(m.contentType(), version, m.payload());
    Optional<TlsRecord> sealed = protectedEpoch ? wire.sealInjected(side, plain) : Optional.empty();
    String detail = protectedEpoch && sealed.isEmpty()
        ? m.detail() + "; but its keys are unknown here or its CBC IV chained, so " + Injector.UNPROTECTED_NOTE
        : m.detail();
    events.add(new EngineEvent.MessageSent(m.info(sealed.isPresent(), detail)));
    records.add(sealed.orElse(plain).encode());
  }

  private void completeHandshake() {
    Negotiated n;
    try {
      n = NegotiatedView.of(wire, driver.session(), side);
    } catch (RuntimeException e) {
      failLocally("the negotiated parameters are unknown to the model: " + e.getMessage());
      return;
    }
    peerValidationProblem = trust.takeProblem(driver.engine()).orElse(peerValidationProblem);
    establish(n);
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
}
