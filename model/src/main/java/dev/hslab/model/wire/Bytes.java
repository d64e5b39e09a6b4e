package dev.hslab.model.wire;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable byte string with value equality and a hex {@code toString}. Messages hold these
 * instead of raw {@code byte[]}, so records compare by content and never leak mutable state.
 */
public final class Bytes implements Comparable<Bytes> {

  public static final Bytes EMPTY = new Bytes(new byte[0]);
  private static final HexFormat HEX = HexFormat.of();

  private final byte[] value;
  /**
   * The content's hash once computed, 0 before (as {@link String} does, a benign race: every
   * thread computes the same value). Certificates are looked up by their bytes in the trust
   * store's caches on every chain.
   */
  private int hash;

  private Bytes(byte[] value) {
    this.value = value;
  }

  /** Copies {@code b}. */
  public static Bytes of(byte... b) {
    return b.length == 0 ? EMPTY : new Bytes(b.clone());
  }

  public static Bytes of(byte[] b, int off, int len) {
    return len == 0 ? EMPTY : new Bytes(Arrays.copyOfRange(b, off, off + len));
  }

  /** Takes ownership of {@code b}: the caller must not modify it afterwards. */
  public static Bytes wrap(byte[] b) {
    return b.length == 0 ? EMPTY : new Bytes(b);
  }

  public static Bytes fromHex(String hex) {
    return wrap(HEX.parseHex(hex.replaceAll("\\s+", "")));
  }

  public static Bytes concat(Bytes... parts) {
    int n = 0;
    for (Bytes p : parts) {
      n += p.value.length;
    }
    byte[] out = new byte[n];
    int off = 0;
    for (Bytes p : parts) {
      System.arraycopy(p.value, 0, out, off, p.value.length);
      off += p.value.length;
    }
    return wrap(out);
  }

  public int length() {
    return value.length;
  }

  public boolean isEmpty() {
    return value.length == 0;
  }

  public byte get(int i) {
    return value[i];
  }

  /** The unsigned value of byte {@code i}. */
  public int getUnsigned(int i) {
    return value[i] & 0xff;
  }

  /** A fresh copy of the content. */
  public byte[] toByteArray() {
    return value.clone();
  }

  public Bytes slice(int from, int to) {
    return from == 0 && to == value.length ? this : wrap(Arrays.copyOfRange(value, from, to));
  }

  public void copyTo(byte[] dst, int off) {
    System.arraycopy(value, 0, dst, off, value.length);
  }

  /** Copies {@code len} bytes from {@code srcOff} into {@code dst} at {@code off}. */
  public void copyTo(int srcOff, byte[] dst, int off, int len) {
    System.arraycopy(value, srcOff, dst, off, len);
  }

  /** Feeds the content to a BouncyCastle digest or MAC without a copy. */
  public void updateDigest(org.bouncycastle.crypto.Digest digest) {
    digest.update(value, 0, value.length);
  }

  public void updateMac(org.bouncycastle.crypto.Mac mac) {
    mac.update(value, 0, value.length);
  }

  /** The backing array, for readers in this package that never write to it. */
  byte[] array() {
    return value;
  }

  public String hex() {
    return HEX.formatHex(value);
  }

  /** Compares in constant time for equal lengths (MACs, Finished verify_data). */
  public boolean constantTimeEquals(Bytes other) {
    return java.security.MessageDigest.isEqual(value, other.value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes b && Arrays.equals(value, b.value);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = Arrays.hashCode(value);
      hash = h;
    }
    return h;
  }

  @Override
  public int compareTo(Bytes o) {
    return Arrays.compareUnsigned(value, o.value);
  }

  @Override
  public String toString() {
    return value.length <= 64 ? hex() : HEX.formatHex(value, 0, 32) + "…(" + value.length + " bytes)";
  }
}
