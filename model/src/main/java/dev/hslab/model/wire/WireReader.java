package dev.hslab.model.wire;

/**
 * A strict, bounds-checked reader of TLS presentation-language values (RFC 5246 §4). Every
 * overrun is one decode_error naming what was being read; no buffer is sized from a length
 * field before the bytes are known to be there.
 */
public final class WireReader {

  private final byte[] buf;
  private final int end;
  private final String context;
  private final WireField.Recorder recorder;
  private final int base;
  private int pos;

  private WireReader(byte[] buf, int off, int end, String context, WireField.Recorder recorder, int base) {
    this.buf = buf;
    this.pos = off;
    this.end = end;
    this.context = context;
    this.recorder = recorder;
    this.base = base;
  }

  private WireReader(byte[] buf, int off, int end, String context) {
    this(buf, off, end, context, null, 0);
  }

  /**
   * A reader over {@code b} that also records every field it reads into {@code recorder}, at
   * offsets shifted by {@code base} (the bytes before {@code b} in the whole message, e.g. the
   * four-byte handshake header): the decoders' own reading gives the field map the report shows.
   */
  public static WireReader recording(Bytes b, String context, WireField.Recorder recorder, int base) {
    byte[] a = b.array();
    return new WireReader(a, 0, a.length, context, java.util.Objects.requireNonNull(recorder), base);
  }

  /** Where the next read starts, for {@link #group}. */
  public int position() {
    return pos;
  }

  /**
   * Records the bytes read since {@code from} (a {@link #position()}) as one field named
   * {@code what}: a structure read in parts, such as a version's two bytes or one extension.
   */
  public void group(String what, int from) {
    record(what, from, pos - from, null);
  }

  private void record(String what, int from, int length, Long value) {
    if (recorder != null && length > 0) {
      recorder.add(what, base + from, length, value);
    }
  }

  /** A reader over {@code b}; {@code context} (e.g. "ServerHello") prefixes every error. */
  public static WireReader of(Bytes b, String context) {
    byte[] a = b.array(); // read-only use: the reader never writes to its buffer
    return new WireReader(a, 0, a.length, context);
  }

  public static WireReader of(byte[] b, int off, int len, String context) {
    return new WireReader(b, off, off + len, context);
  }

  public int remaining() {
    return end - pos;
  }

  public boolean hasRemaining() {
    return pos < end;
  }

  public String context() {
    return context;
  }

  public TlsAlertException error(AlertDescription alert, String what) {
    return new TlsAlertException(alert, context + ": " + what);
  }

  private void need(int n, String what) throws TlsAlertException {
    if (n > end - pos) {
      throw error(AlertDescription.DECODE_ERROR,
          what + " needs " + n + " bytes, " + (end - pos) + " left");
    }
  }

  public int uint8(String what) throws TlsAlertException {
    need(1, what);
    record(what, pos, 1, (long) (buf[pos] & 0xff));
    return buf[pos++] & 0xff;
  }

  public int uint16(String what) throws TlsAlertException {
    need(2, what);
    int v = ((buf[pos] & 0xff) << 8) | (buf[pos + 1] & 0xff);
    record(what, pos, 2, (long) v);
    pos += 2;
    return v;
  }

  public int uint24(String what) throws TlsAlertException {
    need(3, what);
    int v = ((buf[pos] & 0xff) << 16) | ((buf[pos + 1] & 0xff) << 8) | (buf[pos + 2] & 0xff);
    record(what, pos, 3, (long) v);
    pos += 3;
    return v;
  }

  public long uint32(String what) throws TlsAlertException {
    need(4, what);
    long v = ((long) (buf[pos] & 0xff) << 24) | ((buf[pos + 1] & 0xff) << 16)
        | ((buf[pos + 2] & 0xff) << 8) | (buf[pos + 3] & 0xff);
    record(what, pos, 4, v);
    pos += 4;
    return v;
  }

  public Bytes fixed(int n, String what) throws TlsAlertException {
    need(n, what);
    Bytes b = Bytes.of(buf, pos, n);
    record(what, pos, n, null);
    pos += n;
    return b;
  }

  /** The rest of the input. */
  public Bytes rest() {
    Bytes b = Bytes.of(buf, pos, end - pos);
    pos = end;
    return b;
  }

  /** {@code opaque what<min..max>} with a one-byte length. */
  public Bytes opaque8(String what, int min, int max) throws TlsAlertException {
    int from = pos;
    return opaqueField(from, opaque(uint8(what + " length"), what, min, max), what);
  }

  public Bytes opaque16(String what, int min, int max) throws TlsAlertException {
    int from = pos;
    return opaqueField(from, opaque(uint16(what + " length"), what, min, max), what);
  }

  public Bytes opaque24(String what, int min, int max) throws TlsAlertException {
    int from = pos;
    return opaqueField(from, opaque(uint24(what + " length"), what, min, max), what);
  }

  private Bytes opaque(int len, String what, int min, int max) throws TlsAlertException {
    checkLength(len, what, min, max);
    return fixed(len, what);
  }

  /** {@code opaque what<...>} recorded as one field holding its length and its contents. */
  private Bytes opaqueField(int from, Bytes b, String what) {
    group(what, from);
    return b;
  }

  /** A sub-reader over a vector with a one-byte length; this reader moves past it. */
  public WireReader vector8(String what, int min, int max) throws TlsAlertException {
    int from = pos;
    return sub(from, uint8(what + " length"), what, min, max);
  }

  public WireReader vector16(String what, int min, int max) throws TlsAlertException {
    int from = pos;
    return sub(from, uint16(what + " length"), what, min, max);
  }

  public WireReader vector24(String what, int min, int max) throws TlsAlertException {
    int from = pos;
    return sub(from, uint24(what + " length"), what, min, max);
  }

  private WireReader sub(int from, int len, String what, int min, int max) throws TlsAlertException {
    checkLength(len, what, min, max);
    need(len, what);
    // The sub-reader records into the same map: its items nest inside this vector's field.
    WireReader r = new WireReader(buf, pos, pos + len, context, recorder, base);
    pos += len;
    group(what, from);
    return r;
  }

  private void checkLength(int len, String what, int min, int max) throws TlsAlertException {
    if (len < min || len > max) {
      throw error(AlertDescription.DECODE_ERROR,
          what + " length " + len + " outside " + min + ".." + max);
    }
  }

  /** RFC 5246 §4.3 vectors of fixed-size items: the length must be a multiple of the item size. */
  public void requireMultipleOf(int itemSize, String what) throws TlsAlertException {
    if (remaining() % itemSize != 0) {
      throw error(AlertDescription.DECODE_ERROR,
          what + " length " + remaining() + " is not a multiple of " + itemSize);
    }
  }

  /** Trailing bytes after a complete structure are a decode_error (RFC 5246 §7.4). */
  public void expectEnd(String what) throws TlsAlertException {
    if (pos != end) {
      throw error(AlertDescription.DECODE_ERROR, (end - pos) + " trailing bytes after " + what);
    }
  }
}
