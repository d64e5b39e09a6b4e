package dev.hslab.model.dtls.handshake;

import java.util.Optional;

/**
 * The timeout and retransmission state machine of RFC 6347 §4.2.4 Figure 3 (RFC 4347 §4.2.4), as
 * an immutable value: each event gives the next machine, the flight to put on the wire again (if
 * any) and what to do with the retransmission timer. It knows nothing of messages or clocks: the
 * engine says when it sends a flight and when the peer's flight is complete or repeated, the host
 * says when the timer it asked for expired.
 *
 * <p>Timer values follow §4.2.4.1: 1 s at first, doubled at each retransmission up to 60 s, kept
 * until a flight is answered without a retransmission and then set back to the initial value. The
 * give-up bound ({@link Policy#maxRetransmissions}) is the implementation's choice the RFC leaves
 * open ("an implementation ... MAY give up").
 *
 * @param <F> what a flight is for the caller (for the model engine, the messages to protect again)
 */
public record FlightMachine<F>(
    State state, Optional<F> flight, boolean timed, long timerMillis, int retransmissions, Policy policy) {

  /** Figure 3's states. */
  public enum State {
    PREPARING,
    SENDING,
    WAITING,
    FINISHED
  }

  /**
   * How the timer runs (§4.2.4.1).
   *
   * @param initialMillis the first timeout, 1 s by the RFC's SHOULD
   * @param maxMillis the cap of the doubling, "no less than ... 60 seconds"
   * @param maxRetransmissions retransmissions of one flight before giving up
   */
  public record Policy(long initialMillis, long maxMillis, int maxRetransmissions) {

    public static final Policy RFC6347 = new Policy(1_000, 60_000, 6);

    public Policy {
      if (initialMillis <= 0 || maxMillis < initialMillis || maxRetransmissions < 0) {
        throw new IllegalArgumentException("timer policy " + initialMillis + "/" + maxMillis + "/" + maxRetransmissions);
      }
    }
  }

  /** How a flight ends the sender's turn (§4.2.4 Figure 3's three ways out of SENDING). */
  public enum Sent {
    /** More flights follow: wait for the answer with the timer running. */
    AWAIT_ANSWER,
    /**
     * The stateless HelloVerifyRequest (§4.2.1): no timer, since the server keeps no state; a
     * repeated ClientHello is answered by sending it again.
     */
    STATELESS,
    /** The handshake's last flight: FINISHED, answering only a repeated previous flight. */
    LAST
  }

  /** What the timer should do after an event. */
  public sealed interface Timer {
    record Arm(long afterMillis) implements Timer {}

    record Cancel() implements Timer {}

    record Keep() implements Timer {}
  }

  /**
   * The result of one event.
   *
   * @param machine the machine after the event
   * @param retransmit the flight to send again, if any
   * @param timer what to do with the retransmission timer
   * @param gaveUp the give-up bound was passed: the handshake has failed (§4.2.4)
   */
  public record Next<F>(FlightMachine<F> machine, Optional<F> retransmit, Timer timer, boolean gaveUp) {}

  public FlightMachine {
    if (state == null || flight == null || policy == null) {
      throw new IllegalArgumentException("flight machine needs a state, a flight and a policy");
    }
  }

  /** The client's start: PREPARING its first flight. */
  public static <F> FlightMachine<F> client(Policy policy) {
    return new FlightMachine<>(State.PREPARING, Optional.empty(), false, policy.initialMillis(), 0, policy);
  }

  /** The server's start: WAITING for a ClientHello, with no flight and no timer (Figure 3). */
  public static <F> FlightMachine<F> server(Policy policy) {
    return new FlightMachine<>(State.WAITING, Optional.empty(), false, policy.initialMillis(), 0, policy);
  }

  /**
   * This side sent {@code sent} (PREPARING, through SENDING): WAITING with the timer at its current
   * value, or FINISHED for the last flight. A new flight from any state, so a renegotiation or a
   * server's answer to a ClientHello starts here too.
   */
  public Next<F> send(F sentFlight, Sent how) {
    return switch (how) {
      case AWAIT_ANSWER -> next(new FlightMachine<>(State.WAITING, Optional.of(sentFlight), true, timerMillis, 0, policy),
          null, new Timer.Arm(timerMillis));
      case STATELESS -> next(new FlightMachine<>(State.WAITING, Optional.of(sentFlight), false, timerMillis, 0, policy),
          null, new Timer.Cancel());
      case LAST -> next(new FlightMachine<>(State.FINISHED, Optional.of(sentFlight), false, timerMillis, 0, policy),
          null, new Timer.Cancel());
    };
  }

  /**
   * The timer expired: in WAITING with the timer armed, the flight goes out again and the timer
   * doubles (§4.2.4.1); past the give-up bound the handshake fails. Elsewhere nothing happens (a
   * timer cancelled too late).
   */
  public Next<F> timerExpired() {
    if (state != State.WAITING || !timed || flight.isEmpty()) {
      return next(this, null, new Timer.Keep());
    }
    if (retransmissions >= policy.maxRetransmissions()) {
      return new Next<>(new FlightMachine<>(State.FINISHED, flight, false, timerMillis, retransmissions, policy),
          Optional.empty(), new Timer.Cancel(), true);
    }
    long doubled = Math.min(policy.maxMillis(), timerMillis * 2);
    FlightMachine<F> m = new FlightMachine<>(State.WAITING, flight, true, doubled, retransmissions + 1, policy);
    return next(m, flight.get(), new Timer.Arm(doubled));
  }

  /**
   * The peer repeated its previous flight (Figure 3's "read retransmit"): in WAITING or FINISHED
   * ours was lost, so it goes out again; in WAITING the timer starts again at its current value.
   */
  public Next<F> peerRetransmitted() {
    if (flight.isEmpty() || (state != State.WAITING && state != State.FINISHED)) {
      return next(this, null, new Timer.Keep());
    }
    Timer timer = state == State.WAITING && timed ? new Timer.Arm(timerMillis) : new Timer.Keep();
    return next(this, flight.get(), timer);
  }

  /**
   * The peer's next flight arrived whole: the timer stops; PREPARING our answer, or FINISHED when
   * {@code last} (the peer's flight ends the handshake). A flight answered without a
   * retransmission sets the timer back to its initial value (§4.2.4.1).
   */
  public Next<F> receivedFlight(boolean last) {
    long timer = retransmissions == 0 ? policy.initialMillis() : timerMillis;
    State to = last ? State.FINISHED : State.PREPARING;
    return next(new FlightMachine<>(to, Optional.empty(), false, timer, 0, policy), null,
        new Timer.Cancel());
  }

  /** The connection ended (a fatal alert, a timeout): FINISHED with nothing to resend or time. */
  public FlightMachine<F> stopped() {
    return new FlightMachine<>(State.FINISHED, Optional.empty(), false, timerMillis, retransmissions, policy);
  }

  private Next<F> next(FlightMachine<F> m, F retransmit, Timer timer) {
    return new Next<>(m, Optional.ofNullable(retransmit), timer, false);
  }
}
