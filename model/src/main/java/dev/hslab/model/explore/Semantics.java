package dev.hslab.model.explore;

import dev.hslab.model.fault.FaultKind;
import dev.hslab.model.handshake.Emit;
import dev.hslab.model.handshake.HandshakeState;
import dev.hslab.model.handshake.HandshakeState.Phase;
import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.handshake.Transition;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.List;

/**
 * How the composed system takes one {@link Move}: the record layer's checks, the one rule for
 * what a table does not accept (unexpected_message, RFC 5246 §7.2.2), the table's row, and the
 * faults. Message contents are {@link Rules}' business.
 *
 * <p>Corruption, a simple sound rule: a corrupted record that its receiver reads with keys
 * active fails its MAC (bad_record_mac, RFC 5246 §6.2.3.1). Before keys are active, a corrupted
 * handshake message is taken for what it was (the tables see only its type) but the transcripts
 * now differ, so the next CertificateVerify or Finished check fails (decrypt_error, RFC 5246
 * §7.4.8–7.4.9); any other corrupted plaintext record is decode_error. A record read before the
 * reader's ChangeCipherSpec is judged by its type even if protected: that over-approximates the
 * adversary (a real stack would fail to parse it) so that a table which skips ChangeCipherSpec shows.
 */
final class Semantics {

  private static final Side[] SIDES = Side.values();

  private final Model model;
  private final RowIndex clientRows;
  private final RowIndex serverRows;

  Semantics(Model model) {
    this.model = model;
    this.clientRows = new RowIndex(model.clientTable());
    this.serverRows = new RowIndex(model.serverTable());
  }

  private RowIndex rows(Side side) {
    return side == Side.CLIENT ? clientRows : serverRows;
  }

  /** What a move did, for the invariants: the world after it, and what (if anything) was read. */
  record Transit(World after, Side receiver, MessageKind received, boolean accepted) {}

  /** Mutable only while one move is applied. */
  private static final class Acc {
    final List<TraceStep> sink;
    Side receiver;
    MessageKind received;
    boolean accepted;

    Acc(List<TraceStep> sink) {
      this.sink = sink;
    }

    /**
     * Whether a trace is wanted: the search itself never asks for one, so callers build a label
     * only when this says so (a label, or a lambda that would build it, per step costs more than
     * the step).
     */
    boolean tracing() {
      return sink != null;
    }

    void log(TraceStep.Kind kind, Side side, String label) {
      sink.add(new TraceStep(kind, side, label));
    }
  }

  /** Applies {@code move}; {@code sink}, if not null, receives the trace lines. */
  Transit apply(World w, Move move, List<TraceStep> sink) {
    Acc acc = new Acc(sink);
    World next = switch (move.type()) {
      case SCRIPT -> script(w, acc);
      case DELIVER -> {
        Channel c = w.channelTo(move.side());
        yield receive(w.withChannelTo(move.side(), c.dropHead()), move.side(), c.get(0), c.gap(), acc);
      }
      case FAULT -> fault(w.withFaultUsed(), move, acc);
      case TIMEOUT -> timeout(w, acc);
    };
    return new Transit(next, acc.receiver, acc.received, acc.accepted);
  }

  /**
   * A deviating peer with its own keys (not the network adversary of {@link FaultKind#INJECT})
   * sends one extra, well-formed message of {@code kind} to {@code to}: protected like its
   * neighbours and in sequence, so the receiver judges it by its type alone. Used by {@link
   * Deviations}.
   */
  Transit insiderInject(World w, Side to, MessageKind kind, List<TraceStep> sink) {
    Acc acc = new Acc(sink);
    Side from = to.peer();
    int msg = Rules.stamp(kind, from, w.endpoint(from), model.config());
    if (acc.tracing()) {
      acc.log(TraceStep.Kind.FAULT, from, "inject " + from.label() + "." + Msg.label(msg));
    }
    World next = receive(Msg.inTranscript(msg) ? w.withTranscriptsDiffer() : w, to, msg, false, acc);
    return new Transit(next, acc.receiver, acc.received, acc.accepted);
  }

  /**
   * The head of the channel to the client, a ServerHello, is delivered with {@code version} in
   * place of the one the server chose (the transcripts then differ, RFC 5246 §7.4.9).
   */
  Transit downgradedServerHello(World w, ProtocolVersion version, List<TraceStep> sink) {
    Acc acc = new Acc(sink);
    Channel c = w.channelTo(Side.CLIENT);
    int m = c.get(0);
    int changed = Msg.serverHello(Msg.of(MessageKind.SERVER_HELLO, Msg.isProtected(m)), version, Msg.keyExchange(m),
        Msg.resumed(m), Msg.ticket(m), Msg.session(m));
    if (acc.tracing()) {
      acc.log(TraceStep.Kind.FAULT, Side.SERVER, "downgrade server.server_hello to " + version.cliName());
    }
    World next = receive(w.withChannelTo(Side.CLIENT, c.dropHead()).withTranscriptsDiffer(), Side.CLIENT, changed,
        c.gap(), acc);
    return new Transit(next, acc.receiver, acc.received, acc.accepted);
  }

  /** The next script step is enabled: the network is quiet and the endpoint's table accepts it. */
  boolean scriptEnabled(World w) {
    if (w.script() >= model.script().size() || !w.toServer().isEmpty() || !w.toClient().isEmpty()) {
      return false;
    }
    ScriptStep step = model.script().get(w.script());
    Endpoint e = w.endpoint(step.side());
    return !e.terminal() && rows(step.side()).select(e.state(), step.event(), e.facts()) != null;
  }

  private World script(World w, Acc acc) {
    ScriptStep step = model.script().get(w.script());
    Endpoint e = w.endpoint(step.side());
    Transition<?> row = rows(step.side()).select(e.state(), step.event(), e.facts());
    if (acc.tracing()) {
      acc.log(TraceStep.Kind.LOCAL, step.side(), step.toString());
    }
    return fire(w.withScript(w.script() + 1), step.side(), e, row, acc);
  }

  private World receive(World w, Side to, int msg, boolean gap, Acc acc) {
    Endpoint e = w.endpoint(to);
    if (e.terminal()) {
      return w; // a closed connection reads nothing
    }
    acc.receiver = to;
    acc.received = Msg.kind(msg);
    // RFC 5246 §6.2.3.1: with keys active, a plaintext record or one out of sequence fails its MAC.
    // With keys from differing transcripts (World#keysDiffer) every protected record fails too.
    if (e.readProtected() && (!Msg.isProtected(msg) || gap || w.keysDiffer())) {
      return fail(w, to, AlertDescription.BAD_RECORD_MAC, acc);
    }
    if (Msg.isFatal(msg)) {
      // RFC 5246 §7.2.2: a fatal alert ends the connection at once, without an answer.
      return w.with(to, e.failed(model.failed(to), null)).withChannelTo(to, Channel.EMPTY);
    }
    MessageKind kind = Msg.kind(msg);
    if (!rows(to).accepts(e.state(), kind)) {
      return fail(w, to, AlertDescription.UNEXPECTED_MESSAGE, acc);
    }
    if (Msg.isCopy(msg) && Msg.inTranscript(msg)) {
      w = w.withTranscriptsDiffer(); // a repeated handshake message enters the receiver's transcript only
    }
    Rules.Absorbed absorbed = Rules.absorb(to, e, msg, model.config(), w.transcriptsDiffer());
    if (absorbed.alert() != null) {
      return fail(w, to, absorbed.alert(), acc);
    }
    Transition<?> row = rows(to).select(e.state(), kind, absorbed.endpoint().facts());
    if (row == null) {
      return fail(w, to, AlertDescription.UNEXPECTED_MESSAGE, acc);
    }
    acc.accepted = true;
    Endpoint absorbedEndpoint = absorbed.endpoint();
    if (to == Side.SERVER && kind == MessageKind.CLIENT_KEY_EXCHANGE && w.transcriptsDiffer()
        && !absorbedEndpoint.facts().resumed() && !absorbedEndpoint.facts().version().isSsl3()) {
      w = w.withKeysDiffer(); // RFC 7627 §4: the session hash through ClientKeyExchange feeds the master secret
    }
    return fire(w, to, absorbedEndpoint, row, acc);
  }

  /** Takes {@code row}: the new state, then the row's messages in order, each if its guards hold. */
  private World fire(World w, Side side, Endpoint e, Transition<?> row, Acc acc) {
    HandshakeState from = e.state();
    HandshakeState to = row.to();
    Endpoint n = e.with(to, e.facts());
    if (side == Side.CLIENT && from.phase() == Phase.ESTABLISHED && handshaking(to)) {
      // The client starts a new handshake on an established connection (RFC 5246 §7.4.1.2).
      n = n.with(to, n.facts().nextHandshake()).withSession(0, n.done(), false);
    }
    if (to.phase() == Phase.ESTABLISHED && from.phase() != Phase.ESTABLISHED && n.facts().version() != null) {
      n = n.withSession(n.session(), n.current(), n.peerCcs()); // a handshake completed
    }
    Side peer = side.peer();
    boolean peerListens = !w.endpoint(peer).terminal();
    Channel out = w.channelTo(peer);
    for (Emit emit : row.emits()) {
      if (!emit.applies(n.facts())) {
        continue;
      }
      int msg = Rules.stamp(emit.kind(), side, n, model.config());
      if (peerListens) {
        out = out.append(msg);
      }
      if (acc.tracing()) {
        acc.log(TraceStep.Kind.SENT, side, side.label() + "." + Msg.label(msg));
      }
      if (emit.kind() == MessageKind.CHANGE_CIPHER_SPEC) {
        n = n.withProtection(true, n.readProtected(), n.peerCcs()); // RFC 5246 §7.1
      } else if (emit.kind() == MessageKind.APPLICATION_DATA) {
        n = n.withData(n.dataSent() + 1, n.dataReceived());
      }
    }
    World r = w.with(side, n).withChannelTo(peer, out);
    return n.terminal() ? r.withChannelTo(side, Channel.EMPTY) : r;
  }

  private static boolean handshaking(HandshakeState s) {
    return s.phase() == Phase.HELLO || s.phase() == Phase.KEY_EXCHANGE || s.phase() == Phase.CHANGE_CIPHER;
  }

  /** {@code side} sends a fatal alert (RFC 5246 §7.2.2) and reads nothing more. */
  private World fail(World w, Side side, AlertDescription alert, Acc acc) {
    Endpoint e = w.endpoint(side);
    int msg = Msg.fatal(alert, e.writeProtected());
    if (acc.tracing()) {
      acc.log(TraceStep.Kind.SENT, side, side.label() + "." + alert.rfcName());
    }
    World r = w.with(side, e.failed(model.failed(side), alert)).withChannelTo(side, Channel.EMPTY);
    Side peer = side.peer();
    return r.endpoint(peer).terminal() ? r : r.withChannelTo(peer, r.channelTo(peer).append(msg));
  }

  private World fault(World w, Move move, Acc acc) {
    Side to = move.side();
    Side from = to.peer();
    Channel c = w.channelTo(to);
    switch (move.fault()) {
      case DROP: {
        int msg = c.get(0);
        if (acc.tracing()) {
          acc.log(TraceStep.Kind.FAULT, from, "drop " + from.label() + "." + Msg.label(msg));
        }
        World r = w.withChannelTo(to, Msg.isProtected(msg) ? c.dropHead().withGap() : c.dropHead());
        return Msg.inTranscript(msg) ? r.withTranscriptsDiffer() : r;
      }
      case DUPLICATE: {
        int msg = c.get(0);
        if (acc.tracing()) {
          acc.log(TraceStep.Kind.FAULT, from, "duplicate " + from.label() + "." + Msg.label(msg));
        }
        // The original is read now; the copy stays at the head, out of sequence if protected. The
        // transcripts differ only once the receiver accepts the copy (see receive).
        Channel withCopy = c.withHead(Msg.copy(msg));
        return receive(w.withChannelTo(to, Msg.isProtected(msg) ? withCopy.withGap() : withCopy), to, msg, c.gap(), acc);
      }
      case REORDER: {
        int a = c.get(0);
        int b = c.get(1);
        if (acc.tracing()) {
          acc.log(TraceStep.Kind.FAULT, from, "reorder " + from.label() + "." + Msg.label(a) + " with " + Msg.label(b));
        }
        Channel s = Msg.isProtected(a) || Msg.isProtected(b) ? c.swapHead().withGap() : c.swapHead();
        World r = w.withChannelTo(to, s);
        return Msg.inTranscript(a) || Msg.inTranscript(b) ? r.withTranscriptsDiffer() : r;
      }
      case CORRUPT: {
        int msg = c.get(0);
        if (acc.tracing()) {
          acc.log(TraceStep.Kind.FAULT, from, "corrupt " + from.label() + "." + Msg.label(msg));
        }
        World r = w.withChannelTo(to, c.dropHead());
        Endpoint e = r.endpoint(to);
        if (e.terminal()) {
          return r;
        } else if (e.readProtected()) {
          acc.receiver = to;
          return fail(r, to, AlertDescription.BAD_RECORD_MAC, acc);
        } else if (Msg.inTranscript(msg)) {
          return receive(r.withTranscriptsDiffer(), to, msg, c.gap(), acc);
        }
        acc.receiver = to;
        return fail(r, to, AlertDescription.DECODE_ERROR, acc);
      }
      case INJECT: {
        int msg = Rules.stamp(move.inject(), from, w.endpoint(from), model.config());
        if (acc.tracing()) {
          acc.log(TraceStep.Kind.FAULT, from, "inject " + from.label() + "." + Msg.label(msg));
        }
        if (Msg.isProtected(msg) && w.endpoint(to).readProtected() && !w.endpoint(to).terminal()) {
          acc.receiver = to;
          return fail(w, to, AlertDescription.BAD_RECORD_MAC, acc); // the adversary has no MAC key
        }
        return receive(Msg.inTranscript(msg) ? w.withTranscriptsDiffer() : w, to, msg, false, acc);
      }
      default:
        throw new IllegalStateException("unknown fault " + move.fault());
    }
  }

  /** Nothing else can happen: every endpoint still waiting gives up (docs/cli.md's timeout). */
  private World timeout(World w, Acc acc) {
    World r = w;
    for (Side side : SIDES) {
      Endpoint e = r.endpoint(side);
      if (!e.terminal()) {
        if (acc.tracing()) {
          acc.log(TraceStep.Kind.TIMEOUT, side, side.label() + " timeout in " + e.state().name()
              + " waiting for " + model.waitingFor(side, e.state()));
        }
        r = r.with(side, e.timedOutNow()).withChannelTo(side, Channel.EMPTY);
      }
    }
    return r;
  }
}
