package dev.hslab.model.record.protect;

import dev.hslab.model.crypto.RandomSource;
import dev.hslab.model.crypto.TrafficKeys;
import dev.hslab.model.record.ContentType;
import dev.hslab.model.record.TlsRecord;
import dev.hslab.model.suite.BulkCipher;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.model.wire.TlsAlertException;

/**
 * The protection of one direction of one connection for one epoch (RFC 5246 §6.1 "current read
 * state" or "current write state"): it holds the 64-bit sequence number and, for SSL 3.0/TLS 1.0
 * CBC, the chained IV. A writer only protects, a reader only unprotects.
 *
 * <p>Every unprotect failure of a protected record is one bad_record_mac with one message, whatever
 * went wrong (RFC 5246 §7.2.2). After a failure the connection is over; the state is not rolled on.
 * Send-side rules (no empty handshake fragment, at most 2^14 bytes) are the producer's business:
 * {@code protect} seals whatever it is given, so fault injection can send what a peer must refuse.
 */
public abstract sealed class RecordCipher permits NullRecordCipher, AeadRecordCipher, CbcRecordCipher {

  /** The one message of every authentication failure, so failures cannot be told apart. */
  static final String BAD_RECORD_MAC = "record: decryption failed or bad record MAC";

  private final boolean canProtect;
  private final boolean canUnprotect;
  private long sequenceNumber;

  RecordCipher(boolean canProtect, boolean canUnprotect) {
    this.canProtect = canProtect;
    this.canUnprotect = canUnprotect;
  }

  /** The null protection of the initial epoch (RFC 5246 §6.1: TLS_NULL_WITH_NULL_NULL). */
  public static RecordCipher none() {
    return new NullRecordCipher();
  }

  /**
   * The write state for {@code suite} over {@code version} (a TLS or DTLS version); {@code random}
   * draws TLS 1.1+ CBC IVs.
   */
  public static RecordCipher forWriting(CipherSuite suite, ProtocolVersion version, TrafficKeys keys, RandomSource random) {
    return create(suite, version, keys, random, true);
  }

  /** The read state for {@code suite} over {@code version}. */
  public static RecordCipher forReading(CipherSuite suite, ProtocolVersion version, TrafficKeys keys) {
    return create(suite, version, keys, null, false);
  }

  private static RecordCipher create(CipherSuite suite, ProtocolVersion version, TrafficKeys keys, RandomSource random,
      boolean writer) {
    if (!suite.supportedBy(version)) {
      throw new IllegalArgumentException(suite + " cannot run over " + version.displayName());
    }
    BulkCipher c = suite.cipher();
    requireLength("key", keys.key(), c.keyLength());
    requireLength("MAC key", keys.macKey(), suite.mac().length());
    if (c.type() == BulkCipher.Type.AEAD) {
      requireLength("IV", keys.iv(), c.fixedIvLength());
      return new AeadRecordCipher(c, keys, writer);
    }
    // RFC 4346 §6.3: TLS 1.1+ takes no CBC IV from the key block.
    requireLength("IV", keys.iv(), version.hasExplicitIv() ? 0 : c.fixedIvLength());
    return new CbcRecordCipher(suite, version, keys, random, writer);
  }

  /** Seals a plaintext record into a protected one with the same type and version. */
  public final TlsRecord protect(TlsRecord plaintext) {
    TlsRecord out = protect(plaintext, sequenceNumber);
    sequenceNumber = next(sequenceNumber);
    return out;
  }

  /** Opens a protected record; bad_record_mac on any failure, record_overflow past the limits. */
  public final TlsRecord unprotect(TlsRecord ciphertext) throws TlsAlertException {
    TlsRecord out = unprotect(ciphertext, sequenceNumber);
    sequenceNumber = next(sequenceNumber);
    return out;
  }

  /**
   * Seals with the 64-bit sequence number {@code seq} given, leaving the implicit counter of
   * {@link #protect(TlsRecord)} alone: DTLS records carry their sequence number, and its MAC and
   * AEAD nonce use epoch || sequence_number (RFC 6347 §4.1.2.1). Only for versions with explicit
   * CBC IVs: a chained IV (SSL 3.0, TLS 1.0) cannot survive loss or reordering.
   */
  public final TlsRecord protect(TlsRecord plaintext, long seq) {
    if (!canProtect) {
      throw new IllegalStateException("a read state does not protect");
    }
    return seal(plaintext, seq);
  }

  /**
   * Opens a record protected with the 64-bit sequence number {@code seq} (see {@link
   * #protect(TlsRecord, long)}); the implicit counter is untouched. Failures as for {@link
   * #unprotect(TlsRecord)}.
   */
  public final TlsRecord unprotect(TlsRecord ciphertext, long seq) throws TlsAlertException {
    if (!canUnprotect) {
      throw new IllegalStateException("a write state does not unprotect");
    }
    if (ciphertext.fragment().length() > TlsRecord.MAX_CIPHERTEXT) {
      throw overflow("TLSCiphertext", ciphertext.fragment().length(), TlsRecord.MAX_CIPHERTEXT);
    }
    Bytes plain = open(ciphertext, seq);
    if (plain.length() > TlsRecord.MAX_PLAINTEXT) {
      // RFC 5246 §6.2.3/§6.2.2: with null compression the plaintext limit 2^14 applies.
      throw overflow("decrypted fragment", plain.length(), TlsRecord.MAX_PLAINTEXT);
    }
    return new TlsRecord(ciphertext.type(), ciphertext.version(), plain);
  }

  /** The sequence number of the next record (RFC 5246 §6.1), unsigned. */
  public final long sequenceNumber() {
    return sequenceNumber;
  }

  abstract TlsRecord seal(TlsRecord plaintext, long seq);

  abstract Bytes open(TlsRecord ciphertext, long seq) throws TlsAlertException;

  /** seq_num(8) type(1) version(2) length(2): the TLS MAC input prefix and the AEAD additional data. */
  static void writeHeader(byte[] out, long seq, ContentType type, ProtocolVersion version, int length) {
    for (int i = 0; i < 8; i++) {
      out[i] = (byte) (seq >>> (56 - 8 * i));
    }
    out[8] = (byte) type.code();
    out[9] = (byte) version.major();
    out[10] = (byte) version.minor();
    out[11] = (byte) (length >>> 8);
    out[12] = (byte) length;
  }

  static TlsAlertException badRecordMac() {
    return new TlsAlertException(AlertDescription.BAD_RECORD_MAC, BAD_RECORD_MAC);
  }

  private static TlsAlertException overflow(String what, int length, int limit) {
    return new TlsAlertException(AlertDescription.RECORD_OVERFLOW, "record: " + what + " of " + length + " bytes exceeds " + limit);
  }

  private static long next(long seq) {
    // RFC 5246 §6.1: sequence numbers MUST NOT wrap; a connection must renegotiate first.
    if (seq == -1L) {
      throw new IllegalStateException("sequence number exhausted");
    }
    return seq + 1;
  }

  private static void requireLength(String what, Bytes b, int length) {
    if (b.length() != length) {
      throw new IllegalArgumentException(what + " of " + b.length() + " bytes, expected " + length);
    }
  }
}
