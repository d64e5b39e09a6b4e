package dev.hslab.model.handshake;

import dev.hslab.model.wire.AlertDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How a run ended: decided once, by the code that ends the run (the loopback, the actors'
 * network, the TCP bridge, a deviant run, the explorer's expectation), recorded in the run's
 * trace, and read by every report. One type for every ending; {@link #code()} is the stable key
 * to count and compare by, {@link #describe()} the sentence for people.
 *
 * <p>A fatal ending is the first fatal thing that happened (RFC 5246 §7.2.2: a fatal alert ends
 * the connection). The other side often fails too (it times out after a lost alert, or both
 * timers expire after a lost message): those later failures are kept, in order, in
 * {@link #further()}, so that a report can tell the whole story without reading the events again.
 *
 * @param kind what happened
 * @param side who sent the alert, received it, timed out, crashed (null: the network) or, for
 *     {@link Kind#INCOMPLETE}, did not finish the handshake (null: neither side); for
 *     {@link Kind#CLOSED_DURING_HANDSHAKE}, the side that sent the first close_notify; for the
 *     TCP bridge's other endings, the bridged side; null where no side applies
 * @param alert the alert sent or received, for {@link Kind#ALERT} and {@link Kind#ALERT_RECEIVED}
 * @param state the state a side timed out in, or the bridged engine's state when the peer closed
 *     or the socket failed, or for {@link Kind#CLOSED_DURING_HANDSHAKE} the state the answering
 *     side received the close_notify in
 * @param waitingFor for a timeout or a closing peer, the message the side waited for (may be empty)
 * @param detail the words that go with it: the alert's reason, the crash's or socket error's
 *     cause, why a bridged connection timed out; may be null
 * @param further the failures after this one, in the order they happened (each with no further)
 */
public record Outcome(Kind kind, Side side, AlertDescription alert, String state, String waitingFor, String detail,
    List<Outcome> further) {

  /** The kinds of ending. */
  public enum Kind {
    /** Both sides completed the handshake (both Finished verified) and nothing fatal happened. */
    ESTABLISHED,
    /** close_notify sent and received (RFC 5246 §7.2.1): a clean close. */
    CLOSED,
    /** {@code side} sent a fatal alert. */
    ALERT,
    /** {@code side} received a fatal alert that no engine sent (e.g. one the network injected), or the bridge's peer sent. */
    ALERT_RECEIVED,
    /** {@code side}'s handshake timer (or the bridge's read bound) expired in {@code state}; the explorer's has no side. */
    TIMEOUT,
    /** A side ended without an alert and without a clean close: never the model's expectation, only a concrete run's. */
    ABORTED,
    /** An engine, the network or the bridge itself failed (an exception escaped): a bug; {@code detail} names it. */
    CRASHED,
    /** No failure, but not both sides completed the handshake. */
    INCOMPLETE,
    /** The TCP peer closed the connection. */
    PEER_CLOSED,
    /** No TCP connection: refused, unreachable, or the connect timed out. */
    CONNECT_FAILED,
    /** The socket failed otherwise. */
    IO_ERROR,
    /**
     * {@code side} sent close_notify before the handshake completed and its peer answered with its
     * own (RFC 5246 §7.2.1: either party may close at any time, the other MUST answer with
     * close_notify; it is not a fatal alert). The handshake did not complete; nothing failed.
     */
    CLOSED_DURING_HANDSHAKE
  }

  public static final Outcome ESTABLISHED = new Outcome(Kind.ESTABLISHED, null, null, null, null, null, List.of());
  public static final Outcome CLOSED = new Outcome(Kind.CLOSED, null, null, null, null, null, List.of());
  public static final Outcome ABORTED = new Outcome(Kind.ABORTED, null, null, null, null, null, List.of());

  public Outcome {
    Objects.requireNonNull(kind, "kind");
    further = List.copyOf(further == null ? List.of() : further);
    boolean alertKind = kind == Kind.ALERT || kind == Kind.ALERT_RECEIVED;
    if (alertKind != (alert != null) || (alertKind && side == null)) {
      throw new IllegalArgumentException("an alert outcome names its side and alert, the others no alert: " + kind);
    }
    if (kind == Kind.TIMEOUT && side != null && (state == null || waitingFor == null)) {
      throw new IllegalArgumentException("a side's timeout names its state and what it waited for");
    }
  }

  /** {@code side} sent the fatal alert {@code alert}, for {@code reason} (may be null). */
  public static Outcome alert(Side side, AlertDescription alert, String reason) {
    return new Outcome(Kind.ALERT, side, alert, null, null, reason, List.of());
  }

  /** {@code side} sent the fatal alert {@code alert} (the explorer's expectation: no reason). */
  public static Outcome alert(Side side, AlertDescription alert) {
    return alert(side, alert, null);
  }

  public static Outcome alertReceived(Side side, AlertDescription alert) {
    return new Outcome(Kind.ALERT_RECEIVED, side, alert, null, null, null, List.of());
  }

  /** The explorer's expectation: the run stalls until the timers expire (which side first, it does not say). */
  public static Outcome timeout() {
    return new Outcome(Kind.TIMEOUT, null, null, null, null, null, List.of());
  }

  public static Outcome timeout(Side side, String state, String waitingFor) {
    return timeout(side, state, waitingFor, null);
  }

  /** A timeout with the bound that expired in words, e.g. {@code no bytes from the peer for 500 ms}. */
  public static Outcome timeout(Side side, String state, String waitingFor, String why) {
    return new Outcome(Kind.TIMEOUT, side, null, state, waitingFor, why, List.of());
  }

  /** {@code side}'s engine crashed, or the network ({@code side} null), for {@code why}. */
  public static Outcome crashed(Side side, String why) {
    return new Outcome(Kind.CRASHED, side, null, null, null, why, List.of());
  }

  /** Nothing failed but {@code unfinished} did not complete the handshake (null: neither side did). */
  public static Outcome incomplete(Side unfinished) {
    return new Outcome(Kind.INCOMPLETE, unfinished, null, null, null, null, List.of());
  }

  /** The TCP peer of {@code side} closed in {@code state}, while {@code side} waited for {@code waitingFor} (empty: nothing). */
  public static Outcome peerClosed(Side side, String state, String waitingFor) {
    return new Outcome(Kind.PEER_CLOSED, side, null, state, waitingFor, null, List.of());
  }

  public static Outcome connectFailed(Side side, String why) {
    return new Outcome(Kind.CONNECT_FAILED, side, null, null, null, why, List.of());
  }

  /**
   * {@code closer} sent close_notify during the handshake; its peer, in {@code state} when it
   * received it, answered with close_notify (RFC 5246 §7.2.1).
   */
  public static Outcome closedDuringHandshake(Side closer, String state) {
    return new Outcome(Kind.CLOSED_DURING_HANDSHAKE, Objects.requireNonNull(closer, "closer"), null,
        Objects.requireNonNull(state, "state"), null, null, List.of());
  }

  public static Outcome ioError(Side side, String state, String why) {
    return new Outcome(Kind.IO_ERROR, side, null, state, null, why, List.of());
  }

  /** This outcome with {@code later} failures after it. */
  public Outcome withFurther(List<Outcome> later) {
    return new Outcome(kind, side, alert, state, waitingFor, detail, later);
  }

  public boolean established() {
    return kind == Kind.ESTABLISHED;
  }

  /** Every failure of the run in order: this one (unless it is no failure), then {@link #further()}. */
  public List<Outcome> failures() {
    List<Outcome> out = new ArrayList<>();
    if (kind != Kind.ESTABLISHED && kind != Kind.CLOSED && kind != Kind.INCOMPLETE && kind != Kind.CLOSED_DURING_HANDSHAKE) {
      out.add(withFurther(List.of()));
    }
    out.addAll(further);
    return out;
  }

  /**
   * The stable key to count and compare by: {@code established}, {@code closed}, {@code incomplete},
   * {@code aborted}, {@code alert:server:bad_record_mac}, {@code alert_received:client:handshake_failure},
   * {@code timeout:client:WAIT_FINISHED:finished} ({@code timeout} for the explorer's side-less one),
   * {@code crashed:server} ({@code crashed:network}), {@code peer_closed:WAIT_CLIENT_HELLO},
   * {@code connect_failed}, {@code io_error:WAIT_CLIENT_KEY_EXCHANGE},
   * {@code closed_during_handshake:server:WAIT_SERVER_HELLO} (the closer, the answering side's state). It holds no numbers or
   * addresses that differ from one run to the next.
   */
  public String code() {
    return switch (kind) {
      case ESTABLISHED, CLOSED, INCOMPLETE, ABORTED, CONNECT_FAILED -> name();
      case ALERT, ALERT_RECEIVED -> name() + ":" + side.label() + ":" + alert.rfcName();
      case TIMEOUT -> side == null ? name() : name() + ":" + side.label() + ":" + state + ":" + waitingFor;
      case CRASHED -> name() + ":" + (side == null ? "network" : side.label());
      case PEER_CLOSED, IO_ERROR -> name() + ":" + state;
      case CLOSED_DURING_HANDSHAKE -> name() + ":" + side.label() + ":" + state;
    };
  }

  /** The kind's word in codes: {@code alert}, {@code alert_received}, {@code peer_closed}. */
  private String name() {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  /**
   * The sentence for people: {@code established}, {@code server sent bad_record_mac (MAC check failed)},
   * {@code client received fatal handshake_failure}, {@code client timed out in WAIT_FINISHED waiting for finished},
   * {@code the peer closed the connection in state WAIT_SERVER_HELLO, waiting for server_hello}.
   */
  public String describe() {
    String who = side == null ? "" : side.label() + " ";
    return switch (kind) {
      case ESTABLISHED -> "established";
      case CLOSED -> "close_notify sent and received";
      case ALERT -> who + "sent " + alert.rfcName() + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")");
      case ALERT_RECEIVED -> who + "received fatal " + alert.rfcName();
      case TIMEOUT -> side == null ? "timed out" : who + "timed out in " + state + " waiting for " + waitingFor;
      case ABORTED -> "aborted without alert";
      case CRASHED -> (side == null ? "the network " : who) + "crashed: " + detail;
      // The wording of the HTML report since it first had an outcome line, kept as it was.
      case INCOMPLETE -> "not established (" + (side == null ? "neither side" : side.label()) + " did not finish the handshake)";
      case PEER_CLOSED -> "the peer closed the connection in state " + state
          + (waitingFor == null || waitingFor.isEmpty() ? "" : ", waiting for " + waitingFor);
      case CONNECT_FAILED -> "cannot connect: " + detail;
      case IO_ERROR -> detail;
      case CLOSED_DURING_HANDSHAKE -> side.label() + " sent close_notify during the handshake, " + side.peer().label()
          + " answered with close_notify (in state " + state + ")";
    };
  }

  /**
   * The explorer's wording, which {@code hslab deviate} prints and its JSON carries
   * ({@code expected}, {@code actual}): {@code completed}, {@code timeout},
   * {@code aborted without alert}, {@code alert client unexpected_message},
   * {@code closed during handshake by server} (without the state: a real engine's states are not
   * the model's); other kinds by their code.
   */
  public String explorerLabel() {
    return switch (kind) {
      case CLOSED -> "completed";
      case TIMEOUT -> "timeout";
      case ABORTED -> "aborted without alert";
      case ALERT -> "alert " + side.label() + " " + alert.rfcName();
      case CLOSED_DURING_HANDSHAKE -> "closed during handshake by " + side.label();
      default -> code();
    };
  }

  @Override
  public String toString() {
    return code();
  }
}
