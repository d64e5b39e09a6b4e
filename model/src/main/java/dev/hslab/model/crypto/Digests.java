package dev.hslab.model.crypto;

import dev.hslab.model.suite.PrfHash;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.MD5Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;

/** Fresh BouncyCastle lightweight digests: no JCA provider lookup on the hot path. */
final class Digests {

  private Digests() {}

  static Digest md5() {
    return new MD5Digest();
  }

  static Digest sha1() {
    return new SHA1Digest();
  }

  static Digest of(PrfHash hash) {
    return switch (hash) {
      case SHA256 -> new SHA256Digest();
      case SHA384 -> new SHA384Digest();
    };
  }

  /** Feeds {@code parts} to {@code d} and returns the digest; {@code d} is reset afterwards. */
  static byte[] digest(Digest d, byte[]... parts) {
    for (byte[] p : parts) {
      d.update(p, 0, p.length);
    }
    byte[] out = new byte[d.getDigestSize()];
    d.doFinal(out, 0);
    return out;
  }
}
