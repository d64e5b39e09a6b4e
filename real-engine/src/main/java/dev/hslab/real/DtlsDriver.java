package dev.hslab.real;

import dev.hslab.model.wire.Bytes;
import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;

/**
 * {@link SslDriver} for a DTLS {@link SSLEngine}: each {@code wrap} produces one whole datagram
 * (kept whole, not split into records), {@link #receive} hands the engine one datagram
 * (SunJSSE's DTLS {@code unwrap} takes one record per call, so the pump calls it until the
 * datagram is used up; what it leaves is discarded, as a datagram is never continued, RFC 6347
 * §4.1.1), and {@link #retransmit} is what the JDK's own DTLS tests do when their socket times
 * out: {@code wrap()} while the engine is handshaking, which makes it resend its last flight.
 */
final class DtlsDriver extends SslDriver {

  /** Calls to an engine that keeps saying NEED_UNWRAP_AGAIN without taking anything. */
  private static final int MAX_AGAIN = 64;

  private boolean forceWrap;

  DtlsDriver(SSLEngine engine) {
    super(engine);
    this.inbound = EMPTY;
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

  /** One datagram from the peer. */
  @Override
  void receive(byte[] datagram) {
    inbound = ByteBuffer.wrap(datagram);
  }

  /** The retransmission timer expired: wrap at least once, as the JDK's DTLS tests do on a socket timeout. */
  void retransmit() {
    forceWrap = handshaking();
  }

  @Override
  void afterPerform() {
    inbound = EMPTY;
    forceWrap = false;
  }

  @Override
  void pump() throws Exception {
    int again = 0;
    for (int i = 0; i < MAX_ROUNDS; i++) {
      HandshakeStatus hs = engine.getHandshakeStatus();
      if (hs == HandshakeStatus.NEED_TASK) {
        runTasks();
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
        if (unwrapRecord() || hs == HandshakeStatus.NEED_UNWRAP_AGAIN && ++again < MAX_AGAIN) {
          continue;
        }
        inbound = EMPTY; // the engine took nothing more of this datagram: the rest is dropped
      }
      return;
    }
    throw new IllegalStateException("the engine kept asking for work after " + MAX_ROUNDS + " rounds");
  }

  private boolean unwrapRecord() throws Exception {
    HandshakeStatus before = engine.getHandshakeStatus();
    SSLEngineResult r = engine.unwrap(inbound, appIn);
    if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
      appIn = ByteBuffer.allocate(appIn.capacity() * 2);
      return true;
    }
    takeApplicationData();
    finished |= r.getHandshakeStatus() == HandshakeStatus.FINISHED;
    return r.bytesConsumed() > 0 || r.bytesProduced() > 0 || r.getHandshakeStatus() != before;
  }

  /** Takes what wrap() wrote: one whole datagram. */
  @Override
  void collectSent() {
    netOut.flip();
    if (netOut.hasRemaining()) {
      byte[] b = new byte[netOut.remaining()];
      netOut.get(b);
      sent.add(Bytes.wrap(b));
    }
  }
}
