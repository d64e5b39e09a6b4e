package dev.hslab.model.dtls;

import dev.hslab.model.record.ContentType;
import dev.hslab.model.record.TlsRecord;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.model.wire.WireWriter;

/**
 * One DTLS record (RFC 6347 §4.1, RFC 4347 §4.1): {@code type(1) version(2) epoch(2)
 * sequence_number(6) length(2) fragment}. Unlike TLS the epoch and sequence number travel with the
 * record, because a datagram may be lost or reordered. The same value carries a plaintext or a
 * protected fragment, as {@link TlsRecord} does.
 */
public record DtlsRecord(ContentType type, ProtocolVersion version, int epoch, long sequenceNumber, Bytes fragment) {

  /** The 13-byte record header. */
  public static final int HEADER_LENGTH = 13;

  /** RFC 6347 §4.1: uint48 sequence_number. */
  public static final long MAX_SEQUENCE_NUMBER = (1L << 48) - 1;

  /** RFC 6347 §4.1: uint16 epoch. */
  public static final int MAX_EPOCH = 0xffff;

  public DtlsRecord {
    if (type == null || version == null || fragment == null) {
      throw new IllegalArgumentException("record fields must not be null");
    }
    if (epoch < 0 || epoch > MAX_EPOCH) {
      throw new IllegalArgumentException("epoch out of range: " + epoch);
    }
    if (sequenceNumber < 0 || sequenceNumber > MAX_SEQUENCE_NUMBER) {
      throw new IllegalArgumentException("sequence_number out of range: " + sequenceNumber);
    }
    if (fragment.length() > 0xffff) {
      throw new IllegalArgumentException("fragment of " + fragment.length() + " bytes does not fit a uint16 length");
    }
  }

  /**
   * The 64-bit sequence number of the MAC and the AEAD nonce: epoch || sequence_number (RFC 6347
   * §4.1.2.1, RFC 7905 §2).
   */
  public long macSequenceNumber() {
    return ((long) epoch << 48) | sequenceNumber;
  }

  /** The record as the TLS record ciphers see it: same type, version and fragment. */
  public TlsRecord asTlsRecord() {
    return new TlsRecord(type, version, fragment);
  }

  /** This record's header with another fragment (after protection or unprotection). */
  public DtlsRecord withFragment(Bytes other) {
    return new DtlsRecord(type, version, epoch, sequenceNumber, other);
  }

  /** The header and fragment as sent. */
  public Bytes encode() {
    WireWriter w = new WireWriter(HEADER_LENGTH + fragment.length());
    w.uint8(type.code());
    version.write(w);
    w.uint16(epoch);
    w.uint16((int) (sequenceNumber >>> 32)).uint32(sequenceNumber & 0xffffffffL);
    w.opaque16(fragment);
    return w.toBytes();
  }

  /** The encoded length: header plus fragment. */
  public int encodedLength() {
    return HEADER_LENGTH + fragment.length();
  }

  /** A stable one-line description for traces, e.g. {@code handshake 254.253 epoch=0 seq=1 len=52}. */
  public String describe() {
    return type.rfcName() + " " + version + " epoch=" + epoch + " seq=" + sequenceNumber + " len=" + fragment.length();
  }
}
