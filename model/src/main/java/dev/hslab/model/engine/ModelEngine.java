package dev.hslab.model.engine;

import dev.hslab.model.crypto.Transcript;
import dev.hslab.model.dtls.DtlsDatagram;
import dev.hslab.model.dtls.DtlsRecord;
import dev.hslab.model.dtls.Pmtu;
import dev.hslab.model.dtls.RecordDecision;
import dev.hslab.model.dtls.handshake.DtlsClientHello;
import dev.hslab.model.dtls.handshake.DtlsTranscript;
import dev.hslab.model.dtls.handshake.FlightMachine;
import dev.hslab.model.dtls.handshake.FragmentReassembler;
import dev.hslab.model.dtls.handshake.HandshakeFragment;
import dev.hslab.model.dtls.handshake.HelloVerifyRequest;
import dev.hslab.model.dtls.handshake.StatelessCookie;
import dev.hslab.model.handshake.DtlsClientTable;
import dev.hslab.model.handshake.DtlsServerTable;
import dev.hslab.model.handshake.Facts;
import dev.hslab.model.message.ClientHello;
import dev.hslab.model.message.HandshakeType;
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

  /**
   * The peer's address in the DTLS cookie (RFC 6347 §4.2.1): a model engine serves the one peer its
   * host connects it to, so the cookie binds the ClientHello's fields alone.
   */
  private static final Bytes PEER = Bytes.EMPTY;

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
  /** DTLS: datagrams already packed (a retransmitted flight), sent after {@link #out}'s. */
  private final List<Bytes> datagrams = new ArrayList<>();
  /** DTLS server: the stateless cookie of RFC 6347 §4.2.1, under a secret drawn at creation. */
  private final StatelessCookie cookies;
  /** DTLS client: the cookie of the last HelloVerifyRequest, sent in the next ClientHello. */
  private Bytes cookie = Bytes.EMPTY;

  private ModelEngine(EngineConfig config, TransitionTable<S> table, TransitionTable<?> peerTable) {
    this.side = config.side();
    this.table = table;
    this.peerTable = peerTable;
    if (config.dtls()) {
      // RFC 6347 §4.1: the first ClientHello may go in records of the lowest version offered.
      FlightMachine<DtlsRecords.Flight> machine = side == Side.CLIENT
          ? FlightMachine.client(FlightMachine.Policy.RFC6347) : FlightMachine.server(FlightMachine.Policy.RFC6347);
      DtlsRecords d = new DtlsRecords(config.minVersion(), Pmtu.DEFAULT, machine);
      this.c = new Connection(config, new RecordLayer(side, config.minVersion(), config.recordMode(), config.random(), d));
      this.cookies = side == Side.SERVER ? new StatelessCookie(Bytes.wrap(config.random().nextBytes(32))) : null;
    } else {
      ProtocolVersion initial = config.minVersion().compareTo(ProtocolVersion.TLS10) < 0 ? config.minVersion() : ProtocolVersion.TLS10;
      this.c = new Connection(config, new RecordLayer(side, initial, config.recordMode(), config.random()));
      this.cookies = null;
    }
    this.flow = side == Side.CLIENT ? new ClientFlow(c) : new ServerFlow(c);
    this.state = table.initial();
  }

  /** A model engine for the side the configuration names; a DTLS one (the DTLS tables) for DTLS versions. */
  public static ModelEngine<?> create(EngineConfig config) {
    if (config.dtls()) {
      return config.side() == Side.CLIENT
          ? new ModelEngine<ClientState>(config, DtlsClientTable.TABLE, DtlsServerTable.TABLE)
          : new ModelEngine<ServerState>(config, DtlsServerTable.TABLE, DtlsClientTable.TABLE);
    }
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
    if (c.records.dtls() != null) {
      try {
        datagram(data);
      } catch (TlsAlertException e) {
        fail(e);
      } catch (RuntimeException e) {
        fail(new TlsAlertException(AlertDescription.INTERNAL_ERROR, "internal error: " + e, e));
      }
      return flush();
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

  /** DTLS: the retransmission timer expired; the flight goes out again (RFC 6347 §4.2.4). */
  @Override
  public Step retransmissionTimeout() {
    DtlsRecords d = c.records.dtls();
    if (d == null || terminal()) {
      return Step.NOTHING;
    }
    apply(d.machine.timerExpired());
    return flush();
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

  /**
   * One DTLS datagram (RFC 6347 §4.1): its records in order, each opened by the read state of its
   * epoch; a record that does not frame, open or verify is dropped without an alert (§4.1.2.7). A
   * fragment of the last handshake message already handed out is the peer repeating its previous
   * flight: ours goes out again (§4.2.4), once per repetition however many datagrams carry it.
   */
  private void datagram(Bytes datagram) throws TlsAlertException {
    DtlsRecords d = c.records.dtls();
    boolean peerRepeated = false;
    for (RecordDecision framed : DtlsDatagram.decode(datagram)) {
      if (terminal()) {
        return;
      }
      if (!(d.read.open(framed) instanceof RecordDecision.Accepted opened)) {
        continue;
      }
      DtlsRecord r = opened.record();
      boolean wasProtected = r.epoch() > 0;
      if (r.epoch() < d.read.epoch()) {
        continue; // a record of an epoch left behind: part of a repeated flight, answered at its last message
      }
      if (r.type() != ContentType.HANDSHAKE) {
        record(new TlsRecord(r.type(), r.version(), r.fragment()), wasProtected);
        continue;
      }
      for (HandshakeFragment f : HandshakeFragment.decodeAll(r.fragment())) {
        // The peer repeats its previous flight (§4.2.4) in several datagrams; answering each would
        // multiply the flights on the wire, so only the last message it sent before counts.
        peerRepeated |= d.reassembler.offer(f) == FragmentReassembler.Offer.PREVIOUS_MESSAGE
            && f.messageSeq() == d.reassembler.nextSeq() - 1;
      }
      for (HandshakeFragment m : d.reassembler.take()) {
        if (terminal()) {
          return;
        }
        dtlsHandshake(m, wasProtected);
      }
    }
    if (peerRepeated && !terminal()) {
      apply(d.machine.peerRetransmitted());
    }
  }

  /** One reassembled DTLS handshake message: the DTLS bodies (HelloVerifyRequest, the cookie) here, the rest as TLS. */
  private void dtlsHandshake(HandshakeFragment m, boolean wasProtected) throws TlsAlertException {
    HandshakeType type = HandshakeType.fromDtlsCode(m.msgType());
    MessageKind kind = MessageKind.of(type);
    requireRow(kind);
    HandshakeContext hs = c.hs;
    ProtocolVersion v = hs.version != null ? hs.version : c.records.version();
    DecodeContext ctx = new DecodeContext(v, hs.suite != null ? hs.suite.keyExchange() : null);
    HandshakeMessage msg;
    if (type == HandshakeType.HELLO_VERIFY_REQUEST) {
      HelloVerifyRequest hvr = HelloVerifyRequest.decode(m.fragment());
      cookie = hvr.cookie();
      info(false, kind, null, m.encode(), null, wasProtected);
      c.hs.transcript = DtlsTranscript.append(c.hs.transcript, m); // §4.2.1: drops the first ClientHello
      transition(Trigger.receive(kind));
      return;
    } else if (type == HandshakeType.CLIENT_HELLO) {
      DtlsClientHello dch = DtlsClientHello.decode(m.fragment(), ctx);
      if (state == (Object) ServerState.WAIT_CLIENT_HELLO_WITH_COOKIE) {
        if (!cookies.verify(PEER, dch)) {
          return; // §4.2.1: not a cookie of ours; a stateless server keeps nothing of it
        }
        // The server kept no state (§4.2.1): this ClientHello starts the handshake afresh.
        c.hs = new HandshakeContext();
        c.facts = Facts.initial(c.config.allowRenegotiation());
        c.records.dtls().sendSeq = m.messageSeq(); // §4.2.2: the server's message_seq follows the ClientHello's
      }
      msg = dch.hello();
    } else {
      msg = HandshakeCodec.decodeBody(type, m.fragment(), ctx);
    }
    message(kind, msg, m.encode(), null, wasProtected);
  }

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
      c.hs.append(encoding); // RFC 5246 §7.4.1.1: HelloRequest is not part of the transcript; DTLS: §4.2.6's form
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
    // RFC 6347 §4.2.4: a row that sends handshake messages sends one flight.
    boolean flight = c.records.dtls() != null && row.emits().stream()
        .anyMatch(e -> e.applies(c.facts) && (e.kind().isHandshake() || e.kind() == MessageKind.CHANGE_CIPHER_SPEC));
    if (flight) {
      c.records.dtls().newFlight();
    }
    for (Emit e : row.emits()) {
      if (e.applies(c.facts)) {
        emit(e.kind(), e.optional());
      }
    }
    flushHandshake();
    setState(row.to());
    if (c.records.dtls() != null) {
      flights(trigger, before, row, flight);
    }
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
    if (kind == MessageKind.HELLO_VERIFY_REQUEST) {
      helloVerifyRequest(optional);
      return;
    }
    Outgoing o = flow.produce(kind);
    Bytes payload = o.type() == ContentType.HANDSHAKE && c.records.dtls() != null ? dtlsMessage(o) : o.payload();
    if (o.message() != null && kind != MessageKind.HELLO_REQUEST) {
      c.hs.append(payload);
    }
    inject(o.alert() != null ? "alert" : kind.typeName());
    if (o.type() == ContentType.HANDSHAKE) {
      info(true, kind, o.message(), payload, null, c.records.writeProtected(), optional, o::detail);
      pendingHandshake.add(payload);
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
   * A DTLS handshake message (RFC 6347 §4.2.2): the TLS body under the 12-byte header with this
   * side's next message_seq, as one whole fragment (the record layer cuts it to the datagram
   * budget); a ClientHello carries the cookie after session_id (§4.2.1).
   */
  private Bytes dtlsMessage(Outgoing o) {
    Bytes tls = o.payload();
    Bytes body = o.message() instanceof ClientHello ch
        ? new DtlsClientHello(ch, cookie).encodeBody() : tls.slice(HandshakeCodec.HEADER_LENGTH, tls.length());
    return HandshakeFragment.whole(tls.getUnsigned(0), c.records.dtls().sendSeq++, body).encode();
  }

  /**
   * The stateless server's answer to a ClientHello without a valid cookie (RFC 6347 §4.2.1): a
   * HelloVerifyRequest of version DTLS 1.0 whatever will be negotiated, with an HMAC cookie over
   * the ClientHello. Neither it nor the ClientHello it answers is hashed.
   */
  private void helloVerifyRequest(boolean optional) {
    HelloVerifyRequest hvr = cookies.request(PEER, c.hs.clientHello, ProtocolVersion.DTLS10);
    Bytes payload = HandshakeFragment.whole(HelloVerifyRequest.TYPE, c.records.dtls().sendSeq++, hvr.encodeBody()).encode();
    c.hs.transcript = Transcript.empty();
    info(true, MessageKind.HELLO_VERIFY_REQUEST, null, payload, null, false, optional, hvr::describe);
    pendingHandshake.add(payload);
  }

  /**
   * The flight machine's view of a transition (RFC 6347 §4.2.4 Figure 3): a row taken on a
   * message that answers with a flight, or ends the handshake, completes the peer's flight; a row
   * that sends starts ours, stateless for a HelloVerifyRequest, the last when it ends the
   * handshake.
   */
  private void flights(Trigger trigger, S before, Transition<S> row, boolean sent) {
    DtlsRecords d = c.records.dtls();
    boolean done = state.phase() == HandshakeState.Phase.ESTABLISHED && before.phase() != HandshakeState.Phase.ESTABLISHED;
    if (trigger instanceof Trigger.Receive && (sent || done)) {
      apply(d.machine.receivedFlight(done && !sent));
    }
    if (sent) {
      boolean stateless = row.emits().stream().anyMatch(e -> e.kind() == MessageKind.HELLO_VERIFY_REQUEST);
      FlightMachine.Sent how = stateless ? FlightMachine.Sent.STATELESS
          : done ? FlightMachine.Sent.LAST : FlightMachine.Sent.AWAIT_ANSWER;
      apply(d.machine.send(d.sentFlight(), how));
    }
  }

  /** Carries out one step of the flight machine: the flight again, the timer, or giving up. */
  private void apply(FlightMachine.Next<DtlsRecords.Flight> next) {
    DtlsRecords d = c.records.dtls();
    boolean wasTimed = d.machine.timed();
    d.machine = next.machine();
    next.retransmit().ifPresent(f -> {
      datagrams.addAll(d.retransmit(f));
      // Each message of the flight is on the wire again: the trace shows it again, marked.
      f.messages().forEach(m -> events.add(new EngineEvent.MessageSent(m.retransmission(m.encrypted()))));
    });
    if (next.timer() instanceof FlightMachine.Timer.Arm a) {
      events.add(new EngineEvent.RetransmissionTimer(a.afterMillis()));
    } else if (next.timer() instanceof FlightMachine.Timer.Cancel && wasTimed) {
      events.add(EngineEvent.RetransmissionTimer.cancel());
    }
    if (next.gaveUp()) {
      // §4.2.4: past the bound the handshake has failed, as a timeout does.
      events.add(new EngineEvent.TimedOut(state.name(), waitingFor()));
      setState(table.failed());
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
      DtlsRecords d = c.records.dtls();
      if (d != null && alert == null && kind != null && kind != MessageKind.APPLICATION_DATA) {
        d.flightMessages.add(mi); // a flight holds handshake messages and ChangeCipherSpec (RFC 6347 §4.2.4)
      }
    }
    events.add(sent ? new EngineEvent.MessageSent(mi) : new EngineEvent.MessageReceived(mi));
  }

  private Step flush() {
    DtlsRecords d = c.records.dtls();
    if (d != null && d.machine.timed() && terminal()) {
      events.add(EngineEvent.RetransmissionTimer.cancel());
      d.machine = d.machine.stopped();
    }
    List<Bytes> records = out;
    if (d != null) {
      // RFC 6347 §4.1.1: whole records, several to a datagram, each datagram within the PMTU.
      records = new ArrayList<>(DtlsDatagram.packEncoded(out, d.pmtu));
      records.addAll(datagrams);
      datagrams.clear();
    }
    Step s = new Step(records, events);
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
