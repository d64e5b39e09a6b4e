package dev.hslab.model.handshake;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One role's transition table: the single source of truth for the order of messages (docs/architecture.md
 * principle 1). The engine, the explorer, the diagrams and the conformance check all read it.
 * What the table does not list is not allowed: {@link #select} finds no row and the caller
 * answers unexpected_message (RFC 5246 §7.2.2), by one rule, in one place.
 */
public final class TransitionTable<S extends Enum<S> & HandshakeState> {

  private final Side side;
  private final Class<S> stateType;
  private final S initial;
  private final S failed;
  private final List<Transition<S>> rows;
  private final Map<S, List<Transition<S>>> byState;
  private final Set<MessageKind> sentOptionally;
  private final List<S> states;

  TransitionTable(Side side, Class<S> stateType, S initial, S failed, List<Transition<S>> rows) {
    this.side = side;
    this.stateType = stateType;
    this.initial = initial;
    this.failed = failed;
    this.rows = List.copyOf(rows);
    this.byState = new EnumMap<>(stateType);
    for (S s : stateType.getEnumConstants()) {
      byState.put(s, new ArrayList<>());
    }
    for (Transition<S> t : rows) {
      if (t.from().terminal()) {
        throw new IllegalArgumentException("row leaves terminal state: " + t);
      }
      byState.get(t.from()).add(t);
    }
    byState.replaceAll((s, l) -> List.copyOf(l));
    Set<MessageKind> optional = EnumSet.noneOf(MessageKind.class);
    for (Transition<S> t : rows) {
      for (Emit e : t.emits()) {
        if (e.optional()) {
          optional.add(e.kind());
        }
      }
    }
    this.sentOptionally = Collections.unmodifiableSet(optional);
    Set<S> used = EnumSet.of(initial, failed);
    for (Transition<S> t : rows) {
      used.add(t.from());
      used.add(t.to());
    }
    this.states = List.copyOf(used);
  }

  public Side side() {
    return side;
  }

  public S initial() {
    return initial;
  }

  /** The terminal state after a fatal alert, sent or received. */
  public S failed() {
    return failed;
  }

  /**
   * The states this table uses, in declaration order: TLS and DTLS share the state enums, and
   * each table has only its own (a TLS table has no WAIT_HELLO_VERIFY_REQUEST).
   */
  public List<S> states() {
    return states;
  }

  public List<Transition<S>> rows() {
    return rows;
  }

  public List<Transition<S>> rowsFrom(S state) {
    return byState.get(state);
  }

  /** The triggers with at least one row in {@code state}, in table order. */
  public Set<Trigger> triggers(S state) {
    Set<Trigger> out = new LinkedHashSet<>();
    for (Transition<S> t : byState.get(state)) {
      out.add(t.trigger());
    }
    return out;
  }

  /** Whether any row in {@code state} waits for {@code trigger}, whatever the guards. */
  public boolean accepts(S state, Trigger trigger) {
    for (Transition<S> t : byState.get(state)) {
      if (t.trigger().equals(trigger)) {
        return true;
      }
    }
    return false;
  }

  /** The kinds this role sends only under a guard: the bracketed messages of RFC 5246 §7.3's flows. */
  public Set<MessageKind> sentOptionally() {
    return sentOptionally;
  }

  /**
   * Every message that moves this side on from {@code state}, whatever the guards: the kinds of
   * the rows that leave it, in table order. An ignored HelloRequest and data during a
   * renegotiation loop back to the state and are left out. This is what the explorer, which
   * abstracts the negotiated facts away, reports a side waiting for
   * ({@code certificate_request|server_hello_done}).
   */
  public List<MessageKind> movingOn(S state) {
    Set<MessageKind> kinds = new LinkedHashSet<>();
    for (Transition<S> t : byState.get(state)) {
      if (t.to() != state && t.trigger() instanceof Trigger.Receive r) {
        kinds.add(r.kind());
      }
    }
    return List.copyOf(kinds);
  }

  /**
   * The one message this side waits for in {@code state} (docs/cli.md's {@code waitingFor}): of
   * the rows that can move it on given {@code facts}, the first whose message {@code sender} (the
   * peer's table) always sends, else the first optional one, else one that loops (an ignored
   * HelloRequest, data during a renegotiation). So a client after ServerKeyExchange waits for
   * server_hello_done, not for the optional certificate_request (RFC 5246 §7.3); an ECDHE client
   * after Certificate for server_key_exchange. An established connection waits for data, or, after
   * its own close_notify, for the peer's (RFC 5246 §7.2.1). Empty when nothing can come.
   *
   * @param facts what this side knows; before the hellos fix the key exchange the guards cannot be
   *     read, and every row may apply
   */
  public Optional<MessageKind> waitingFor(S state, Facts facts, TransitionTable<?> sender) {
    if (state.phase() == HandshakeState.Phase.ESTABLISHED) {
      return Optional.of(accepts(state, Trigger.local(LocalEvent.SEND_DATA))
          ? MessageKind.APPLICATION_DATA : MessageKind.CLOSE_NOTIFY_ALERT);
    }
    MessageKind moving = null;
    MessageKind staying = null;
    for (Transition<S> t : byState.get(state)) {
      boolean applies = facts.keyExchange() == null || t.applies(facts);
      if (t.trigger() instanceof Trigger.Receive r && applies) {
        if (t.to() == state) {
          staying = staying == null ? r.kind() : staying;
        } else if (!sender.sentOptionally().contains(r.kind())) {
          return Optional.of(r.kind());
        } else {
          moving = moving == null ? r.kind() : moving;
        }
      }
    }
    return Optional.ofNullable(moving != null ? moving : staying);
  }

  /**
   * The row for {@code trigger} in {@code state} whose guards hold for {@code facts}. Empty when
   * no row matches: the message is unexpected there. Rows sharing a state and trigger have
   * disjoint guards, so at most one matches (the tests check this over all facts).
   */
  public Optional<Transition<S>> select(S state, Trigger trigger, Facts facts) {
    for (Transition<S> t : byState.get(state)) {
      if (t.trigger().equals(trigger) && t.applies(facts)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  // --- the small vocabulary the tables are written in ---

  static <S extends Enum<S> & HandshakeState> Transition<S> row(
      S from, Trigger on, List<Guard> when, S to, Emit... emits) {
    return new Transition<>(from, on, when, to, List.of(emits));
  }

  static Trigger recv(MessageKind kind) {
    return Trigger.receive(kind);
  }

  static Trigger local(LocalEvent event) {
    return Trigger.local(event);
  }

  static List<Guard> always() {
    return List.of();
  }

  static List<Guard> when(Guard... guards) {
    return List.of(guards);
  }

  static Emit send(MessageKind kind) {
    return new Emit(kind, List.of());
  }

  static Emit sendIf(MessageKind kind, Guard... guards) {
    return new Emit(kind, List.of(guards));
  }

}
