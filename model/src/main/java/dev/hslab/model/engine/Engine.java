package dev.hslab.model.engine;

import dev.hslab.model.handshake.Side;
import dev.hslab.model.wire.Bytes;
import java.util.Optional;

/**
 * One side of a TLS connection: bytes and local events in, bytes to send and events out. No
 * threads, no clock and no I/O inside (docs/style.md §9): a timeout is an event fed in. The model
 * engine, SunJSSE and BCJSSE all implement it, so any of them can sit in an actor, the loopback
 * or the TCP bridge (docs/architecture.md principle 6).
 */
public interface Engine {

  Side side();

  /** {@code model}, {@code jsse} or {@code bcjsse}. */
  String name();

  /** Begins the connection: the client sends its ClientHello; the server waits. */
  Step start();

  /** Bytes from the peer, in order, in any chunking. */
  Step receive(Bytes data);

  /** Application data to protect and send; refused before the handshake completes. */
  Step send(Bytes applicationData);

  /** Starts a renegotiation (the client sends a ClientHello, the server a HelloRequest). */
  Step renegotiate();

  /** Sends close_notify (RFC 5246 §7.2.1). */
  Step close();

  /** The timer that bounds the wait in the current state expired; the engine fails. */
  Step timeout();

  /**
   * The retransmission timer this engine asked for ({@link EngineEvent.RetransmissionTimer})
   * expired: a DTLS engine resends its last flight and doubles the timer (RFC 6347 §4.2.4.1).
   * For a DTLS engine, every element of {@link Step#records()} is one whole datagram and
   * {@link #receive} takes one datagram; records never span datagrams (RFC 6347 §4.1.1).
   */
  default Step retransmissionTimeout() {
    return Step.NOTHING;
  }

  /** The current state's name, from the transition table for the model engine. */
  String state();

  /** The message type this side waits for next, for timeouts and traces (e.g. {@code server_hello_done}). */
  String waitingFor();

  boolean established();

  /** After a fatal alert, a timeout or a completed close, nothing more is accepted. */
  boolean terminal();

  /** The parameters of the last completed handshake. */
  Optional<Negotiated> negotiated();
}
