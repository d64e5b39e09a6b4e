package dev.hslab.model.crypto;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * An independent SSL 3.0 reference written straight from RFC 6101 §5.6.9 and §6.1–6.2.2 over the
 * JDK's SunJCE MessageDigest, for cross-checks only: no published SSL 3.0 known-answer vector was
 * found, and OpenSSL 3.0 on this machine is built without SSL 3.0.
 */
final class Ssl3Reference {

  private Ssl3Reference() {}

  /** MD5(secret + SHA('A' + secret + r1 + r2)) + MD5(secret + SHA('BB' + ...)) + ... */
  static byte[] derive(byte[] secret, byte[] r1, byte[] r2, int length) throws GeneralSecurityException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String salts = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    for (int i = 0; out.size() < length; i++) {
      String salt = String.valueOf(salts.charAt(i)).repeat(i + 1);
      MessageDigest sha = MessageDigest.getInstance("SHA-1");
      sha.update(salt.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      sha.update(secret);
      sha.update(r1);
      sha.update(r2);
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      md5.update(secret);
      out.writeBytes(md5.digest(sha.digest()));
    }
    return Arrays.copyOf(out.toByteArray(), length);
  }

  /** md5_hash + sha_hash of RFC 6101 §5.6.9 (sender empty for CertificateVerify, §5.6.8). */
  static byte[] handshakeHashes(byte[] messages, byte[] sender, byte[] master) throws GeneralSecurityException {
    return PrfTest.concat(one("MD5", 48, messages, sender, master), one("SHA-1", 40, messages, sender, master));
  }

  private static byte[] one(String alg, int padLength, byte[] messages, byte[] sender, byte[] master)
      throws GeneralSecurityException {
    byte[] pad1 = new byte[padLength];
    byte[] pad2 = new byte[padLength];
    Arrays.fill(pad1, (byte) 0x36);
    Arrays.fill(pad2, (byte) 0x5c);
    MessageDigest inner = MessageDigest.getInstance(alg);
    inner.update(messages);
    inner.update(sender);
    inner.update(master);
    inner.update(pad1);
    MessageDigest outer = MessageDigest.getInstance(alg);
    outer.update(master);
    outer.update(pad2);
    return outer.digest(inner.digest());
  }
}
