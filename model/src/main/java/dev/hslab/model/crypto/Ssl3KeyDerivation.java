package dev.hslab.model.crypto;

import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.Digest;

/**
 * SSL 3.0 derivations (RFC 6101 §6.1–6.2.2): the master secret and the key block both come from
 * MD5(secret + SHA(salt_i + secret + random1 + random2)) blocks, salt_i being 'A', 'BB', 'CCC', ...
 */
public record Ssl3KeyDerivation(CipherSuite suite) implements KeyDerivation {

  /** RFC 6101 §5.6.9: md5_hash (16) + sha_hash (20). */
  public static final int VERIFY_DATA_LENGTH = 36;

  /** The salts run 'A' to 'Z', so at most 26 MD5 blocks can be derived. */
  private static final int MAX_OUTPUT = 26 * 16;

  public Ssl3KeyDerivation {
    Objects.requireNonNull(suite, "suite");
  }

  @Override
  public ProtocolVersion version() {
    return ProtocolVersion.SSL3;
  }

  @Override
  public Bytes masterSecret(Bytes premaster, Bytes clientRandom, Bytes serverRandom) {
    // RFC 6101 §6.1: randoms in the order ClientHello.random + ServerHello.random
    return expand(premaster, clientRandom, serverRandom, MASTER_SECRET_LENGTH);
  }

  @Override
  public boolean supportsExtendedMasterSecret() {
    return false;
  }

  @Override
  public Bytes sessionHash(Transcript throughClientKeyExchange) {
    throw new UnsupportedOperationException("SSL 3.0 has no extended master secret (RFC 7627 §5.1)");
  }

  @Override
  public Bytes extendedMasterSecret(Bytes premaster, Bytes sessionHash) {
    throw new UnsupportedOperationException("SSL 3.0 has no extended master secret (RFC 7627 §5.1)");
  }

  @Override
  public Bytes keyBlock(Bytes masterSecret, Bytes clientRandom, Bytes serverRandom, int length) {
    // RFC 6101 §6.2.2: randoms in the order ServerHello.random + ClientHello.random
    return expand(masterSecret, serverRandom, clientRandom, length);
  }

  @Override
  public Bytes verifyData(Bytes masterSecret, Sender sender, Transcript transcript) {
    return transcript.ssl3Finished(masterSecret, sender);
  }

  private static Bytes expand(Bytes secret, Bytes random1, Bytes random2, int length) {
    if (length < 0 || length > MAX_OUTPUT) {
      throw new IllegalArgumentException("SSL 3.0 derivation yields 0.." + MAX_OUTPUT + " bytes, not " + length);
    }
    byte[] s = secret.toByteArray();
    byte[] r1 = random1.toByteArray();
    byte[] r2 = random2.toByteArray();
    Digest md5 = Digests.md5();
    Digest sha = Digests.sha1();
    byte[] out = new byte[length];
    for (int i = 0, pos = 0; pos < length; i++, pos += 16) {
      byte[] salt = new byte[i + 1];
      Arrays.fill(salt, (byte) ('A' + i));
      byte[] block = Digests.digest(md5, s, Digests.digest(sha, salt, s, r1, r2));
      System.arraycopy(block, 0, out, pos, Math.min(16, length - pos));
    }
    return Bytes.wrap(out);
  }
}
