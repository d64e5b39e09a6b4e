package dev.hslab.model.message;

import dev.hslab.model.record.ContentType;
import dev.hslab.model.record.TlsRecord;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * Packs encoded handshake messages (header included) into record fragments of at most
 * {@code maxFragmentLength} bytes (RFC 5246 §6.2.1: messages may be coalesced into one record or
 * split across several). Never produces an empty fragment (RFC 5246 §6.2.1: MUST NOT send
 * zero-length handshake fragments).
 */
public final class HandshakeFragmenter {

  /** How messages share records. */
  public enum Mode {
    /** Each message starts a new record (OpenSSL's and JSSE's default for most flights). */
    ONE_PER_RECORD,
    /** Messages fill records back to back, a message continuing in the next record. */
    COALESCE
  }

  private final int maxFragmentLength;
  private final Mode mode;

  public HandshakeFragmenter(Mode mode) {
    this(TlsRecord.MAX_PLAINTEXT, mode);
  }

  public HandshakeFragmenter(int maxFragmentLength, Mode mode) {
    if (maxFragmentLength < 1 || maxFragmentLength > TlsRecord.MAX_PLAINTEXT) {
      throw new IllegalArgumentException("fragment length out of 1.." + TlsRecord.MAX_PLAINTEXT + ": " + maxFragmentLength);
    }
    this.maxFragmentLength = maxFragmentLength;
    this.mode = mode;
  }

  /** The fragments carrying {@code messages} in order. */
  public List<Bytes> pack(List<Bytes> messages) {
    List<Bytes> out = new ArrayList<>();
    if (mode == Mode.ONE_PER_RECORD) {
      for (Bytes m : messages) {
        split(m, out);
      }
    } else {
      split(Bytes.concat(messages.toArray(Bytes[]::new)), out);
    }
    return out;
  }

  /** The records carrying {@code messages}, stamped with {@code version}. */
  public List<TlsRecord> records(ProtocolVersion version, List<Bytes> messages) {
    List<TlsRecord> out = new ArrayList<>();
    for (Bytes f : pack(messages)) {
      out.add(new TlsRecord(ContentType.HANDSHAKE, version, f));
    }
    return out;
  }

  private void split(Bytes data, List<Bytes> out) {
    for (int from = 0; from < data.length(); from += maxFragmentLength) {
      out.add(data.slice(from, Math.min(data.length(), from + maxFragmentLength)));
    }
  }
}
