package dev.hslab.model.wire;

import java.util.Arrays;

/** A growable writer of TLS presentation-language values; vectors patch their length in. */
public final class WireWriter {

  private byte[] buf;
  private int len;

  public WireWriter() {
    this(64);
  }

  public WireWriter(int capacity) {
    buf = new byte[Math.max(16, capacity)];
  }

  private void ensure(int n) {
    if (len + n > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
    }
  }

  public int size() {
    return len;
  }

  public WireWriter uint8(int v) {
    checkRange(v, 0xff);
    ensure(1);
    buf[len++] = (byte) v;
    return this;
  }

  public WireWriter uint16(int v) {
    checkRange(v, 0xffff);
    ensure(2);
    buf[len++] = (byte) (v >>> 8);
    buf[len++] = (byte) v;
    return this;
  }

  public WireWriter uint24(int v) {
    checkRange(v, 0xffffff);
    ensure(3);
    buf[len++] = (byte) (v >>> 16);
    buf[len++] = (byte) (v >>> 8);
    buf[len++] = (byte) v;
    return this;
  }

  public WireWriter uint32(long v) {
    if (v < 0 || v > 0xffffffffL) {
      throw new IllegalArgumentException("uint32 out of range: " + v);
    }
    ensure(4);
    buf[len++] = (byte) (v >>> 24);
    buf[len++] = (byte) (v >>> 16);
    buf[len++] = (byte) (v >>> 8);
    buf[len++] = (byte) v;
    return this;
  }

  public WireWriter bytes(Bytes b) {
    ensure(b.length());
    b.copyTo(buf, len);
    len += b.length();
    return this;
  }

  public WireWriter bytes(byte[] b, int off, int n) {
    ensure(n);
    System.arraycopy(b, off, buf, len, n);
    len += n;
    return this;
  }

  public WireWriter opaque8(Bytes b) {
    return uint8(b.length()).bytes(b);
  }

  public WireWriter opaque16(Bytes b) {
    return uint16(b.length()).bytes(b);
  }

  public WireWriter opaque24(Bytes b) {
    return uint24(b.length()).bytes(b);
  }

  /** Starts a vector whose length prefix of {@code lengthBytes} bytes is written by {@link #end}. */
  public int begin(int lengthBytes) {
    ensure(lengthBytes);
    int mark = len;
    len += lengthBytes;
    return mark | (lengthBytes << 28);
  }

  /** Ends the vector started at {@code mark}, writing its length. */
  public WireWriter end(int mark) {
    int lengthBytes = mark >>> 28;
    int at = mark & 0x0fffffff;
    int n = len - at - lengthBytes;
    if (n >= 1L << (8 * lengthBytes)) {
      throw new IllegalArgumentException("vector of " + n + " bytes exceeds its " + lengthBytes + "-byte length");
    }
    for (int i = lengthBytes - 1; i >= 0; i--) {
      buf[at + i] = (byte) (n >>> (8 * (lengthBytes - 1 - i)));
    }
    return this;
  }

  public Bytes toBytes() {
    return Bytes.wrap(Arrays.copyOf(buf, len));
  }

  private static void checkRange(int v, int max) {
    if (v < 0 || v > max) {
      throw new IllegalArgumentException("value out of range 0.." + max + ": " + v);
    }
  }
}
