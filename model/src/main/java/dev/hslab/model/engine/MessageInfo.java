package dev.hslab.model.engine;

import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.record.Alert;
import dev.hslab.model.wire.Bytes;

/**
 * One message as the trace sees it.
 *
 * @param type the CONTRACT.md type name ({@code server_hello}, {@code change_cipher_spec},
 *     {@code alert}, {@code application_data})
 * @param kind the transition tables' kind, or null for a message the tables do not model (a
 *     fatal alert, an encrypted handshake message of a real engine)
 * @param alert the alert, for type {@code alert}; else null
 * @param bytes the size of the message on the handshake layer (header included), or of the
 *     record's plaintext for other content types
 * @param optional the table marks it optional (a bracketed message of RFC 5246 §7.3)
 * @param encrypted it travelled in a protected record
 * @param detail a stable one-line description
 * @param encoding its plaintext bytes (empty when unknown)
 */
public record MessageInfo(
    String type, MessageKind kind, Alert alert, int bytes, boolean optional, boolean encrypted, String detail,
    Bytes encoding) {

  /** The type, or for alerts the alert's name (e.g. {@code close_notify}). */
  public String label() {
    return alert != null ? alert.description().rfcName() : type;
  }
}
