package dev.hslab.model.crypto;

import dev.hslab.model.suite.PrfHash;
import org.bouncycastle.crypto.Digest;

/**
 * Fresh digests for the lightweight API, the JDK's implementations behind it ({@link JdkDigest}),
 * and the one-shot hash the PRFs, the transcript and the signature schemes share.
 */
public final class Digests {

  private Digests() {}

  static Digest md5() {
    return JdkDigest.md5();
  }

  static Digest sha1() {
    return JdkDigest.sha1();
  }

  static Digest of(PrfHash hash) {
    return switch (hash) {
      case SHA256 -> JdkDigest.sha256();
      case SHA384 -> JdkDigest.sha384();
    };
  }

  /** Feeds {@code parts} to {@code d} and returns the digest; {@code d} is reset afterwards. */
  public static byte[] digest(Digest d, byte[]... parts) {
    for (byte[] p : parts) {
      d.update(p, 0, p.length);
    }
    byte[] out = new byte[d.getDigestSize()];
    d.doFinal(out, 0);
    return out;
  }
}
