package dev.hslab.model.dtls;

import dev.hslab.model.record.ContentType;
import dev.hslab.model.record.TlsRecord;
import dev.hslab.model.record.protect.RecordCipher;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * The sending side of a DTLS record layer: one {@link RecordCipher} and sequence counter per epoch
 * (RFC 6347 §4.1). Epoch 0 is unprotected; each ChangeCipherSpec sent starts the next epoch with
 * sequence number 0. Earlier epochs stay usable, because a retransmitted flight resends its
 * messages in the epoch they were first sent in (RFC 6347 §4.2.4: a flight such as ClientKeyExchange,
 * ChangeCipherSpec, Finished spans two epochs), each time with a fresh sequence number.
 */
public final class DtlsWriteState {

  private final List<RecordCipher> ciphers = new ArrayList<>();
  private final List<Long> next = new ArrayList<>();
  private ProtocolVersion version;

  /** Epoch 0 writing records of {@code version}. */
  public DtlsWriteState(ProtocolVersion version) {
    setVersion(version);
    ciphers.add(RecordCipher.none());
    next.add(0L);
  }

  /**
   * The record version from now on: a client may send its first ClientHello in DTLS 1.0 records
   * and switch once the server has chosen (RFC 6347 §4.1: the version field).
   */
  public void setVersion(ProtocolVersion version) {
    if (!version.isDtls()) {
      throw new IllegalArgumentException(version + " is not a DTLS version");
    }
    this.version = version;
  }

  /** The current epoch. */
  public int epoch() {
    return ciphers.size() - 1;
  }

  /** The sequence number the next record of {@code epoch} gets. */
  public long nextSequenceNumber(int epoch) {
    return next.get(epoch);
  }

  /** Protects {@code fragment} as the next record of the current epoch. */
  public DtlsRecord protect(ContentType type, Bytes fragment) {
    return protect(epoch(), type, fragment);
  }

  /** Protects {@code fragment} as the next record of {@code epoch} (an earlier one for a retransmission). */
  public DtlsRecord protect(int epoch, ContentType type, Bytes fragment) {
    if (epoch < 0 || epoch > epoch()) {
      throw new IllegalArgumentException("no keys for epoch " + epoch + "; current is " + epoch());
    }
    long seq = next.get(epoch);
    if (seq > DtlsRecord.MAX_SEQUENCE_NUMBER) {
      // RFC 6347 §4.1: the sequence number MUST NOT wrap; rehandshake first.
      throw new IllegalStateException("sequence numbers of epoch " + epoch + " exhausted");
    }
    next.set(epoch, seq + 1);
    DtlsRecord plain = new DtlsRecord(type, version, epoch, seq, fragment);
    TlsRecord sealed = ciphers.get(epoch).protect(plain.asTlsRecord(), plain.macSequenceNumber());
    return plain.withFragment(sealed.fragment());
  }

  /** After sending ChangeCipherSpec: the next epoch, protected by {@code writer}, from sequence number 0. */
  public void nextEpoch(RecordCipher writer) {
    if (epoch() == DtlsRecord.MAX_EPOCH) {
      throw new IllegalStateException("epochs exhausted");
    }
    ciphers.add(writer);
    next.add(0L);
  }
}
