package dev.hslab.model.engine;

import dev.hslab.model.record.Alert;
import dev.hslab.model.wire.Bytes;

/** What an engine reports, with stable types that tests and traces assert on (docs/style.md §23). */
public sealed interface EngineEvent {

  record MessageSent(MessageInfo message) implements EngineEvent {}

  record MessageReceived(MessageInfo message) implements EngineEvent {}

  record StateChanged(String from, String to) implements EngineEvent {}

  /** A handshake completed: both Finished messages verified. */
  record Established(Negotiated negotiated) implements EngineEvent {}

  /** A fatal alert this side sent, with the reason in words. */
  record AlertSent(Alert alert, String reason) implements EngineEvent {}

  record AlertReceived(Alert alert) implements EngineEvent {}

  record ApplicationDataReceived(Bytes data) implements EngineEvent {}

  /** A local request the current state cannot serve (e.g. data before the handshake completes). */
  record Refused(String request, String reason) implements EngineEvent {}

  /** The handshake timer expired in {@code state} while waiting for {@code waitingFor}. */
  record TimedOut(String state, String waitingFor) implements EngineEvent {}

  /** close_notify was sent and received: the connection ended cleanly. */
  record Closed() implements EngineEvent {}

  /**
   * A datagram engine (DTLS) asks for its retransmission timer (RFC 6347 §4.2.4): armed to expire
   * {@code afterMillis} of virtual time from now, replacing any armed one; {@code afterMillis < 0}
   * cancels it. The host calls {@link Engine#retransmissionTimeout()} when it expires. TLS engines
   * never ask: TLS leaves loss to its transport.
   */
  record RetransmissionTimer(long afterMillis) implements EngineEvent {

    public static RetransmissionTimer cancel() {
      return new RetransmissionTimer(-1);
    }

    public boolean cancels() {
      return afterMillis < 0;
    }
  }
}
