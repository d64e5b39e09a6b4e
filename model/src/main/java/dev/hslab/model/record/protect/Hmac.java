package dev.hslab.model.record.protect;

import dev.hslab.model.crypto.JdkDigest;
import dev.hslab.model.suite.MacAlgorithm;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/** HMAC (RFC 2104) over SHA-1, SHA-256 or SHA-384 with a fixed key, reused across records. */
public final class Hmac {

  private final HMac mac;

  public Hmac(MacAlgorithm algorithm, byte[] key) {
    this.mac = new HMac(digest(algorithm));
    mac.init(new KeyParameter(key));
  }

  static Digest digest(MacAlgorithm algorithm) {
    return switch (algorithm) {
      case HMAC_SHA1 -> JdkDigest.sha1();
      case HMAC_SHA256 -> JdkDigest.sha256();
      case HMAC_SHA384 -> JdkDigest.sha384();
      case NONE -> throw new IllegalArgumentException("no MAC for AEAD suites");
    };
  }

  public int length() {
    return mac.getMacSize();
  }

  public Hmac update(byte[] b, int off, int len) {
    mac.update(b, off, len);
    return this;
  }

  /** Writes the MAC to {@code out[off..]} and resets for the next message (same key). */
  public void doFinal(byte[] out, int off) {
    mac.doFinal(out, off);
  }

  /** One-shot MAC of {@code data}. */
  public byte[] mac(byte[] data) {
    byte[] out = new byte[length()];
    update(data, 0, data.length).doFinal(out, 0);
    return out;
  }
}
