package dev.hslab.model.explore;

import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.Locale;

/**
 * One deviation from a valid path: what the deviating side (the sender of the targeted message)
 * does differently. The target is named twice: by its place in the path and by the sender's
 * record number (every message travels in its own record in simulation, application data and
 * alerts included), which is what a concrete driver counts.
 *
 * @param kind the deviation
 * @param position the index in the path of the targeted message (an injection goes just before it)
 * @param sender the deviating side
 * @param senderRecord the targeted message's number among all records {@code sender} sends, from 1
 * @param target the targeted message's path label, e.g. {@code server.server_key_exchange}
 * @param other the second message of a swap, else null
 * @param inject the injected kind, for the injections; else null
 * @param version the version a downgraded hello carries; else null
 */
public record Mutation(
    Kind kind, int position, Side sender, int senderRecord, String target, String other, MessageKind inject,
    ProtocolVersion version) {

  public enum Kind {
    /** The message is never sent. */
    SKIP,
    /** The message is sent twice (the copy replays the same record). */
    REPEAT,
    /** The message and the sender's next one change places. */
    SWAP,
    /** An extra, well-formed message of another type is sent just before the message. */
    INJECT,
    /** A ChangeCipherSpec before the sender's own (RFC 5246 §7.1). */
    EARLY_CCS,
    /** A Finished before the sender's own (RFC 5246 §7.4.9). */
    EARLY_FINISHED,
    /** Application data before the first handshake completes (RFC 5246 §6.2, §7). */
    EARLY_APPLICATION_DATA,
    /** The hello carries a version below what the peer accepts (RFC 5246 §7.4.1.3, Appendix E.1). */
    VERSION_DOWNGRADE;

    public String cliName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The side that did not deviate: the system under test. */
  public Side receiver() {
    return sender.peer();
  }

  /** A stable one-line description, e.g. {@code inject server.hello_request before server.finished}. */
  public String label() {
    String injected = inject == null ? "" : sender.label() + "." + inject.label();
    return switch (kind) {
      case SKIP -> "skip " + target;
      case REPEAT -> "repeat " + target;
      case SWAP -> "swap " + target + " with " + other;
      case INJECT, EARLY_CCS, EARLY_FINISHED, EARLY_APPLICATION_DATA ->
          (kind == Kind.INJECT ? "inject " : "early ") + injected + " before " + target;
      case VERSION_DOWNGRADE -> "downgrade " + target + " to " + version.cliName();
    };
  }

  @Override
  public String toString() {
    return label();
  }
}
