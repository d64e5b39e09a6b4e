package dev.hslab.model.engine;

import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.message.HandshakeMessage;
import dev.hslab.model.record.Alert;
import dev.hslab.model.record.ChangeCipherSpec;
import dev.hslab.model.record.ContentType;
import dev.hslab.model.wire.Bytes;

/** One message an action produced, before the record layer frames it. */
record Outgoing(ContentType type, Bytes payload, HandshakeMessage message, Alert alert) {

  static Outgoing handshake(HandshakeMessage m) {
    return new Outgoing(ContentType.HANDSHAKE, m.encode(), m, null);
  }

  static Outgoing alert(Alert a) {
    return new Outgoing(ContentType.ALERT, a.encode(), null, a);
  }

  static Outgoing changeCipherSpec() {
    return new Outgoing(ContentType.CHANGE_CIPHER_SPEC, ChangeCipherSpec.INSTANCE.encode(), null, null);
  }

  static Outgoing applicationData(Bytes data) {
    return new Outgoing(ContentType.APPLICATION_DATA, data, null, null);
  }

  String detail() {
    return describe(type == ContentType.CHANGE_CIPHER_SPEC ? MessageKind.CHANGE_CIPHER_SPEC : null, message, alert, payload);
  }

  /** The trace's one-line description of a message, sent or received. */
  static String describe(MessageKind kind, HandshakeMessage message, Alert alert, Bytes payload) {
    if (message != null) {
      return message.describe();
    } else if (alert != null) {
      return alert.describe();
    }
    return kind == MessageKind.CHANGE_CIPHER_SPEC ? "ChangeCipherSpec" : "ApplicationData " + payload.length() + " bytes";
  }
}
