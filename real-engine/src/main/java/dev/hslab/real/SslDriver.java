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
 * The mechanics of driving one {@link SSLEngine} in memory: buffers, wrap/unwrap until the engine
 * has nothing more to do, delegated tasks run inline on the caller's thread. Each
 * {@link #perform} returns what happened; the {@link JsseEngine} turns that into events.
 */
class SslDriver {

  /** Something to do to the engine before pumping it. */
  interface Action {
    void run() throws Exception;
  }

  /**
   * What one action led to.
   *
   * @param sent whole records, in order
   * @param applicationData plaintext that unwrap produced, one chunk per record
   * @param handshakeFinished the engine reported a completed handshake
   * @param failure the provider's error message, or null
   */
  record Performed(List<Bytes> sent, List<Bytes> applicationData, boolean handshakeFinished, String failure) {}

  /** Bounds the pump should an engine ask for work forever. */
  static final int MAX_ROUNDS = 10_000;

  static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

  final SSLEngine engine;
  ByteBuffer inbound;
  ByteBuffer netOut;
  ByteBuffer appIn;
  ByteBuffer pendingData = EMPTY;
  List<Bytes> sent;
  List<Bytes> received;
  boolean finished;

  SslDriver(SSLEngine engine) {
    this.engine = engine;
    SSLSession s = engine.getSession();
    this.inbound = ByteBuffer.allocate(s.getPacketBufferSize());
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

  void beginHandshake() throws Exception {
    engine.beginHandshake();
  }

  void closeOutbound() {
    engine.closeOutbound();
  }

  /** Queues application data; the pump protects it once the engine is not handshaking. */
  void send(byte[] data) {
    pendingData = ByteBuffer.wrap(data);
  }

  /** Bytes of the stream from the peer, appended to what the engine has not read yet. */
  void receive(byte[] data) {
    if (inbound.remaining() < data.length) {
      ByteBuffer bigger = ByteBuffer.allocate(inbound.position() + data.length + engine.getSession().getPacketBufferSize());
      inbound.flip();
      bigger.put(inbound);
      inbound = bigger;
    }
    inbound.put(data);
  }

  /** Gives up on the connection without sending anything (timeout, unframeable input). */
  void abandon() {
    engine.closeOutbound();
    try {
      engine.closeInbound();
    } catch (Exception e) {
      // Expected without the peer's close_notify; nothing is sent after abandoning.
    }
  }

  /** Runs {@code action}, then wraps and unwraps until the engine is idle. Never throws. */
  Performed perform(Action action) {
    sent = new ArrayList<>();
    received = new ArrayList<>();
    finished = false;
    String failure = null;
    try {
      action.run();
      pump();
    } catch (Exception e) {
      // SSLException is the normal failure; providers also throw runtime exceptions on bad input.
      failure = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
      flushAfterFailure();
    } finally {
      afterPerform();
    }
    return new Performed(List.copyOf(sent), List.copyOf(received), finished, failure);
  }

  /** What a datagram driver forgets after each action; nothing for a stream. */
  void afterPerform() {}

  /** Runs the engine's delegated tasks inline (docs/style.md §20). */
  final void runTasks() {
    Runnable task;
    while ((task = engine.getDelegatedTask()) != null) {
      task.run();
    }
  }

  void pump() throws Exception {
    for (int i = 0; i < MAX_ROUNDS; i++) {
      HandshakeStatus hs = engine.getHandshakeStatus();
      if (hs == HandshakeStatus.NEED_TASK) {
        runTasks();
        continue;
      }
      boolean dataWaiting = pendingData.hasRemaining() && hs == HandshakeStatus.NOT_HANDSHAKING;
      if ((hs == HandshakeStatus.NEED_WRAP || dataWaiting) && wrap()) {
        continue;
      }
      if (inbound.position() > 0 && unwrap()) {
        continue;
      }
      return;
    }
    throw new IllegalStateException("the engine kept asking for work after " + MAX_ROUNDS + " rounds");
  }

  final boolean wrap() throws Exception {
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
    inbound.flip();
    SSLEngineResult r;
    try {
      r = engine.unwrap(inbound, appIn);
    } finally {
      inbound.compact();
    }
    if (r.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
      return false;
    }
    if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
      ByteBuffer bigger = ByteBuffer.allocate(appIn.capacity() * 2);
      appIn.flip();
      bigger.put(appIn);
      appIn = bigger;
      return true;
    }
    takeApplicationData();
    finished |= r.getHandshakeStatus() == HandshakeStatus.FINISHED;
    return r.bytesConsumed() > 0 || r.bytesProduced() > 0;
  }

  /** Moves the plaintext unwrap() produced into {@link #received}, one chunk per call. */
  final void takeApplicationData() {
    appIn.flip();
    if (appIn.hasRemaining()) {
      byte[] b = new byte[appIn.remaining()];
      appIn.get(b);
      received.add(Bytes.wrap(b));
    }
    appIn.clear();
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

  /** Takes what wrap() wrote: whole records of a stream. */
  void collectSent() {
    netOut.flip();
    if (netOut.hasRemaining()) {
      sent.addAll(Records.split(netOut));
    }
  }
}
