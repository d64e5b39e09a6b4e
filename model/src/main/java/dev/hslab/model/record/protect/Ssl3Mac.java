package dev.hslab.model.record.protect;

import dev.hslab.model.record.ContentType;
import dev.hslab.model.suite.MacAlgorithm;
import dev.hslab.model.wire.ProtocolVersion;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.MD5Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;

/**
 * The SSL 3.0 record MAC (RFC 6101 §5.2.3.1), an early HMAC variant:
 * {@code hash(secret + pad_2 + hash(secret + pad_1 + seq_num + type + length + content))} with
 * pad_1 = 0x36 and pad_2 = 0x5c repeated 48 times for MD5 and 40 times for SHA-1. No version.
 */
public final class Ssl3Mac implements RecordMac {

  private static final byte PAD_1 = 0x36;
  private static final byte PAD_2 = 0x5c;

  private final Digest digest;
  private final byte[] secret;
  private final byte[] pad1;
  private final byte[] pad2;
  private final byte[] inner;
  private final byte[] header = new byte[11];

  public Ssl3Mac(Digest digest, byte[] secret) {
    this.digest = digest;
    this.secret = secret.clone();
    int padLength = digest.getDigestSize() == 16 ? 48 : 40;
    this.pad1 = filled(padLength, PAD_1);
    this.pad2 = filled(padLength, PAD_2);
    this.inner = new byte[digest.getDigestSize()];
  }

  /** Our SSL 3.0 suites all use SHA-1 (RFC 3268 §3: the AES_*_CBC_SHA suites). */
  static Ssl3Mac of(MacAlgorithm algorithm, byte[] key) {
    if (algorithm != MacAlgorithm.HMAC_SHA1) {
      throw new IllegalArgumentException("SSL 3.0 has no " + algorithm + " MAC");
    }
    return new Ssl3Mac(new SHA1Digest(), key);
  }

  /** SSL 3.0 MAC over MD5, for completeness of the primitive (no suite of ours uses it). */
  public static Ssl3Mac md5(byte[] key) {
    return new Ssl3Mac(new MD5Digest(), key);
  }

  public static Ssl3Mac sha1(byte[] key) {
    return new Ssl3Mac(new SHA1Digest(), key);
  }

  @Override
  public int length() {
    return digest.getDigestSize();
  }

  @Override
  public void compute(long seq, ContentType type, ProtocolVersion version, byte[] content, int off, int len, byte[] out, int outOff) {
    // seq_num(8) type(1) length(2): SSL 3.0 leaves the version out of the MAC.
    for (int i = 0; i < 8; i++) {
      header[i] = (byte) (seq >>> (56 - 8 * i));
    }
    header[8] = (byte) type.code();
    header[9] = (byte) (len >>> 8);
    header[10] = (byte) len;
    digest.update(secret, 0, secret.length);
    digest.update(pad1, 0, pad1.length);
    digest.update(header, 0, header.length);
    digest.update(content, off, len);
    digest.doFinal(inner, 0);
    digest.update(secret, 0, secret.length);
    digest.update(pad2, 0, pad2.length);
    digest.update(inner, 0, inner.length);
    digest.doFinal(out, outOff);
  }

  private static byte[] filled(int n, byte b) {
    byte[] a = new byte[n];
    java.util.Arrays.fill(a, b);
    return a;
  }
}
