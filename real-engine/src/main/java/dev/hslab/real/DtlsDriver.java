package dev.hslab.real;

import dev.hslab.model.wire.Bytes;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLSession;

/**
 * The mechanics of driving one DTLS {@link SSLEngine} in memory, the datagram counterpart of
 * {@link SslDriver}: each {@code wrap} produces one whole datagram, {@link #receive} hands the
 * engine one datagram (SunJSSE's DTLS {@code unwrap} takes one record per call, so the pump calls
 * it until the datagram is used up; what it leaves is discarded, as a datagram is never continued,
 * RFC 6347 §4.1.1), and {@link #retransmit} is what the JDK's own DTLS tests do when their socket
 * times out: {@code wrap()} while the engine is handshaking, which makes it resend its last flight.
 */
final class DtlsDriver {

  private static final int MAX_ROUNDS = 10_000;

  /** Calls to an engine that keeps saying NEED_UNWRAP_AGAIN without taking anything. */
  private static final int MAX_AGAIN = 64;

  private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

  private final SSLEngine engine;
  private ByteBuffer inbound = EMPTY;
  private ByteBuffer netOut;
  private ByteBuffer appIn;
  private ByteBuffer pendingData = EMPTY;
  private boolean forceWrap;
  private List<Bytes> sent;
  private List<Bytes> received;
  private boolean finished;

  DtlsDriver(SSLEngine engine) {
    this.engine = engine;
    SSLSession s = engine.getSession();
    this.netOut = ByteBuffer.allocate(s.getPacketBufferSize());
    this.appIn = ByteBuffer.allocate(s.getApplicationBufferSize());
  }

  SSLEngine engine() {
    return engine;
  }

  SSLSession session() {
    return engine.getSession();
  }

  boolean inboundDone() {
    return engine.isInboundDone();
  }

  boolean outboundDone() {
    return engine.isOutboundDone();
  }

  /** Still in a handshake: the retransmission timer has a flight to resend. */
  boolean handshaking() {
    HandshakeStatus hs = engine.getHandshakeStatus();
    return hs != HandshakeStatus.NOT_HANDSHAKING && hs != HandshakeStatus.FINISHED;
  }

  /** Handshaking and waiting for the peer's next flight (RFC 6347 §4.2.4, state WAITING). */
  boolean waiting() {
    HandshakeStatus hs = engine.getHandshakeStatus();
    return hs == HandshakeStatus.NEED_UNWRAP || hs == HandshakeStatus.NEED_UNWRAP_AGAIN;
  }

  void beginHandshake() throws Exception {
    engine.beginHandshake();
  }

  void closeOutbound() {
    engine.closeOutbound();
  }

  void send(byte[] data) {
    pendingData = ByteBuffer.wrap(data);
  }

  /** One datagram from the peer. */
  void receive(byte[] datagram) {
    inbound = ByteBuffer.wrap(datagram);
  }

  /** The retransmission timer expired: wrap at least once, as the JDK's DTLS tests do on a socket timeout. */
  void retransmit() {
    forceWrap = handshaking();
  }

  void abandon() {
    engine.closeOutbound();
    try {
      engine.closeInbound();
    } catch (Exception e) {
      // Expected without the peer's close_notify; nothing is sent after abandoning.
    }
  }

  /** Runs {@code action}, then wraps and unwraps until the engine is idle. Never throws. */
  SslDriver.Performed perform(SslDriver.Action action) {
    sent = new ArrayList<>();
    received = new ArrayList<>();
    finished = false;
    String failure = null;
    try {
      action.run();
      pump();
    } catch (Exception e) {
      failure = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
      flushAfterFailure();
    } finally {
      inbound = EMPTY;
      forceWrap = false;
    }
    return new SslDriver.Performed(List.copyOf(sent), List.copyOf(received), finished, failure);
  }

  private void pump() throws Exception {
    int again = 0;
    for (int i = 0; i < MAX_ROUNDS; i++) {
      HandshakeStatus hs = engine.getHandshakeStatus();
      if (hs == HandshakeStatus.NEED_TASK) {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
          task.run();
        }
        continue;
      }
      boolean dataWaiting = pendingData.hasRemaining() && hs == HandshakeStatus.NOT_HANDSHAKING;
      if (hs == HandshakeStatus.NEED_WRAP || dataWaiting || forceWrap) {
        forceWrap = false;
        if (wrap()) {
          continue;
        }
      }
      if (inbound.hasRemaining() || hs == HandshakeStatus.NEED_UNWRAP_AGAIN) {
        // NEED_UNWRAP_AGAIN: SunJSSE holds records it buffered (a flight's next-epoch records) and
        // reads them one per call, reporting no bytes consumed; ask again while it says so.
        if (unwrap() || hs == HandshakeStatus.NEED_UNWRAP_AGAIN && ++again < MAX_AGAIN) {
          continue;
        }
        inbound = EMPTY; // the engine took nothing more of this datagram: the rest is dropped
      }
      return;
    }
    throw new IllegalStateException("the engine kept asking for work after " + MAX_ROUNDS + " rounds");
  }

  private boolean wrap() throws Exception {
    netOut.clear();
    SSLEngineResult r = engine.wrap(pendingData, netOut);
    if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
      netOut = ByteBuffer.allocate(netOut.capacity() * 2);
      return true;
    }
    collectSent();
    finished |= r.getHandshakeStatus() == HandshakeStatus.FINISHED;
    return r.bytesProduced() > 0 || r.bytesConsumed() > 0;
  }

  private boolean unwrap() throws Exception {
    HandshakeStatus before = engine.getHandshakeStatus();
    SSLEngineResult r = engine.unwrap(inbound, appIn);
    if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
      appIn = ByteBuffer.allocate(appIn.capacity() * 2);
      return true;
    }
    appIn.flip();
    if (appIn.hasRemaining()) {
      byte[] b = new byte[appIn.remaining()];
      appIn.get(b);
      received.add(Bytes.wrap(b));
    }
    appIn.clear();
    finished |= r.getHandshakeStatus() == HandshakeStatus.FINISHED;
    return r.bytesConsumed() > 0 || r.bytesProduced() > 0 || r.getHandshakeStatus() != before;
  }

  /** After an error the provider has queued the alert it decided on: take it off the engine. */
  private void flushAfterFailure() {
    for (int i = 0; i < 8; i++) {
      try {
        netOut.clear();
        SSLEngineResult r = engine.wrap(EMPTY, netOut);
        collectSent();
        if (r.bytesProduced() == 0) {
          return;
        }
      } catch (Exception e) {
        return;
      }
    }
  }

  private void collectSent() {
    netOut.flip();
    if (netOut.hasRemaining()) {
      byte[] b = new byte[netOut.remaining()];
      netOut.get(b);
      sent.add(Bytes.wrap(b));
    }
  }
}
