package dev.hslab.model.crypto;

import dev.hslab.model.wire.Bytes;

/**
 * The hashes that SSL 3.0, TLS 1.0 and TLS 1.1 sign (RFC 2246 §7.4.3, RFC 4492 §5.4): RSA signs
 * MD5 || SHA-1 of the data, ECDSA signs its SHA-1.
 */
public final class LegacyHashes {

  private LegacyHashes() {}

  public static Bytes md5Sha1(Bytes data) {
    byte[] d = data.toByteArray();
    byte[] md5 = Digests.digest(Digests.md5(), d);
    byte[] sha1 = Digests.digest(Digests.sha1(), d);
    return Bytes.concat(Bytes.wrap(md5), Bytes.wrap(sha1));
  }

  public static Bytes sha1(Bytes data) {
    return Bytes.wrap(Digests.digest(Digests.sha1(), data.toByteArray()));
  }
}
