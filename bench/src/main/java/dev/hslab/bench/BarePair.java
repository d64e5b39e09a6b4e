package dev.hslab.bench;

import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;

/**
 * A handshake between two of a provider's own {@link SSLEngine}s, driven the way the
 * {@code SSLEngine} documentation shows: each side wraps into a network buffer that is handed
 * straight to the other side's unwrap, delegated tasks run inline, on the caller's thread. No
 * record decoding, trace or alert inference: what a user of the provider pays, and nothing else.
 * The buffers are allocated once and reused, as a server reuses its connections' buffers.
 */
final class BarePair {

  private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);
  /** A TLS 1.2 handshake takes about ten steps; a pair still going after this many is stuck. */
  private static final int MAX_ROUNDS = 100;

  private ByteBuffer toServer;
  private ByteBuffer toClient;
  private ByteBuffer clientApp;
  private ByteBuffer serverApp;
  /** The server's bytes of the last handshake, when kept ({@link #BarePair(boolean)}). */
  private final ByteBuffer serverSent;

  /** A pair that does not keep what the server sent. */
  BarePair() {
    this(false);
  }

  /** @param keepServerBytes keep what the server sends, for {@link #serverSent(byte[])} */
  BarePair(boolean keepServerBytes) {
    serverSent = keepServerBytes ? ByteBuffer.allocate(1 << 16) : null;
  }

  /**
   * Runs the handshake of a fresh client and server engine to its end and returns the client's
   * session; throws when either side fails or the pair stops making progress.
   */
  SSLSession handshake(SSLEngine client, SSLEngine server) throws SSLException {
    ensureBuffers(client.getSession());
    toServer.clear();
    toClient.clear();
    if (serverSent != null) {
      serverSent.clear();
    }
    client.beginHandshake();
    server.beginHandshake();
    for (int i = 0; i < MAX_ROUNDS; i++) {
      boolean moved = step(client, toClient, toServer, clientApp);
      int before = toClient.position();
      moved |= step(server, toServer, toClient, serverApp);
      if (serverSent != null) {
        serverSent.put(toClient.duplicate().flip().position(before));
      }
      if (done(client) && done(server) && toServer.position() == 0 && toClient.position() == 0) {
        return client.getSession();
      }
      if (!moved) {
        throw new IllegalStateException("handshake stuck: client " + client.getHandshakeStatus()
            + ", server " + server.getHandshakeStatus());
      }
    }
    throw new IllegalStateException("handshake did not end after " + MAX_ROUNDS + " rounds");
  }

  /**
   * Whether the server's bytes of the last handshake contain {@code part}. A full TLS 1.2
   * handshake carries the server's certificate in the clear, an abbreviated one does not
   * (RFC 5246 section 7.3; a new session ticket is encrypted), so a part of the leaf's DER tells
   * them apart from the wire.
   */
  boolean serverSent(byte[] part) {
    byte[] sent = java.util.Arrays.copyOf(serverSent.array(), serverSent.position());
    outer:
    for (int i = 0; i + part.length <= sent.length; i++) {
      for (int k = 0; k < part.length; k++) {
        if (sent[i + k] != part[k]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private static boolean done(SSLEngine e) {
    return e.getHandshakeStatus() == HandshakeStatus.NOT_HANDSHAKING;
  }

  /**
   * Lets {@code e} do all it can: run its tasks, wrap into {@code out}, unwrap what the peer left
   * in {@code in}. Both buffers are kept in write mode between calls. Returns whether it did anything.
   */
  private static boolean step(SSLEngine e, ByteBuffer in, ByteBuffer out, ByteBuffer app) throws SSLException {
    boolean moved = false;
    while (true) {
      switch (e.getHandshakeStatus()) {
        case NEED_TASK -> {
          Runnable task;
          while ((task = e.getDelegatedTask()) != null) {
            task.run();
          }
          moved = true;
        }
        case NEED_WRAP -> {
          SSLEngineResult r = e.wrap(NOTHING, out);
          check(r);
          if (r.bytesProduced() == 0 && r.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
            return moved;
          }
          moved = true;
        }
        case NEED_UNWRAP -> {
          in.flip();
          SSLEngineResult r;
          try {
            r = e.unwrap(in, app);
          } finally {
            in.compact();
          }
          check(r);
          if (r.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW || r.bytesConsumed() == 0) {
            return moved;
          }
          app.clear(); // a handshake carries no application data
          moved = true;
        }
        default -> {
          return moved;
        }
      }
    }
  }

  private static void check(SSLEngineResult r) {
    if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW || r.getStatus() == SSLEngineResult.Status.CLOSED) {
      throw new IllegalStateException("unexpected " + r.getStatus() + " during the handshake: " + r);
    }
  }

  private void ensureBuffers(SSLSession s) {
    if (toServer == null) {
      // Room for a whole flight: the server's (hello, certificates, key exchange) spans several records.
      toServer = ByteBuffer.allocate(4 * s.getPacketBufferSize());
      toClient = ByteBuffer.allocate(4 * s.getPacketBufferSize());
      clientApp = ByteBuffer.allocate(s.getApplicationBufferSize());
      serverApp = ByteBuffer.allocate(s.getApplicationBufferSize());
    }
  }
}
