package dev.hslab.real;

import dev.hslab.model.engine.MessageInfo;
import dev.hslab.model.handshake.ClientTable;
import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.handshake.ServerTable;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.message.HandshakeMessage;
import dev.hslab.model.record.Alert;
import dev.hslab.model.record.TlsRecord;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.AlertLevel;
import dev.hslab.model.wire.Bytes;

/** Builds the {@link MessageInfo}s a real engine reports, in the model engine's vocabulary. */
final class Infos {

  /** docs/cli.md's name for a handshake record that travelled encrypted and was not decrypted. */
  static final String ENCRYPTED_HANDSHAKE = "encrypted_handshake_message";

  private Infos() {}

  static MessageInfo handshake(Side from, HandshakeMessage m, Bytes encoding, boolean encrypted) {
    MessageKind kind = MessageKind.of(m.type());
    return new MessageInfo(m.type().rfcName(), kind, null, encoding.length(), optional(from, kind), encrypted,
        m.describe(), encoding);
  }

  /** A handshake message our codec refused: reported with the refusal, no kind. */
  static MessageInfo undecodable(String type, Bytes encoding, boolean encrypted, String why) {
    return new MessageInfo(type, null, null, encoding.length(), false, encrypted, "undecodable: " + why, encoding);
  }

  static MessageInfo changeCipherSpec(Side from, Bytes body) {
    return new MessageInfo("change_cipher_spec", MessageKind.CHANGE_CIPHER_SPEC, null, body.length(),
        optional(from, MessageKind.CHANGE_CIPHER_SPEC), false, "ChangeCipherSpec", body);
  }

  static MessageInfo alert(Alert alert, Bytes body, boolean encrypted) {
    return new MessageInfo("alert", alertKind(alert), alert, body.length(), false, encrypted,
        "Alert " + alert.describe(), body);
  }

  static MessageInfo applicationData(int length, Bytes plaintext, boolean encrypted) {
    return new MessageInfo("application_data", MessageKind.APPLICATION_DATA, null, length, false, encrypted,
        "application data " + length + " bytes", plaintext);
  }

  /** A protected record whose content we could not read: its type and size in its position. */
  static MessageInfo opaque(TlsRecord record) {
    int n = record.fragment().length();
    return switch (record.type()) {
      case HANDSHAKE -> new MessageInfo(ENCRYPTED_HANDSHAKE, null, null, n, false, true,
          "encrypted handshake record len=" + n, Bytes.EMPTY);
      case ALERT -> new MessageInfo("alert", null, null, n, false, true, "encrypted alert len=" + n, Bytes.EMPTY);
      case APPLICATION_DATA -> applicationData(n, Bytes.EMPTY, true);
      case CHANGE_CIPHER_SPEC -> new MessageInfo("change_cipher_spec", MessageKind.CHANGE_CIPHER_SPEC, null, n,
          false, true, "encrypted ChangeCipherSpec len=" + n, Bytes.EMPTY);
    };
  }

  /** The same encrypted alert record, now that the engine's reaction told which alert it was. */
  static MessageInfo withAlert(MessageInfo opaqueAlert, Alert alert) {
    return new MessageInfo("alert", alertKind(alert), alert, opaqueAlert.bytes(), false, true,
        "Alert " + alert.describe() + " (inferred from the engine)", opaqueAlert.encoding());
  }

  private static MessageKind alertKind(Alert alert) {
    if (alert.level() != AlertLevel.WARNING && alert.description() != AlertDescription.CLOSE_NOTIFY) {
      return null; // fatal alerts are not table rows (MessageKind's javadoc)
    }
    return switch (alert.description()) {
      case CLOSE_NOTIFY -> MessageKind.CLOSE_NOTIFY_ALERT;
      case NO_RENEGOTIATION -> MessageKind.NO_RENEGOTIATION_ALERT;
      case NO_CERTIFICATE -> MessageKind.NO_CERTIFICATE_ALERT;
      default -> null;
    };
  }

  private static boolean optional(Side from, MessageKind kind) {
    return (from == Side.CLIENT ? ClientTable.TABLE : ServerTable.TABLE).sentOptionally().contains(kind);
  }
}
