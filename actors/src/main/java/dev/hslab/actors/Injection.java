package dev.hslab.actors;

import dev.hslab.model.engine.MessageInfo;
import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.message.CertificateMessage;
import dev.hslab.model.message.Finished;
import dev.hslab.model.message.HandshakeCodec;
import dev.hslab.model.message.HandshakeMessage;
import dev.hslab.model.message.HandshakeType;
import dev.hslab.model.message.HelloRequest;
import dev.hslab.model.message.NewSessionTicket;
import dev.hslab.model.message.ServerHelloDone;
import dev.hslab.model.record.Alert;
import dev.hslab.model.record.ChangeCipherSpec;
import dev.hslab.model.record.ContentType;
import dev.hslab.model.record.TlsRecord;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the record an {@code inject} fault puts on the wire: a well-formed message of the asked
 * type, in a record with the target's version.
 *
 * <p>The network holds no keys, so the record is always plaintext. Before the sender's
 * ChangeCipherSpec that is exactly how its neighbours travel; after it the receiver reads the
 * record under the new keys and fails it in the record layer (bad_record_mac, RFC 5246 §6.2.3),
 * before its state machine sees the type. That is what an on-path attacker without the keys can
 * do, and the trace's detail says {@code unprotected}. Forging a protected message would need the
 * sender's engine to produce it; the {@code Engine} interface has no such operation.
 *
 * <p>Bodies: ChangeCipherSpec {@code 01}; alert fatal handshake_failure; application data a short
 * text; hello_request and server_hello_done empty (their RFC shape); finished verify_data of zeros
 * (12 bytes, 36 in SSL 3.0); certificate an empty list; new_session_ticket lifetime 0 and an
 * empty ticket. Any other handshake type is a copy of the last one the sender sent in this
 * connection (a replay); if it has sent none, the body is empty and the detail says so.
 */
final class Injection {

  private final Map<String, Bytes> lastSent = new HashMap<>();

  /** Remembers the sender's messages so that complex types can be replayed. */
  void sent(MessageInfo m) {
    if (!m.encoding().isEmpty()) {
      lastSent.put(m.type(), m.encoding());
    }
  }

  /** The record, and a note on how it was built. */
  record Built(Bytes record, String note) {}

  /** {@code target}: the record the fault precedes, whose version the injected record takes. */
  Built build(MessageKind kind, Bytes target, boolean protectedEpoch) {
    ProtocolVersion version = target.length() >= 3 ? new ProtocolVersion(target.getUnsigned(1), target.getUnsigned(2))
        : ProtocolVersion.TLS12;
    String type = kind.typeName();
    String epoch = protectedEpoch ? ", unprotected: the network holds no keys" : "";
    return switch (type) {
      case "change_cipher_spec" -> built(ContentType.CHANGE_CIPHER_SPEC, version, ChangeCipherSpec.INSTANCE.encode(),
          type + epoch);
      case "alert" -> built(ContentType.ALERT, version, Alert.fatal(AlertDescription.HANDSHAKE_FAILURE).encode(),
          "alert fatal handshake_failure" + epoch);
      case "application_data" -> built(ContentType.APPLICATION_DATA, version,
          Bytes.wrap("injected".getBytes(StandardCharsets.US_ASCII)), type + epoch);
      default -> handshake(kind.handshakeType(), version, epoch);
    };
  }

  private Built handshake(HandshakeType type, ProtocolVersion version, String epoch) {
    HandshakeMessage body = switch (type) {
      case HELLO_REQUEST -> HelloRequest.INSTANCE;
      case SERVER_HELLO_DONE -> ServerHelloDone.INSTANCE;
      case FINISHED -> new Finished(Bytes.wrap(new byte[Finished.verifyDataLength(version)]));
      case CERTIFICATE -> new CertificateMessage(List.of());
      case NEW_SESSION_TICKET -> new NewSessionTicket(0, Bytes.EMPTY);
      default -> null;
    };
    String name = type.rfcName();
    String note = name + epoch;
    Bytes message;
    if (body != null) {
      message = body.encode();
    } else if (lastSent.containsKey(name)) {
      message = lastSent.get(name);
      note = name + " (a copy of the sender's last one" + epoch + ")";
    } else {
      message = HandshakeCodec.frame(type, Bytes.EMPTY);
      note = name + " (empty body: the sender has sent none to copy" + epoch + ")";
    }
    return built(ContentType.HANDSHAKE, version, message, note);
  }

  private static Built built(ContentType type, ProtocolVersion version, Bytes fragment, String note) {
    return new Built(new TlsRecord(type, version, fragment).encode(), note);
  }
}
