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
  private int pos;

  private WireReader(byte[] buf, int off, int end, String context) {
    this.buf = buf;
    this.pos = off;
    this.end = end;
    this.context = context;
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
    return buf[pos++] & 0xff;
  }

  public int uint16(String what) throws TlsAlertException {
    need(2, what);
    int v = ((buf[pos] & 0xff) << 8) | (buf[pos + 1] & 0xff);
    pos += 2;
    return v;
  }

  public int uint24(String what) throws TlsAlertException {
    need(3, what);
    int v = ((buf[pos] & 0xff) << 16) | ((buf[pos + 1] & 0xff) << 8) | (buf[pos + 2] & 0xff);
    pos += 3;
    return v;
  }

  public long uint32(String what) throws TlsAlertException {
    need(4, what);
    long v = ((long) (buf[pos] & 0xff) << 24) | ((buf[pos + 1] & 0xff) << 16)
        | ((buf[pos + 2] & 0xff) << 8) | (buf[pos + 3] & 0xff);
    pos += 4;
    return v;
  }

  public Bytes fixed(int n, String what) throws TlsAlertException {
    need(n, what);
    Bytes b = Bytes.of(buf, pos, n);
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
    return opaque(uint8(what + " length"), what, min, max);
  }

  public Bytes opaque16(String what, int min, int max) throws TlsAlertException {
    return opaque(uint16(what + " length"), what, min, max);
  }

  public Bytes opaque24(String what, int min, int max) throws TlsAlertException {
    return opaque(uint24(what + " length"), what, min, max);
  }

  private Bytes opaque(int len, String what, int min, int max) throws TlsAlertException {
    checkLength(len, what, min, max);
    return fixed(len, what);
  }

  /** A sub-reader over a vector with a one-byte length; this reader moves past it. */
  public WireReader vector8(String what, int min, int max) throws TlsAlertException {
    return sub(uint8(what + " length"), what, min, max);
  }

  public WireReader vector16(String what, int min, int max) throws TlsAlertException {
    return sub(uint16(what + " length"), what, min, max);
  }

  public WireReader vector24(String what, int min, int max) throws TlsAlertException {
    return sub(uint24(what + " length"), what, min, max);
  }

  private WireReader sub(int len, String what, int min, int max) throws TlsAlertException {
    checkLength(len, what, min, max);
    need(len, what);
    WireReader r = new WireReader(buf, pos, pos + len, context);
    pos += len;
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
