package dev.hslab.model.engine;

import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.record.Alert;
import dev.hslab.model.record.ContentType;
import dev.hslab.model.wire.AlertLevel;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.model.wire.TlsAlertException;
import java.util.List;

/**
 * An inject fault carried out by the sender itself ({@code hslab run --fault inject:...}): just
 * before one of its own messages, the engine sends the messages this returns, each in its own
 * record under its write state at that point, so protected exactly as it protects its own (the
 * current keys and the next sequence number, RFC 5246 §6.1, §6.2.3). Sent as the engine's own
 * records, they take a sequence number each and the engine's later records carry the ones after
 * them: the receiver's record layer accepts them, and what the fault tests is the receiver's state
 * machine. Its table and handshake state do not change (the messages are not in its transcript);
 * each is reported as a sent message marked {@link MessageInfo#injected()}.
 */
@FunctionalInterface
public interface Injector {

  /**
   * What an injected message tests: the receiver's state machine, since its record layer accepts
   * the record (docs/cli.md {@code tests}).
   */
  String TESTS = "state_machine";

  /**
   * What an injected message tests when its sender had to send it unprotected in a protected epoch
   * (a real engine whose keys its peer does not know, or whose CBC IVs are chained): the receiver's
   * record layer, which must refuse it (bad_record_mac, RFC 5246 §6.2.3) before reading its type.
   */
  String RECORD_LAYER = "record_layer";

  /** The words that end the detail of an injected message that tests the {@link #RECORD_LAYER}. */
  String UNPROTECTED_NOTE = "sent unprotected after the sender's ChangeCipherSpec: tests the record layer";

  /** What {@code injected} (a message marked {@link MessageInfo#injected()}) tests, as its sender decided. */
  static String tests(MessageInfo injected) {
    String d = injected.detail();
    return d != null && d.endsWith(UNPROTECTED_NOTE) ? RECORD_LAYER : TESTS;
  }

  /** Nothing to inject. */
  Injector NONE = (type, nth, version) -> List.of();

  /**
   * The messages to send just before this engine's {@code nth} message (from 1) of trace type
   * {@code type} ({@link MessageInfo#type()}: {@code finished}, {@code alert}, ...), whose records
   * are of {@code version} (an injected Finished has that version's verify_data length).
   */
  List<Message> before(String type, int nth, ProtocolVersion version);

  /** Each message the engine sends of its own, in order (an injection may replay one). */
  default void sent(MessageInfo message) {}

  /**
   * One injected message.
   *
   * @param kind what it is (its content type follows from the kind)
   * @param payload the record's plaintext: a whole handshake message, an alert, ...
   * @param detail how it was made, for the trace
   */
  record Message(MessageKind kind, Bytes payload, String detail) {

    /** The record's content type, from the kind. */
    public ContentType contentType() {
      return kind.isHandshake() ? ContentType.HANDSHAKE
          : kind == MessageKind.CHANGE_CIPHER_SPEC ? ContentType.CHANGE_CIPHER_SPEC
          : kind == MessageKind.APPLICATION_DATA ? ContentType.APPLICATION_DATA : ContentType.ALERT;
    }

    /**
     * How the sender reports it: a message marked {@link MessageInfo#injected()}, an alert by its
     * decoded name (a fatal one has no kind), described by {@code detail}.
     */
    public MessageInfo info(boolean encrypted, String detail) {
      Alert alert = null;
      if (contentType() == ContentType.ALERT) {
        try {
          alert = Alert.decode(payload);
        } catch (TlsAlertException e) {
          alert = null; // a malformed alert is still sent as asked; the trace shows its bytes
        }
      }
      MessageKind shown = alert != null && alert.level() == AlertLevel.FATAL ? null : kind;
      return MessageInfo.injected(contentType() == ContentType.ALERT ? "alert" : kind.typeName(), shown, alert,
          encrypted, detail, payload);
    }
  }
}
