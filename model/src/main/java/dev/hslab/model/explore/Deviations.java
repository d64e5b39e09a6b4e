package dev.hslab.model.explore;

import dev.hslab.model.explore.Mutation.Kind;
import dev.hslab.model.fault.FaultKind;
import dev.hslab.model.handshake.ClientTable;
import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.handshake.Outcome;
import dev.hslab.model.handshake.ServerTable;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * Derives the deviant traces of a valid path and their expected outcomes (issue 6): skip each
 * message, repeat it, swap it with the sender's next one, inject each other message type before
 * it (early ChangeCipherSpec, Finished and application data named as such), and downgrade the
 * version of a plaintext hello. The expectation comes from the explorer's own semantics of the
 * real transition tables: the applications' script runs on a perfect network, honest moves in
 * the explorer's fixed order (the script when quiet, then deliveries to the server, then to the
 * client — the order {@code Loopback} delivers in), and the mutation replaces the delivery of the
 * targeted message. Only the path that this canonical order produces is mutated: it is the one a
 * concrete loopback run follows.
 */
public final class Deviations {

  private static final int MAX_STEPS = 10_000;

  private final Model model;
  private final Semantics semantics;
  private final Moves moves;

  private Deviations(Configuration c) {
    // One unit of fault budget: the network mutations reuse the explorer's fault moves.
    this.model = new Model(c, ClientTable.TABLE, ServerTable.TABLE, ScriptStep.of(c), 1, ExploreOptions.FAULT_KINDS);
    this.semantics = new Semantics(model);
    this.moves = new Moves(model, semantics);
  }

  /** A message of the canonical run: its label, its sender and its number among the sender's records. */
  private record Sent(String label, Side sender, int senderRecord) {}

  /**
   * The deviant traces of {@code path}, a valid path of {@code c}; empty if {@code path} is not
   * the one the canonical order produces.
   */
  public static List<Deviation> derive(Configuration c, List<String> path) {
    return new Deviations(c).derive(path);
  }

  /** The valid path the canonical order produces (handshake-layer labels, as {@link ValidPath}). */
  public static List<String> canonicalPath(Configuration c) {
    return new Deviations(c).canonical().stream().map(Sent::label).filter(Deviations::inPath).toList();
  }

  private List<Deviation> derive(List<String> path) {
    List<Sent> sent = canonical().stream().filter(s -> inPath(s.label())).toList();
    if (!sent.stream().map(Sent::label).toList().equals(path)) {
      return List.of();
    }
    List<Deviation> out = new ArrayList<>();
    int firstHandshakeEnd = nthIndexOf(path, ".finished", 2);
    for (int i = 0; i < sent.size(); i++) {
      Sent s = sent.get(i);
      add(out, path, mutation(Kind.SKIP, i, s, null, null, null));
      add(out, path, mutation(Kind.REPEAT, i, s, null, null, null));
      if (i + 1 < sent.size() && sent.get(i + 1).sender() == s.sender() && sent.get(i + 1).senderRecord() == s.senderRecord() + 1) {
        add(out, path, mutation(Kind.SWAP, i, s, sent.get(i + 1).label(), null, null));
      }
      MessageKind here = kindOf(s.label());
      for (MessageKind k : MessageKind.tls()) {
        if (k != here) {
          add(out, path, mutation(injectionKind(path, i, s.sender(), k, firstHandshakeEnd), i, s, null, k, null));
        }
      }
      ProtocolVersion below = downgradeTarget(i, s);
      if (below != null) {
        add(out, path, mutation(Kind.VERSION_DOWNGRADE, i, s, null, null, below));
      }
    }
    return out;
  }

  private static Mutation mutation(Kind kind, int i, Sent s, String other, MessageKind inject, ProtocolVersion v) {
    return new Mutation(kind, i, s.sender(), s.senderRecord(), s.label(), other, inject, v);
  }

  private void add(List<Deviation> out, List<String> path, Mutation m) {
    List<TraceStep> trace = new ArrayList<>();
    Outcome expected = run(m, trace);
    if (expected != null) {
      out.add(new Deviation(model.config(), path, m, expected, trace));
    }
  }

  /** An injection of {@code k} before position {@code i}, named early if the sender sends its own later. */
  private static Kind injectionKind(List<String> path, int i, Side sender, MessageKind k, int firstHandshakeEnd) {
    if (k == MessageKind.APPLICATION_DATA && i <= firstHandshakeEnd) {
      return Kind.EARLY_APPLICATION_DATA;
    }
    if (k == MessageKind.CHANGE_CIPHER_SPEC || k == MessageKind.FINISHED) {
      String own = sender.label() + "." + k.label();
      if (path.subList(i, path.size()).contains(own)) {
        return k == MessageKind.FINISHED ? Kind.EARLY_FINISHED : Kind.EARLY_CCS;
      }
    }
    return Kind.INJECT;
  }

  /**
   * The version a downgraded first hello carries: one below what the peer accepts, so the peer
   * must refuse it (RFC 5246 §7.4.1.3, Appendix E.1); null where nothing lies below. Only the
   * first, plaintext hellos: a renegotiation's are protected.
   */
  private ProtocolVersion downgradeTarget(int i, Sent s) {
    Configuration c = model.config();
    ProtocolVersion floor;
    if (s.label().equals("server.server_hello") && s.senderRecord() == 1) {
      floor = c.clientMin();
    } else if (s.label().equals("client.client_hello") && s.senderRecord() == 1) {
      floor = c.serverMin();
    } else {
      return null;
    }
    int idx = ProtocolVersion.SUPPORTED.indexOf(floor);
    return idx <= 0 ? null : ProtocolVersion.SUPPORTED.get(idx - 1);
  }

  /** The canonical fault-free run: the first honest move each time, the timeout when there is none. */
  private List<Sent> canonical() {
    List<Sent> out = new ArrayList<>();
    int[] records = new int[2];
    World w = model.initial();
    for (int n = 0; n < MAX_STEPS && !w.bothTerminal(); n++) {
      List<Move> honest = moves.honest(w);
      List<TraceStep> steps = new ArrayList<>();
      w = semantics.apply(w, honest.isEmpty() ? Move.TIMEOUT : honest.get(0), steps).after();
      for (TraceStep s : steps) {
        if (s.kind() == TraceStep.Kind.SENT) {
          out.add(new Sent(s.label(), s.side(), ++records[s.side().ordinal()]));
        }
      }
    }
    return out;
  }

  /**
   * Runs the canonical order with {@code m} in place of the targeted delivery; the first fatal
   * alert, the completion or the timeout is the outcome. Null if the mutation cannot apply (a
   * swap whose second message is not yet on the wire).
   */
  private Outcome run(Mutation m, List<TraceStep> trace) {
    World w = model.initial();
    int delivered = 0;
    boolean applied = false;
    Outcome first = null;
    for (int n = 0; n < MAX_STEPS && !w.bothTerminal(); n++) {
      List<Move> honest = moves.honest(w);
      Move move = honest.isEmpty() ? Move.TIMEOUT : honest.get(0);
      World before = w;
      boolean target = !applied && move.type() == Move.Type.DELIVER && move.side() == m.receiver()
          && delivered + 1 == m.senderRecord();
      if (target) {
        applied = true;
        Semantics.Transit t = mutate(w, m, trace);
        if (t == null) {
          return null;
        }
        w = t.after();
      } else {
        w = semantics.apply(w, move, trace).after();
        if (move.type() == Move.Type.DELIVER && move.side() == m.receiver()) {
          delivered++;
        }
      }
      for (Side side : Side.values()) {
        if (first == null && before.endpoint(side).alertSent() == null && w.endpoint(side).alertSent() != null) {
          first = Outcome.alert(side, w.endpoint(side).alertSent());
        }
      }
    }
    if (!applied) {
      return null;
    }
    return first != null ? first : w.completed() ? Outcome.CLOSED : Outcome.timeout();
  }

  private Semantics.Transit mutate(World w, Mutation m, List<TraceStep> trace) {
    Side to = m.receiver();
    return switch (m.kind()) {
      case SKIP -> semantics.apply(w, Move.fault(to, FaultKind.DROP, null), trace);
      case REPEAT -> semantics.apply(w, Move.fault(to, FaultKind.DUPLICATE, null), trace);
      case SWAP -> w.channelTo(to).size() < 2 ? null : semantics.apply(w, Move.fault(to, FaultKind.REORDER, null), trace);
      case INJECT, EARLY_CCS, EARLY_FINISHED, EARLY_APPLICATION_DATA -> semantics.insiderInject(w, to, m.inject(), trace);
      case VERSION_DOWNGRADE -> to == Side.CLIENT
          ? semantics.downgradedServerHello(w, m.version(), trace)
          : downgradedClientHello(w, m.version(), trace);
    };
  }

  /** The server reads a ClientHello offering at most {@code v}: the server judges it as from such a client. */
  private Semantics.Transit downgradedClientHello(World w, ProtocolVersion v, List<TraceStep> trace) {
    Configuration c = model.config();
    ProtocolVersion min = c.clientMin().compareTo(v) <= 0 ? c.clientMin() : v;
    Model lowered = new Model(c.withVersions(min, v, c.serverMin(), c.serverMax()), model.clientTable(),
        model.serverTable(), model.script(), model.faults(), model.faultKinds());
    trace.add(new TraceStep(TraceStep.Kind.FAULT, Side.CLIENT, "downgrade client.client_hello to " + v.cliName()));
    return new Semantics(lowered).apply(w, Move.deliver(Side.SERVER), trace);
  }

  static boolean inPath(String label) {
    return !label.endsWith(".application_data") && !label.endsWith(".close_notify");
  }

  private static MessageKind kindOf(String label) {
    String type = label.substring(label.indexOf('.') + 1);
    for (MessageKind k : MessageKind.values()) {
      if (k.label().equals(type)) {
        return k;
      }
    }
    return null; // a fatal alert: every kind may be injected before it
  }

  private static int nthIndexOf(List<String> path, String suffix, int n) {
    int seen = 0;
    for (int i = 0; i < path.size(); i++) {
      if (path.get(i).endsWith(suffix) && ++seen == n) {
        return i;
      }
    }
    return path.size() - 1;
  }
}
