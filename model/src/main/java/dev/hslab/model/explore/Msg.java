package dev.hslab.model.explore;

import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.ProtocolVersion;

/**
 * An abstract message packed in an int: its kind (a {@link MessageKind}, or a fatal alert), whether
 * it travels in a protected record, and the parameters the receiver learns from it. Only the
 * ServerHello (version, key exchange, resumed, ticket, session) and the client's Certificate
 * (empty or not) carry parameters the tables' guards depend on.
 */
final class Msg {

  private Msg() {}

  /** Kind code of a fatal alert; codes below it are {@link MessageKind} ordinals. */
  static final int FATAL = MessageKind.values().length;

  private static final MessageKind[] KINDS = MessageKind.values();
  private static final AlertDescription[] ALERTS = AlertDescription.values();
  private static final KeyExchange[] KEX = KeyExchange.values();

  private static final int PROTECTED = 1 << 5;
  private static final int ALERT_SHIFT = 6; // 5 bits
  private static final int VERSION_SHIFT = 11; // 2 bits
  private static final int KEX_SHIFT = 13; // 3 bits
  private static final int RESUMED = 1 << 16;
  private static final int TICKET = 1 << 17;
  private static final int SESSION_SHIFT = 18; // 2 bits
  private static final int NON_EMPTY = 1 << 20;
  /** A copy the network made of a record already delivered (StateCodec keeps 24 bits: room up to bit 23). */
  private static final int COPY = 1 << 21;

  static int of(MessageKind kind, boolean protectedRecord) {
    return kind.ordinal() | (protectedRecord ? PROTECTED : 0);
  }

  static int fatal(AlertDescription alert, boolean protectedRecord) {
    return FATAL | (protectedRecord ? PROTECTED : 0) | alert.ordinal() << ALERT_SHIFT;
  }

  static int serverHello(int m, ProtocolVersion v, KeyExchange kex, boolean resumed, boolean ticket, int session) {
    return m | versionIndex(v) << VERSION_SHIFT | kex.ordinal() << KEX_SHIFT
        | (resumed ? RESUMED : 0) | (ticket ? TICKET : 0) | session << SESSION_SHIFT;
  }

  /** The index in {@link ProtocolVersion#SUPPORTED}: SSL 3.0 is 3.0, TLS 1.x is 3.(x+1). */
  static int versionIndex(ProtocolVersion v) {
    return v.minor();
  }

  static int certificate(int m, boolean nonEmpty) {
    return m | (nonEmpty ? NON_EMPTY : 0);
  }

  static int copy(int m) {
    return m | COPY;
  }

  static boolean isCopy(int m) {
    return (m & COPY) != 0;
  }

  static boolean isFatal(int m) {
    return (m & 31) == FATAL;
  }

  /** The table kind, or null for a fatal alert. */
  static MessageKind kind(int m) {
    return isFatal(m) ? null : KINDS[m & 31];
  }

  static AlertDescription alert(int m) {
    return ALERTS[(m >>> ALERT_SHIFT) & 31];
  }

  static boolean isProtected(int m) {
    return (m & PROTECTED) != 0;
  }

  static ProtocolVersion version(int m) {
    return ProtocolVersion.SUPPORTED.get((m >>> VERSION_SHIFT) & 3);
  }

  static KeyExchange keyExchange(int m) {
    return KEX[(m >>> KEX_SHIFT) & 7];
  }

  static boolean resumed(int m) {
    return (m & RESUMED) != 0;
  }

  static boolean ticket(int m) {
    return (m & TICKET) != 0;
  }

  static int session(int m) {
    return (m >>> SESSION_SHIFT) & 3;
  }

  static boolean nonEmpty(int m) {
    return (m & NON_EMPTY) != 0;
  }

  /** A handshake message that enters the Finished hash: all but HelloRequest (RFC 5246 §7.4.1.1). */
  static boolean inTranscript(int m) {
    MessageKind k = kind(m);
    return k != null && k.isHandshake() && k != MessageKind.HELLO_REQUEST;
  }

  /** The docs/cli.md label: the type name, or the alert's name for alerts. */
  static String label(int m) {
    return isFatal(m) ? alert(m).rfcName() : kind(m).label();
  }
}
