package dev.hslab.model.record;

import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.model.wire.TlsAlertException;
import java.util.Optional;

/**
 * Parses a byte stream that arrives in arbitrary chunks (as from TCP) into records, one record at
 * a time. {@link #feed} consumes bytes up to the end of the current record only, so the caller
 * can take a ChangeCipherSpec and switch the limit (plaintext to protected) before the next
 * header is read. The declared length is checked against the limit from the header, before any
 * of the body is buffered; the body buffer then grows with the bytes that actually arrive (at most
 * doubling), so memory is bounded by the received bytes, never by what a header merely claims.
 *
 * <p>After an error the reader is failed: every further call repeats the alert (RFC 5246 §7.2.2:
 * a fatal alert ends the connection).
 */
public final class RecordReader {

  private final byte[] header = new byte[TlsRecord.HEADER_LENGTH];
  private int headerFill;
  private int limit;
  private ContentType type;
  private ProtocolVersion version;
  /** Bytes a header may reserve before its body has arrived. */
  private static final int INITIAL_BUFFER = 1024;

  private byte[] body;
  private int bodyLength;
  private int bodyFill;
  private TlsRecord ready;
  private TlsAlertException failure;

  /** A reader for the initial epoch: plaintext limit 2^14 (RFC 5246 §6.2.1). */
  public RecordReader() {
    this(TlsRecord.MAX_PLAINTEXT);
  }

  public RecordReader(int maxFragmentLength) {
    setMaxFragmentLength(maxFragmentLength);
  }

  /**
   * The limit for the next header: {@link TlsRecord#MAX_PLAINTEXT} while the read state is null,
   * {@link TlsRecord#MAX_CIPHERTEXT} once protection is in force.
   */
  public void setMaxFragmentLength(int maxFragmentLength) {
    if (maxFragmentLength < 0 || maxFragmentLength > 0xffff) {
      throw new IllegalArgumentException("limit out of range: " + maxFragmentLength);
    }
    this.limit = maxFragmentLength;
  }

  public int maxFragmentLength() {
    return limit;
  }

  /**
   * Consumes bytes of {@code src[off, off+len)} up to the end of one record and returns how many
   * it took; 0 while a complete record waits to be {@link #take taken}.
   */
  public int feed(byte[] src, int off, int len) throws TlsAlertException {
    checkNotFailed();
    if (ready != null) {
      return 0;
    }
    int used = 0;
    if (headerFill < TlsRecord.HEADER_LENGTH) {
      int n = Math.min(len, TlsRecord.HEADER_LENGTH - headerFill);
      System.arraycopy(src, off, header, headerFill, n);
      headerFill += n;
      used = n;
      if (headerFill < TlsRecord.HEADER_LENGTH) {
        return used;
      }
      startBody();
    }
    int n = Math.min(len - used, bodyLength - bodyFill);
    if (bodyFill + n > body.length) {
      body = java.util.Arrays.copyOf(body, Math.min(bodyLength, Math.max(bodyFill + n, 2 * body.length)));
    }
    System.arraycopy(src, off + used, body, bodyFill, n);
    bodyFill += n;
    used += n;
    if (bodyFill == bodyLength) {
      ready = new TlsRecord(type, version, Bytes.wrap(body));
      body = null;
      bodyFill = 0;
      headerFill = 0;
    }
    return used;
  }

  /** Convenience for {@link #feed(byte[], int, int)} over a whole chunk. */
  public int feed(byte[] src) throws TlsAlertException {
    return feed(src, 0, src.length);
  }

  /** The complete record, if one is ready; taking it lets {@link #feed} continue. */
  public Optional<TlsRecord> take() {
    TlsRecord r = ready;
    ready = null;
    return Optional.ofNullable(r);
  }

  /** Whether bytes of an incomplete record are buffered (a stream that ends here was cut). */
  public boolean hasPartialRecord() {
    return headerFill > 0;
  }

  /** The bytes reserved for the record in progress (0 between records): bounded by what arrived. */
  public int bufferedCapacity() {
    return body == null ? 0 : body.length;
  }

  private void startBody() throws TlsAlertException {
    try {
      // RFC 5246 §6: an unknown content type is unexpected_message.
      type = ContentType.fromCode(header[0] & 0xff);
      version = new ProtocolVersion(header[1] & 0xff, header[2] & 0xff);
      int length = ((header[3] & 0xff) << 8) | (header[4] & 0xff);
      if (length > limit) {
        // RFC 5246 §6.2.1/§6.2.3: a length over the limit is record_overflow.
        throw new TlsAlertException(AlertDescription.RECORD_OVERFLOW,
            "record: " + type.rfcName() + " length " + length + " exceeds " + limit);
      }
      bodyLength = length;
      body = new byte[Math.min(length, INITIAL_BUFFER)];
    } catch (TlsAlertException e) {
      failure = e;
      throw e;
    }
  }

  private void checkNotFailed() throws TlsAlertException {
    if (failure != null) {
      throw new TlsAlertException(failure.alert(), failure.getMessage());
    }
  }
}
