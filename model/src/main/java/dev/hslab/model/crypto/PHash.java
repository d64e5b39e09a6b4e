package dev.hslab.model.crypto;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * P_hash(secret, seed) of RFC 5246 §5 (RFC 2246 §5): A(0) = seed, A(i) = HMAC(secret, A(i-1)),
 * output = HMAC(secret, A(1) + seed) + HMAC(secret, A(2) + seed) + ... truncated.
 */
final class PHash {

  private PHash() {}

  /** XORs P_hash(secret[off, off+len), seed) into {@code out}, so the TLS 1.0 PRF can combine two. */
  static void xorInto(Digest digest, byte[] secret, int off, int len, byte[] seed, byte[] out) {
    HMac mac = new HMac(digest);
    mac.init(new KeyParameter(secret, off, len));
    int size = mac.getMacSize();
    byte[] a = new byte[size];
    byte[] block = new byte[size];
    mac.update(seed, 0, seed.length);
    mac.doFinal(a, 0); // A(1)
    for (int pos = 0; pos < out.length; pos += size) {
      mac.update(a, 0, size);
      mac.update(seed, 0, seed.length);
      mac.doFinal(block, 0);
      int n = Math.min(size, out.length - pos);
      for (int i = 0; i < n; i++) {
        out[pos + i] ^= block[i];
      }
      if (pos + size < out.length) { // A(i+1) only if another block follows: one HMAC less per call
        mac.update(a, 0, size);
        mac.doFinal(a, 0);
      }
    }
  }

  /** label + seed, the PRF's P_hash seed (RFC 5246 §5); labels are ASCII. */
  static byte[] labelSeed(String label, byte[] seed) {
    byte[] out = new byte[label.length() + seed.length];
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      if (c > 0x7e) {
        throw new IllegalArgumentException("PRF label must be ASCII: " + label);
      }
      out[i] = (byte) c;
    }
    System.arraycopy(seed, 0, out, label.length(), seed.length);
    return out;
  }

  static void checkLength(int length) {
    if (length < 0) {
      throw new IllegalArgumentException("negative PRF output length " + length);
    }
  }
}
