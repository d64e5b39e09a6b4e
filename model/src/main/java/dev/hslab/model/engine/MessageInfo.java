package dev.hslab.model.engine;

import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.record.Alert;
import dev.hslab.model.wire.Bytes;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One message as the trace sees it.
 *
 * @param type the docs/cli.md type name ({@code server_hello}, {@code change_cipher_spec},
 *     {@code alert}, {@code application_data})
 * @param kind the transition tables' kind, or null for a message the tables do not model (a
 *     fatal alert, an encrypted handshake message of a real engine)
 * @param alert the alert, for type {@code alert}; else null
 * @param bytes the size of the message on the handshake layer (header included), or of the
 *     record's plaintext for other content types
 * @param optional the table marks it optional (a bracketed message of RFC 5246 §7.3)
 * @param encrypted it travelled in a protected record
 * @param detail a stable one-line description; computed when first asked for (see
 *     {@link #lazily}), since most runs never read it
 * @param encoding its plaintext bytes (empty when unknown)
 * @param injected an inject fault made the engine send it as its own record (see {@link Injector}):
 *     it is no part of the engine's handshake
 */
public final class MessageInfo {

  private final String type;
  private final MessageKind kind;
  private final Alert alert;
  private final int bytes;
  private final boolean optional;
  private final boolean encrypted;
  private final Bytes encoding;
  private final boolean injected;
  private final boolean retransmitted;
  private Supplier<String> describe;
  private volatile String detail;

  public MessageInfo(String type, MessageKind kind, Alert alert, int bytes, boolean optional, boolean encrypted,
      String detail, Bytes encoding) {
    this(type, kind, alert, bytes, optional, encrypted, encoding, null, false, false);
    this.detail = detail;
  }

  private MessageInfo(String type, MessageKind kind, Alert alert, int bytes, boolean optional, boolean encrypted,
      Bytes encoding, Supplier<String> describe, boolean injected, boolean retransmitted) {
    this.injected = injected;
    this.retransmitted = retransmitted;
    this.type = type;
    this.kind = kind;
    this.alert = alert;
    this.bytes = bytes;
    this.optional = optional;
    this.encrypted = encrypted;
    this.encoding = encoding;
    this.describe = describe;
  }

  /**
   * A message whose {@code detail} is {@code describe}'s result, computed once when first read.
   * {@code describe} must depend only on immutable values (a decoded message, an alert).
   */
  public static MessageInfo lazily(String type, MessageKind kind, Alert alert, int bytes, boolean optional,
      boolean encrypted, Supplier<String> describe, Bytes encoding) {
    return new MessageInfo(type, kind, alert, bytes, optional, encrypted, encoding, Objects.requireNonNull(describe), false, false);
  }

  /** A message an inject fault made the engine send (see {@link Injector}), described by {@code detail}. */
  public static MessageInfo injected(String type, MessageKind kind, Alert alert, boolean encrypted, String detail,
      Bytes encoding) {
    MessageInfo m = new MessageInfo(type, kind, alert, encoding.length(), false, encrypted, encoding, null, true, false);
    m.detail = detail;
    return m;
  }

  /**
   * This message sent again as part of a retransmitted DTLS flight (RFC 6347 §4.2.4): the same
   * message, in a record whose protection is {@code encrypted}, marked so in its detail.
   */
  public MessageInfo retransmission(boolean encrypted) {
    MessageInfo m = new MessageInfo(type, kind, alert, bytes, optional, encrypted, encoding, null, injected, true);
    m.detail = detail() + " (retransmitted, RFC 6347 §4.2.4)";
    return m;
  }

  /** Whether this is a message sent again in a retransmitted DTLS flight ({@link #retransmission}). */
  public boolean retransmitted() {
    return retransmitted;
  }

  public boolean injected() {
    return injected;
  }

  public String type() {
    return type;
  }

  public MessageKind kind() {
    return kind;
  }

  public Alert alert() {
    return alert;
  }

  public int bytes() {
    return bytes;
  }

  public boolean optional() {
    return optional;
  }

  public boolean encrypted() {
    return encrypted;
  }

  public String detail() {
    String d = detail;
    if (d == null && describe != null) {
      synchronized (this) {
        if (detail == null) {
          detail = describe.get();
          describe = null;
        }
        d = detail;
      }
    }
    return d;
  }

  public Bytes encoding() {
    return encoding;
  }

  /** The type, or for alerts the alert's name (e.g. {@code close_notify}). */
  public String label() {
    return alert != null ? alert.description().rfcName() : type;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MessageInfo m && type.equals(m.type) && kind == m.kind && Objects.equals(alert, m.alert)
        && bytes == m.bytes && optional == m.optional && encrypted == m.encrypted && injected == m.injected
        && Objects.equals(detail(), m.detail()) && Objects.equals(encoding, m.encoding);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, kind, alert, bytes, optional, encrypted, injected, detail(), encoding);
  }

  @Override
  public String toString() {
    return "MessageInfo[type=" + type + ", kind=" + kind + ", alert=" + alert + ", bytes=" + bytes + ", optional="
        + optional + ", encrypted=" + encrypted + (injected ? ", injected" : "") + ", detail=" + detail() + "]";
  }
}
