package dev.hslab.model.crypto;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import java.util.Map;
import org.bouncycastle.crypto.DataLengthException;
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
    return of("MD5");
  }

  public static JdkDigest sha1() {
    return of("SHA-1");
  }

  public static JdkDigest sha256() {
    return of("SHA-256");
  }

  public static JdkDigest sha384() {
    return of("SHA-384");
  }

  public static JdkDigest sha512() {
    return of("SHA-512");
  }

  /**
   * A fresh digest by its JCA name ({@code SHA-256}), one of MD5, SHA-1, SHA-256, SHA-384 and
   * SHA-512: a clone of a pristine prototype, which skips the provider lookup of
   * {@code MessageDigest.getInstance} (a handshake makes dozens of digests).
   */
  public static JdkDigest of(String name) {
    Prototype p = PROTOTYPES.get(name);
    if (p == null) {
      throw new IllegalArgumentException("no digest " + name);
    }
    return new JdkDigest(name, p.blockLength(), cloneOf(p.md()));
  }

  /** Never updated, only cloned, so sharing them between threads is safe. */
  private record Prototype(MessageDigest md, int blockLength) {}

  private static final Map<String, Prototype> PROTOTYPES = Map.of(
      "MD5", prototype("MD5", 64),
      "SHA-1", prototype("SHA-1", 64),
      "SHA-256", prototype("SHA-256", 64),
      "SHA-384", prototype("SHA-384", 128),
      "SHA-512", prototype("SHA-512", 128));

  private static Prototype prototype(String name, int blockLength) {
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
    return new Prototype(md, blockLength);
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
    try {
      return md.digest(out, outOff, out.length - outOff); // also resets, as Digest.doFinal must
    } catch (DigestException e) {
      throw new DataLengthException("output buffer too short: " + e.getMessage());
    }
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
      throw new IllegalStateException("the JDK's digests are cloneable", e);
    }
  }
}
