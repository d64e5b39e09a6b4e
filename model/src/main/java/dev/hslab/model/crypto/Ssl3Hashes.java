package dev.hslab.model.crypto;

import dev.hslab.model.wire.Bytes;
import java.util.Arrays;
import org.bouncycastle.crypto.Digest;

/**
 * The SSL 3.0 handshake hashes (RFC 6101 §5.6.8, §5.6.9):
 *
 * <pre>
 * md5_hash = MD5(master_secret + pad2 + MD5(handshake_messages + [Sender] + master_secret + pad1))
 * sha_hash = SHA(master_secret + pad2 + SHA(handshake_messages + [Sender] + master_secret + pad1))
 * </pre>
 *
 * pad1 is 0x36 and pad2 0x5c, repeated 48 times for MD5 and 40 times for SHA. Finished includes
 * the Sender; CertificateVerify omits it.
 */
final class Ssl3Hashes {

  private static final int MD5_PAD = 48;
  private static final int SHA_PAD = 40;

  private Ssl3Hashes() {}

  /** md5_hash + sha_hash (36 bytes); {@code sender} is empty for CertificateVerify. */
  static Bytes compute(byte[] handshakeMessages, Bytes sender, Bytes masterSecret) {
    byte[] s = sender.toByteArray();
    byte[] m = masterSecret.toByteArray();
    byte[] md5 = nested(Digests.md5(), MD5_PAD, handshakeMessages, s, m);
    byte[] sha = nested(Digests.sha1(), SHA_PAD, handshakeMessages, s, m);
    return Bytes.concat(Bytes.wrap(md5), Bytes.wrap(sha));
  }

  private static byte[] nested(Digest d, int padLength, byte[] messages, byte[] sender, byte[] master) {
    byte[] inner = Digests.digest(d, messages, sender, master, pad(0x36, padLength));
    return Digests.digest(d, master, pad(0x5c, padLength), inner);
  }

  private static byte[] pad(int value, int length) {
    byte[] p = new byte[length];
    Arrays.fill(p, (byte) value);
    return p;
  }
}
