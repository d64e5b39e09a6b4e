package dev.hslab.real.learn;

import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.handshake.ClientAuth;
import dev.hslab.model.handshake.ClientCertificate;
import dev.hslab.model.handshake.ClientTable;
import dev.hslab.model.handshake.Emit;
import dev.hslab.model.handshake.Facts;
import dev.hslab.model.handshake.HandshakeState;
import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.handshake.ServerTable;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.handshake.Transition;
import dev.hslab.model.handshake.TransitionTable;
import dev.hslab.model.handshake.Trigger;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.automatalib.alphabet.Alphabet;
import net.automatalib.alphabet.impl.Alphabets;
import net.automatalib.automaton.transducer.impl.CompactMealy;
import net.automatalib.util.automaton.minimizer.HopcroftMinimizer;

/**
 * The Mealy machine our transition tables define over a learning alphabet: the role's table run
 * abstractly, each input a received message kind, each output the kinds the selected row sends
 * (labelled as {@link EngineOracle} labels them). What the table does not list is answered
 * {@code alert(unexpected_message) closed} (RFC 5246 §7.2.2, the model engine's one rule); the
 * guards read the facts a run of this configuration would fix (key exchange and version from the
 * hellos, the client-certificate policy, RFC 5746 renegotiation once a handshake completed). The
 * model engine's learned machine must equal it; a real engine's is compared with it.
 */
public final class TableProjection {

  private TableProjection() {}

  /** The projection for {@code setup}, minimized. */
  public static CompactMealy<MessageKind, String> of(LearnSetup setup) {
    return setup.role() == Side.SERVER ? build(ServerTable.TABLE, setup) : build(ClientTable.TABLE, setup);
  }

  /** One abstract configuration of the role: table state, facts, whether a handshake completed. */
  private record At<S>(S state, Facts facts, boolean established) {}

  private record Next<S>(At<S> at, String output) {}

  private static <S extends Enum<S> & HandshakeState> CompactMealy<MessageKind, String> build(
      TransitionTable<S> table, LearnSetup setup) {
    Alphabet<MessageKind> alphabet = Alphabets.fromList(setup.inputs());
    CompactMealy<MessageKind, String> m = new CompactMealy<>(alphabet);
    At<S> start = new At<>(table.initial(), Facts.initial(true), false);
    if (setup.role() == Side.CLIENT) {
      start = new At<>(table.select(table.initial(), Trigger.local(dev.hslab.model.handshake.LocalEvent.START), start.facts())
          .orElseThrow().to(), start.facts(), false); // the ClientHello is part of the reset
    }
    Map<At<S>, Integer> ids = new HashMap<>();
    Deque<At<S>> todo = new ArrayDeque<>();
    ids.put(start, m.addInitialState());
    todo.add(start);
    while (!todo.isEmpty()) {
      At<S> at = todo.poll();
      for (MessageKind in : setup.inputs()) {
        Next<S> n = step(table, setup, at, in);
        Integer to = ids.get(n.at());
        if (to == null) {
          to = m.addState();
          ids.put(n.at(), to);
          todo.add(n.at());
        }
        m.addTransition(ids.get(at), in, to, n.output());
      }
    }
    return HopcroftMinimizer.minimizeMealy(m, alphabet);
  }

  private static <S extends Enum<S> & HandshakeState> Next<S> step(TransitionTable<S> table, LearnSetup setup, At<S> at,
      MessageKind in) {
    if (at.state().terminal()) {
      return new Next<>(at, EngineOracle.CLOSED);
    }
    Trigger t = Trigger.receive(in);
    if (!table.accepts(at.state(), t)) {
      return failed(table, at, "unexpected_message");
    }
    Facts f = at.facts();
    boolean established = at.established();
    HandshakeConfig hc = setup.config();
    KeyExchange kex = hc.keyExchange();
    ProtocolVersion v = hc.clientMax().compareTo(hc.serverMax()) <= 0 ? hc.clientMax() : hc.serverMax();
    boolean clientHasCertificate = hc.clientCertificate() != ClientCertificate.NONE;
    // What the role's flow learns from the message (model.engine ServerFlow/ClientFlow.absorb).
    if (setup.role() == Side.SERVER) {
      if (in == MessageKind.CLIENT_HELLO && !(established && !f.renegotiationAllowed())) {
        Facts base = established ? f.nextHandshake() : f;
        f = base.withHello(v, kex, false, false)
            .withCertificateRequested(hc.clientAuth() != ClientAuth.NONE && kex.serverCertificate())
            .withClientCertificate(false);
      } else if (in == MessageKind.CERTIFICATE) {
        if (!clientHasCertificate && hc.clientAuth() == ClientAuth.REQUIRE) {
          return failed(table, at, "handshake_failure"); // RFC 5246 §7.4.6
        }
        f = f.withClientCertificate(clientHasCertificate);
      }
    } else if (in == MessageKind.SERVER_HELLO) {
      f = f.withHello(v, kex, false, false);
    } else if (in == MessageKind.CERTIFICATE_REQUEST) {
      f = f.withCertificateRequested(true).withClientCertificate(clientHasCertificate);
    }
    Optional<Transition<S>> row = table.select(at.state(), t, f);
    if (row.isEmpty()) {
      return failed(table, at, "unexpected_message");
    }
    List<String> labels = new ArrayList<>();
    for (Emit e : row.get().emits()) {
      if (e.applies(f)) {
        labels.add(label(e.kind()));
        if (e.kind() == MessageKind.CLIENT_HELLO && established) {
          f = f.nextHandshake(); // a renegotiating client starts its next handshake
        }
      }
    }
    S to = row.get().to();
    if (in == MessageKind.FINISHED && to.phase() == HandshakeState.Phase.ESTABLISHED) {
      established = true;
      // RFC 5746 §4.4: both sides here negotiate secure renegotiation.
      f = f.withRenegotiationAllowed(true);
    }
    if (to.terminal()) {
      labels.add(EngineOracle.CLOSED);
    }
    return new Next<>(new At<>(to, f, established), labels.isEmpty() ? EngineOracle.SILENT : String.join(" ", labels));
  }

  private static <S extends Enum<S> & HandshakeState> Next<S> failed(TransitionTable<S> table, At<S> at, String alert) {
    return new Next<>(new At<>(table.failed(), at.facts(), at.established()),
        "alert(" + alert + ") " + EngineOracle.CLOSED);
  }

  /** How the scripted peer labels a message of {@code kind} (see {@link dev.hslab.model.engine.ScriptedPeer}). */
  static String label(MessageKind kind) {
    return kind.isAlert() ? "alert(" + kind.label() + ")" : kind.label();
  }
}
