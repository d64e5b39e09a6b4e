package dev.hslab.model.engine;

import dev.hslab.model.crypto.Transcript;
import dev.hslab.model.handshake.ClientState;
import dev.hslab.model.handshake.ClientTable;
import dev.hslab.model.handshake.Emit;
import dev.hslab.model.handshake.HandshakeState;
import dev.hslab.model.handshake.LocalEvent;
import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.handshake.ServerState;
import dev.hslab.model.handshake.ServerTable;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.handshake.Transition;
import dev.hslab.model.handshake.TransitionTable;
import dev.hslab.model.handshake.Trigger;
import dev.hslab.model.message.DecodeContext;
import dev.hslab.model.message.HandshakeCodec;
import dev.hslab.model.message.HandshakeMessage;
import dev.hslab.model.message.HandshakeReassembler;
import dev.hslab.model.record.Alert;
import dev.hslab.model.record.ChangeCipherSpec;
import dev.hslab.model.record.ContentType;
import dev.hslab.model.record.TlsRecord;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.AlertLevel;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.model.wire.TlsAlertException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The model engine: executes a role's transition table with real messages and real crypto. On
 * each message it checks that the table has a row for it here (else unexpected_message, the one
 * rule for everything the table does not list), lets the role's {@link Flow} validate and absorb
 * it, selects the row whose guards hold and produces that row's messages in order.
 */
public final class ModelEngine<S extends Enum<S> & HandshakeState> implements InjectingEngine {

  private final TransitionTable<S> table;
  private final TransitionTable<?> peerTable;
  private final Connection c;
  private final Flow flow;
  private final Side side;
  private S state;
  private final List<Bytes> out = new ArrayList<>();
  private final List<EngineEvent> events = new ArrayList<>();
  private final List<Bytes> pendingHandshake = new ArrayList<>();
  private Injector injector = Injector.NONE;
  /** Per trace type, how many messages this engine has sent: the occurrence an injection names. */
  private final java.util.Map<String, Integer> sentCounts = new java.util.HashMap<>();

  private ModelEngine(EngineConfig config, TransitionTable<S> table, TransitionTable<?> peerTable) {
    this.side = config.side();
    this.table = table;
    this.peerTable = peerTable;
    ProtocolVersion initial = config.minVersion().compareTo(ProtocolVersion.TLS10) < 0 ? config.minVersion() : ProtocolVersion.TLS10;
    this.c = new Connection(config, new RecordLayer(side, initial, config.recordMode(), config.random()));
    this.flow = side == Side.CLIENT ? new ClientFlow(c) : new ServerFlow(c);
    this.state = table.initial();
  }

  /** A model engine for the side the configuration names. */
  public static ModelEngine<?> create(EngineConfig config) {
    return config.side() == Side.CLIENT
        ? new ModelEngine<ClientState>(config, ClientTable.TABLE, ServerTable.TABLE)
        : new ModelEngine<ServerState>(config, ServerTable.TABLE, ClientTable.TABLE);
  }

  /**
   * A model engine that also writes the extra records {@code tap} asks for (see {@link
   * OutgoingTap}): the deviating side of {@code hslab deviate}, which injects well-formed messages
   * under its own keys. Everything else behaves as {@link #create}.
   */
  public static ModelEngine<?> createDeviating(EngineConfig config, OutgoingTap tap) {
    ModelEngine<?> e = create(config);
    e.c.records.tap(tap);
    return e;
  }

  /**
   * Lets inject faults be carried out by this engine as its own records (see {@link Injector}), so
   * an injected message is protected exactly as this side protects its own at that point.
   */
  @Override
  public void injectWith(Injector injector) {
    this.injector = java.util.Objects.requireNonNull(injector);
  }

  @Override
  public Side side() {
    return side;
  }

  @Override
  public String name() {
    return "model";
  }

  @Override
  public Step start() {
    return side == Side.CLIENT ? local(LocalEvent.START, "start") : Step.NOTHING;
  }

  @Override
  public Step receive(Bytes data) {
    if (terminal()) {
      return Step.NOTHING; // RFC 5246 §7.2.2: after a fatal alert nothing more is read
    }
    try {
      c.records.read(data, new RecordLayer.RecordHandler() {
        @Override
        public void onRecord(TlsRecord r, boolean wasProtected) throws TlsAlertException {
          record(r, wasProtected);
        }

        @Override
        public boolean stop() {
          return terminal();
        }
      });
    } catch (TlsAlertException e) {
      fail(e);
    } catch (RuntimeException e) {
      fail(new TlsAlertException(AlertDescription.INTERNAL_ERROR, "internal error: " + e, e));
    }
    return flush();
  }

  @Override
  public Step send(Bytes applicationData) {
    c.pendingData = applicationData;
    return local(LocalEvent.SEND_DATA, "send");
  }

  @Override
  public Step renegotiate() {
    return local(LocalEvent.RENEGOTIATE, "renegotiate");
  }

  @Override
  public Step close() {
    return local(LocalEvent.CLOSE, "close");
  }

  @Override
  public Step timeout() {
    if (!terminal()) {
      events.add(new EngineEvent.TimedOut(state.name(), waitingFor()));
      setState(table.failed());
    }
    return flush();
  }

  @Override
  public String state() {
    return state.name();
  }

  /** The message this side waits for, as its table answers it (see {@link TransitionTable#waitingFor}). */
  @Override
  public String waitingFor() {
    return table.waitingFor(state, c.facts, peerTable).map(MessageKind::label).orElse("nothing");
  }

  @Override
  public boolean established() {
    return state.phase() == HandshakeState.Phase.ESTABLISHED && c.established;
  }

  @Override
  public boolean terminal() {
    return state.terminal();
  }

  @Override
  public Optional<Negotiated> negotiated() {
    return Optional.ofNullable(c.negotiated);
  }

  /** The client's session after a completed handshake, to offer for resumption. */
  public Optional<Session> session() {
    return c.session;
  }

  /**
   * The master secret of the current handshake as soon as this side has derived it (after the
   * ClientKeyExchange), before the handshake completes. It is what lets a real engine's trace
   * decode the Finished and everything after its peer's ChangeCipherSpec (the decryption hook of
   * {@code real-engine}), the way an NSS key log does for Wireshark.
   */
  public Optional<Bytes> masterSecret() {
    return Optional.ofNullable(c.hs.masterSecret);
  }

  /**
   * The decryption hook's answer for the handshake whose ClientHello.random is {@code clientRandom},
   * given every handshake message an observer of the wire saw in it ({@code seen}, HelloRequest
   * excluded): the master secret this side derived, or the one it will derive from what the peer
   * has sent and it has not read yet. A real engine sends its ClientKeyExchange (or, resuming, its
   * ServerHello) together with its ChangeCipherSpec and Finished, so without this its Finished would
   * go by before the model knows the keys. It changes no state and draws nothing from the engine's
   * random source: the run stays byte for byte what it is without an observer.
   */
  public Optional<Bytes> masterSecret(Bytes clientRandom, Transcript seen) {
    if (c.hs.masterSecret != null) {
      return Optional.of(c.hs.masterSecret);
    }
    if (!c.hs.clientRandom.equals(clientRandom)) {
      return Optional.empty(); // another handshake than this side's current one
    }
    try {
      return flow.masterSecretAhead(seen);
    } catch (TlsAlertException | RuntimeException e) {
      return Optional.empty(); // bytes this side would refuse: the records stay opaque
    }
  }

  /** The table state itself, for tests and the explorer's conformance checks. */
  public S tableState() {
    return state;
  }

  /**
   * Handles one record's plaintext as if it had arrived and been opened under the current read
   * state. For tests that put any message type into any state without forging protection.
   */
  Step receivePlaintext(ContentType type, Bytes fragment) {
    if (terminal()) {
      return Step.NOTHING;
    }
    try {
      record(new TlsRecord(type, c.records.version(), fragment), c.records.readProtected());
    } catch (TlsAlertException e) {
      fail(e);
    }
    return flush();
  }

  // --- incoming ---

  private void record(TlsRecord r, boolean wasProtected) throws TlsAlertException {
    HandshakeReassembler reassembler = c.records.reassembler();
    if (r.type() != ContentType.HANDSHAKE && reassembler.hasPartialMessage()) {
      // RFC 5246 §7.1: nothing may come between the fragments of one handshake message.
      throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE, r.type().rfcName() + " inside a fragmented handshake message");
    }
    switch (r.type()) {
      case HANDSHAKE -> {
        for (HandshakeReassembler.Message m : reassembler.add(r.fragment())) {
          if (terminal()) {
            return;
          }
          handshake(m, wasProtected);
        }
      }
      case CHANGE_CIPHER_SPEC -> {
        ChangeCipherSpec.decode(r.fragment());
        message(MessageKind.CHANGE_CIPHER_SPEC, null, r.fragment(), null, wasProtected);
      }
      case ALERT -> alert(Alert.decode(r.fragment()), r.fragment(), wasProtected);
      case APPLICATION_DATA -> {
        message(MessageKind.APPLICATION_DATA, null, r.fragment(), null, wasProtected);
        events.add(new EngineEvent.ApplicationDataReceived(r.fragment()));
      }
    }
  }

  private void handshake(HandshakeReassembler.Message m, boolean wasProtected) throws TlsAlertException {
    MessageKind kind = MessageKind.of(m.type());
    requireRow(kind); // before decoding: a message out of place is unexpected_message, whatever its body
    HandshakeContext hs = c.hs;
    ProtocolVersion v = hs.version != null ? hs.version : c.records.version();
    HandshakeMessage msg = HandshakeCodec.decodeBody(m.type(), m.body(),
        new DecodeContext(v, hs.suite != null ? hs.suite.keyExchange() : null));
    message(kind, msg, m.fullEncoding(), null, wasProtected);
  }

  private void alert(Alert a, Bytes body, boolean wasProtected) throws TlsAlertException {
    events.add(new EngineEvent.AlertReceived(a));
    if (a.level() == AlertLevel.FATAL) {
      info(false, null, null, body, a, wasProtected);
      setState(table.failed());
      return;
    }
    MessageKind kind = switch (a.description()) {
      case CLOSE_NOTIFY -> MessageKind.CLOSE_NOTIFY_ALERT;
      case NO_RENEGOTIATION -> MessageKind.NO_RENEGOTIATION_ALERT;
      case NO_CERTIFICATE -> MessageKind.NO_CERTIFICATE_ALERT;
      default -> null;
    };
    if (kind == null) {
      info(false, null, null, body, a, wasProtected); // RFC 5246 §7.2.2: other warnings may be ignored
      return;
    }
    message(kind, null, body, a, wasProtected);
  }

  private void message(MessageKind kind, HandshakeMessage msg, Bytes encoding, Alert alert, boolean wasProtected)
      throws TlsAlertException {
    info(false, kind, msg, encoding, alert, wasProtected);
    requireRow(kind);
    flow.absorb(new Incoming(kind, msg, encoding));
    if (kind.isHandshake() && kind != MessageKind.HELLO_REQUEST) {
      c.hs.append(encoding); // RFC 5246 §7.4.1.1: HelloRequest is not part of the transcript
    }
    transition(Trigger.receive(kind));
  }

  private void requireRow(MessageKind kind) throws TlsAlertException {
    if (!table.accepts(state, Trigger.receive(kind))) {
      throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE, kind.label() + " not allowed in " + state);
    }
  }

  // --- transitions and outgoing ---

  private Step local(LocalEvent event, String request) {
    if (terminal() || !table.accepts(state, Trigger.local(event))) {
      events.add(new EngineEvent.Refused(request, "not possible in state " + state
          + (event == LocalEvent.SEND_DATA ? ": application data before the handshake completes" : "")));
      return flush();
    }
    try {
      transition(Trigger.local(event));
    } catch (TlsAlertException e) {
      fail(e);
    } catch (RuntimeException e) {
      fail(new TlsAlertException(AlertDescription.INTERNAL_ERROR, "internal error: " + e, e));
    }
    return flush();
  }

  private void transition(Trigger trigger) throws TlsAlertException {
    S before = state;
    Transition<S> row = table.select(state, trigger, c.facts).orElseThrow(() -> new TlsAlertException(
        AlertDescription.UNEXPECTED_MESSAGE, trigger + " not allowed in " + before + " for " + c.hs.suite));
    for (Emit e : row.emits()) {
      if (e.applies(c.facts)) {
        emit(e.kind(), e.optional());
      }
    }
    flushHandshake();
    setState(row.to());
    // A handshake completes when the peer's Finished has been verified (RFC 5246 §7.4.9).
    if (trigger.equals(Trigger.receive(MessageKind.FINISHED)) && state.phase() == HandshakeState.Phase.ESTABLISHED) {
      Completion.complete(c);
      events.add(new EngineEvent.Established(c.negotiated));
    }
    if (state.phase() == HandshakeState.Phase.CLOSED && state != table.failed()) {
      events.add(new EngineEvent.Closed());
    }
  }

  private void emit(MessageKind kind, boolean optional) throws TlsAlertException {
    Outgoing o = flow.produce(kind);
    if (o.message() != null && kind != MessageKind.HELLO_REQUEST) {
      c.hs.append(o.payload());
    }
    inject(o.alert() != null ? "alert" : kind.typeName());
    if (o.type() == ContentType.HANDSHAKE) {
      info(true, kind, o.message(), o.payload(), null, c.records.writeProtected(), optional, o::detail);
      pendingHandshake.add(o.payload());
      return;
    }
    flushHandshake();
    info(true, kind, null, o.payload(), o.alert(), c.records.writeProtected(), optional, o::detail);
    out.addAll(c.records.write(o.type(), List.of(o.payload())));
    if (o.type() == ContentType.CHANGE_CIPHER_SPEC) {
      c.records.activateWrite(); // RFC 5246 §7.1: what follows our CCS uses the new keys
    }
  }

  /**
   * Sends what the injector asks for before this side's next message of {@code type}: after the
   * handshake messages already produced, each in its own record under the current write state
   * (RFC 5246 §6.1: it takes the next sequence number), reported as sent and marked injected.
   */
  private void inject(String type) {
    int nth = sentCounts.merge(type, 1, Integer::sum);
    for (Injector.Message m : injector.before(type, nth, c.records.version())) {
      flushHandshake();
      events.add(new EngineEvent.MessageSent(m.info(c.records.writeProtected(), m.detail())));
      out.addAll(c.records.write(m.contentType(), List.of(m.payload())));
    }
  }

  private void flushHandshake() {
    if (!pendingHandshake.isEmpty()) {
      out.addAll(c.records.write(ContentType.HANDSHAKE, pendingHandshake));
      pendingHandshake.clear();
    }
  }

  private void fail(TlsAlertException e) {
    if (terminal()) {
      return;
    }
    pendingHandshake.clear();
    inject("alert");
    Alert alert = Alert.fatal(e.alert());
    events.add(new EngineEvent.AlertSent(alert, e.getMessage()));
    info(true, null, null, alert.encode(), alert, c.records.writeProtected(), false, alert::describe);
    out.addAll(c.records.write(ContentType.ALERT, List.of(alert.encode())));
    setState(table.failed());
  }

  private void setState(S next) {
    if (next != state) {
      events.add(new EngineEvent.StateChanged(state.name(), next.name()));
      state = next;
    }
  }

  private void info(boolean sent, MessageKind kind, HandshakeMessage msg, Bytes encoding, Alert alert, boolean encrypted) {
    boolean optional = kind != null && peerTable.sentOptionally().contains(kind);
    info(sent, kind, msg, encoding, alert, encrypted, optional, () -> Outgoing.describe(kind, msg, alert, encoding));
  }

  private void info(boolean sent, MessageKind kind, HandshakeMessage msg, Bytes encoding, Alert alert, boolean encrypted,
      boolean optional, Supplier<String> detail) {
    String type = alert != null ? "alert" : kind != null ? kind.typeName() : "unknown";
    MessageInfo mi = MessageInfo.lazily(type, kind, alert, encoding.length(), optional, encrypted, detail, encoding);
    if (sent) {
      injector.sent(mi);
    }
    events.add(sent ? new EngineEvent.MessageSent(mi) : new EngineEvent.MessageReceived(mi));
  }

  private Step flush() {
    Step s = new Step(out, events);
    out.clear();
    events.clear();
    return s;
  }

  /** The session a completed handshake leaves behind (RFC 5246 §7.3). */
  static Session sessionOf(HandshakeContext hs) {
    return new Session(hs.sessionId, hs.version, hs.suite, hs.masterSecret, hs.extendedMasterSecret,
        hs.clientAuthenticated, Optional.empty());
  }
}
