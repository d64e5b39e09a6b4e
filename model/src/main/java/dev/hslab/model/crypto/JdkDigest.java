package dev.hslab.model.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import org.bouncycastle.crypto.ExtendedDigest;
import org.bouncycastle.util.Memoable;

/**
 * A JDK {@link MessageDigest} (provider SUN) behind BouncyCastle's {@link ExtendedDigest}, so the
 * lightweight API (HMAC, PRF, signers, the transcript) hashes with the JDK's SHA implementations,
 * which the JIT compiles to the CPU's SHA instructions where it has them: several times faster
 * than BouncyCastle's pure-Java SHA-256 on the project machine. Same bytes out, by definition.
 * {@link Memoable}: HMAC keeps its padded-key states as copies, and the transcript its running
 * hashes.
 */
public final class JdkDigest implements ExtendedDigest, Memoable {

  private final String name;
  private final int blockLength;
  private MessageDigest md;

  private JdkDigest(String name, int blockLength, MessageDigest md) {
    this.name = name;
    this.blockLength = blockLength;
    this.md = md;
  }

  public static JdkDigest md5() {
    return create("MD5", 64);
  }

  public static JdkDigest sha1() {
    return create("SHA-1", 64);
  }

  public static JdkDigest sha256() {
    return create("SHA-256", 64);
  }

  public static JdkDigest sha384() {
    return create("SHA-384", 128);
  }

  public static JdkDigest sha512() {
    return create("SHA-512", 128);
  }

  private static JdkDigest create(String name, int blockLength) {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance(name, "SUN");
    } catch (NoSuchAlgorithmException | NoSuchProviderException e) {
      try {
        md = MessageDigest.getInstance(name);
      } catch (NoSuchAlgorithmException again) {
        throw new IllegalStateException("the JDK has no " + name, again); // every Java SE platform must have it
      }
    }
    return new JdkDigest(name, blockLength, md);
  }

  /** The JCA name, which is also BouncyCastle's ({@code SHA-256}): RSADigestSigner maps it to the DigestInfo OID. */
  @Override
  public String getAlgorithmName() {
    return name;
  }

  @Override
  public int getDigestSize() {
    return md.getDigestLength();
  }

  @Override
  public int getByteLength() {
    return blockLength;
  }

  @Override
  public void update(byte in) {
    md.update(in);
  }

  @Override
  public void update(byte[] in, int inOff, int len) {
    md.update(in, inOff, len);
  }

  @Override
  public int doFinal(byte[] out, int outOff) {
    byte[] h = md.digest(); // also resets, as Digest.doFinal must
    System.arraycopy(h, 0, out, outOff, h.length);
    return h.length;
  }

  @Override
  public void reset() {
    md.reset();
  }

  @Override
  public Memoable copy() {
    return new JdkDigest(name, blockLength, cloneOf(md));
  }

  @Override
  public void reset(Memoable other) {
    md = cloneOf(((JdkDigest) other).md);
  }

  private static MessageDigest cloneOf(MessageDigest md) {
    try {
      return (MessageDigest) md.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("the SUN digests are cloneable", e);
    }
  }
}
