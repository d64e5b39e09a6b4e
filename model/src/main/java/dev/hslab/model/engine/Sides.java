package dev.hslab.model.engine;

import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.message.HelloRequest;
import dev.hslab.model.record.Alert;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;

/** Messages both roles produce the same way. */
final class Sides {

  private Sides() {}

  static Outgoing common(Connection c, MessageKind kind) {
    return switch (kind) {
      case APPLICATION_DATA -> {
        Bytes data = c.pendingData;
        c.pendingData = Bytes.EMPTY;
        yield Outgoing.applicationData(data);
      }
      case CLOSE_NOTIFY_ALERT -> Outgoing.alert(Alert.warning(AlertDescription.CLOSE_NOTIFY));
      case NO_RENEGOTIATION_ALERT -> Outgoing.alert(Alert.warning(AlertDescription.NO_RENEGOTIATION));
      case HELLO_REQUEST -> Outgoing.handshake(HelloRequest.INSTANCE);
      default -> throw new IllegalStateException("no producer for " + kind);
    };
  }
}
