package dev.hslab.actors;

import dev.hslab.model.engine.MessageInfo;
import dev.hslab.model.message.HandshakeType;
import dev.hslab.model.record.Alert;
import dev.hslab.model.record.ContentType;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
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

  Built build(String type, Bytes target, boolean protectedEpoch) {
    int major = target.length() >= 3 ? target.getUnsigned(1) : 3;
    int minor = target.length() >= 3 ? target.getUnsigned(2) : 3;
    String epoch = protectedEpoch ? ", unprotected: the network holds no keys" : "";
    return switch (type) {
      case "change_cipher_spec" -> built(ContentType.CHANGE_CIPHER_SPEC, major, minor, Bytes.of((byte) 1), type + epoch);
      case "alert" -> built(ContentType.ALERT, major, minor, Alert.fatal(AlertDescription.HANDSHAKE_FAILURE).encode(),
          "alert fatal handshake_failure" + epoch);
      case "application_data" -> built(ContentType.APPLICATION_DATA, major, minor,
          Bytes.wrap("injected".getBytes(StandardCharsets.US_ASCII)), type + epoch);
      default -> handshake(type, major, minor, epoch);
    };
  }

  private Built handshake(String type, int major, int minor, String epoch) {
    HandshakeType ht = HandshakeType.fromRfcName(type);
    Bytes body = switch (type) {
      case "hello_request", "server_hello_done" -> Bytes.EMPTY;
      case "finished" -> Bytes.wrap(new byte[major == 3 && minor == 0 ? 36 : 12]);
      case "certificate" -> Bytes.of((byte) 0, (byte) 0, (byte) 0);
      case "new_session_ticket" -> Bytes.wrap(new byte[6]);
      default -> null;
    };
    String note = type + epoch;
    Bytes message;
    if (body != null) {
      message = Bytes.concat(header(ht, body.length()), body);
    } else if (lastSent.containsKey(type)) {
      message = lastSent.get(type);
      note = type + " (a copy of the sender's last one" + epoch + ")";
    } else {
      message = header(ht, 0);
      note = type + " (empty body: the sender has sent none to copy" + epoch + ")";
    }
    return built(ContentType.HANDSHAKE, major, minor, message, note);
  }

  private static Bytes header(HandshakeType type, int length) {
    return Bytes.of((byte) type.code(), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length);
  }

  private static Built built(ContentType type, int major, int minor, Bytes fragment, String note) {
    Bytes header = Bytes.of((byte) type.code(), (byte) major, (byte) minor, (byte) (fragment.length() >>> 8),
        (byte) fragment.length());
    return new Built(Bytes.concat(header, fragment), note);
  }
}
