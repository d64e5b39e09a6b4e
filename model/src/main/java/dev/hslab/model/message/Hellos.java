package dev.hslab.model.message;

import dev.hslab.model.wire.Bytes;

/** What ClientHello and ServerHello share (RFC 5246 §7.4.1.2): Random and SessionID bounds. */
final class Hellos {

  /** RFC 5246 §7.4.1.2: gmt_unix_time (4) + random_bytes (28). */
  static final int RANDOM_LENGTH = 32;

  /** RFC 5246 §7.4.1.2: {@code opaque SessionID<0..32>}. */
  static final int MAX_SESSION_ID = 32;

  private Hellos() {}

  static void checkRandomAndSessionId(Bytes random, Bytes sessionId) {
    if (random.length() != RANDOM_LENGTH) {
      throw new IllegalArgumentException("random must be 32 bytes, got " + random.length());
    }
    if (sessionId.length() > MAX_SESSION_ID) {
      throw new IllegalArgumentException("session_id longer than 32: " + sessionId.length());
    }
  }

  static String describeSessionId(Bytes sessionId) {
    return sessionId.isEmpty() ? "empty" : sessionId.hex();
  }
}
