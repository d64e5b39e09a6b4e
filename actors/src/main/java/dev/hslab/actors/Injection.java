package dev.hslab.actors;

import dev.hslab.model.engine.Injector;
import dev.hslab.model.engine.MessageInfo;
import dev.hslab.model.fault.Fault;
import dev.hslab.model.fault.FaultKind;
import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.handshake.Side;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries out one side's {@code inject} faults: a well-formed message of the asked type, put on
 * the wire just before the target message.
 *
 * <p>When the sender can (the model engine, or a real engine's adapter that knows its keys
 * through its model peer: an {@link dev.hslab.model.engine.InjectingEngine}), the sender itself
 * sends it ({@link #forSender}, an {@link Injector}): as its own record, under its write state at that point, so protected exactly
 * as its own records are (RFC 5246 §6.1, §6.2.3) and with the next sequence number; its later
 * records carry the numbers after it, so the receiver's record layer accepts everything and the
 * fault tests the receiver's state machine (RFC 5246 §7.4: unexpected_message for a message out
 * of place). It shows in the trace as a message the sender sent, marked injected.
 *
 * <p>Any other sender (one that cannot be asked to write an extra record): the network puts
 * a plaintext record in front of the target ({@link #build}). Before the sender's
 * ChangeCipherSpec that is exactly how its neighbours travel (the fault tests the state machine);
 * after it the receiver reads the record under the new keys and fails it in the record layer
 * (bad_record_mac, RFC 5246 §6.2.3) before its state machine sees the type, so the fault tests the
 * record layer, and the detail says so. That is what an on-path attacker without the keys can do.
 *
 * <p>Bodies: ChangeCipherSpec {@code 01}; alert fatal handshake_failure; application data a short
 * text; hello_request and server_hello_done empty (their RFC shape); finished verify_data of zeros
 * (12 bytes, 36 in SSL 3.0); certificate an empty list; new_session_ticket lifetime 0 and an
 * empty ticket. Any other handshake type is a copy of the last one the sender sent in this
 * connection (a replay); if it has sent none, the body is empty and the detail says so.
 */
final class Injection {

  /** What a fault tests when the record layer accepts the injected record ({@link Injector#TESTS}). */
  static final String STATE_MACHINE = "tests the state machine";
  /** What it tests when the receiver must refuse the record before reading its type. */
  static final String RECORD_LAYER = "tests the record layer";

  private final Map<String, Bytes> lastSent = new HashMap<>();
  private boolean bySender;

  /** Remembers the sender's messages so that complex types can be replayed. */
  void sent(MessageInfo m) {
    if (!m.encoding().isEmpty() && !m.injected()) {
      lastSent.put(m.type(), m.encoding());
    }
  }

  /**
   * The injector for a model engine on {@code side}: it sends the messages of the inject faults
   * aimed at its own messages; from then on the network leaves those faults to it.
   */
  Injector forSender(Side side, List<Fault> faults) {
    bySender = true;
    List<Fault> mine = faults.stream().filter(f -> f.kind() == FaultKind.INJECT && f.target().side() == side).toList();
    return new Injector() {
      @Override
      public List<Injector.Message> before(String type, int nth, ProtocolVersion version) {
        List<Injector.Message> out = new ArrayList<>();
        for (Fault f : mine) {
          if (f.target().matches(side, type, nth)) {
            MessageKind kind = ((Fault.Injected) f.argument()).message();
            Payload p = payload(kind, version);
            out.add(new Injector.Message(kind, p.fragment(), p.note() + " before " + f.target()
                + ", sent by the " + side.label() + " as its own record under its current keys: " + STATE_MACHINE));
          }
        }
        return out;
      }

      @Override
      public void sent(MessageInfo message) {
        Injection.this.sent(message); // within one flight too: a later injection may copy it
      }
    };
  }

  /** The sender's engine carries out this side's inject faults ({@link #forSender}). */
  boolean bySender() {
    return bySender;
  }

  /** The record, and a note on how it was built. */
  record Built(Bytes record, String note) {}

  private record Payload(ContentType type, Bytes fragment, String note) {}

  /** {@code target}: the record the fault precedes, whose version the injected record takes. */
  Built build(MessageKind kind, Bytes target, boolean protectedEpoch) {
    ProtocolVersion v = target.length() >= 3 ? new ProtocolVersion(target.getUnsigned(1), target.getUnsigned(2))
        : ProtocolVersion.TLS12;
    Payload p = payload(kind, v);
    String layer = protectedEpoch ? " (unprotected: the network holds no keys; " + RECORD_LAYER + ")"
        : " (" + STATE_MACHINE + ")";
    return new Built(new TlsRecord(p.type(), v, p.fragment()).encode(), p.note() + layer);
  }

  private Payload payload(MessageKind kind, ProtocolVersion version) {
    String type = kind.typeName();
    return switch (type) {
      case "change_cipher_spec" -> new Payload(ContentType.CHANGE_CIPHER_SPEC, ChangeCipherSpec.INSTANCE.encode(), type);
      case "alert" -> new Payload(ContentType.ALERT, Alert.fatal(AlertDescription.HANDSHAKE_FAILURE).encode(),
          "alert fatal handshake_failure");
      case "application_data" -> new Payload(ContentType.APPLICATION_DATA,
          Bytes.wrap("injected".getBytes(StandardCharsets.US_ASCII)), type);
      default -> handshake(kind.handshakeType(), version);
    };
  }

  private Payload handshake(HandshakeType type, ProtocolVersion version) {
    HandshakeMessage body = switch (type) {
      case HELLO_REQUEST -> HelloRequest.INSTANCE;
      case SERVER_HELLO_DONE -> ServerHelloDone.INSTANCE;
      case FINISHED -> new Finished(Bytes.wrap(new byte[Finished.verifyDataLength(version)]));
      case CERTIFICATE -> new CertificateMessage(List.of());
      case NEW_SESSION_TICKET -> new NewSessionTicket(0, Bytes.EMPTY);
      default -> null;
    };
    String name = type.rfcName();
    if (body != null) {
      return new Payload(ContentType.HANDSHAKE, body.encode(), name);
    } else if (lastSent.containsKey(name)) {
      return new Payload(ContentType.HANDSHAKE, lastSent.get(name), name + " (a copy of the sender's last one)");
    }
    return new Payload(ContentType.HANDSHAKE, HandshakeCodec.frame(type, Bytes.EMPTY),
        name + " (empty body: the sender has sent none to copy)");
  }
}
