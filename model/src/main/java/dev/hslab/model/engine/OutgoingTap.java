package dev.hslab.model.engine;

import dev.hslab.model.record.ContentType;
import dev.hslab.model.wire.Bytes;
import java.util.List;

/**
 * A hook for deviation tests ({@code hslab deviate}) and nothing else: lets a model engine put
 * extra, well-formed records on the wire just before one of its own, framed and protected under
 * the write state current at that point (RFC 5246 §6.1: the current keys and the next sequence
 * number), as a misbehaving peer with its own keys would. The engine's table and handshake state
 * do not change; only the write sequence number advances, as for any record sent. Only {@link
 * ModelEngine#createDeviating} installs one.
 */
@FunctionalInterface
public interface OutgoingTap {

  /** No extra records: the engine as configured. */
  OutgoingTap NONE = n -> List.of();

  /**
   * The extra records to write just before this engine's own record number {@code n} (from 1,
   * counting every record the engine writes, extra ones not included).
   */
  List<Extra> before(int n);

  /** One extra record: its content type and plaintext (a whole handshake message, an alert, ...). */
  record Extra(ContentType type, Bytes payload) {}
}
