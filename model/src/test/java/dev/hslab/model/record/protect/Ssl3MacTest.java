package dev.hslab.model.record.protect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.record.ContentType;
import dev.hslab.model.wire.ProtocolVersion;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The SSL 3.0 MAC (RFC 6101 §5.2.3.1). No published vector is known, so each case is checked
 * against an independent computation written differently here: the JDK's
 * {@link MessageDigest} (SUN provider) over buffers assembled from the RFC's formula.
 */
class Ssl3MacTest {

  @Test
  void sha1MacMatchesTheRfc6101FormulaComputedWithJdkMessageDigest() throws Exception {
    Random random = new Random(6101);
    for (int len : new int[] {0, 1, 20, 63, 64, 65, 1000, 16384}) {
      byte[] secret = bytes(random, 20);
      byte[] content = bytes(random, len);
      long seq = random.nextLong();
      byte[] ours = new byte[20];
      Ssl3Mac.sha1(secret).compute(seq, ContentType.APPLICATION_DATA, ProtocolVersion.SSL3, content, 0, len, ours, 0);
      assertThat(ours).isEqualTo(reference("SHA-1", 40, secret, seq, 23, content));
    }
  }

  @Test
  void md5MacUses48BytePadsPerRfc6101() throws Exception {
    Random random = new Random(48);
    byte[] secret = bytes(random, 16);
    byte[] content = bytes(random, 100);
    byte[] ours = new byte[16];
    Ssl3Mac.md5(secret).compute(7, ContentType.HANDSHAKE, ProtocolVersion.SSL3, content, 0, content.length, ours, 0);
    assertThat(ours).isEqualTo(reference("MD5", 48, secret, 7, 22, content));
  }

  @Test
  void macCoversSequenceNumberTypeAndContentButNotVersion() {
    byte[] secret = new byte[20];
    byte[] content = {1, 2, 3};
    Ssl3Mac mac = Ssl3Mac.sha1(secret);
    byte[] base = compute(mac, 0, ContentType.HANDSHAKE, ProtocolVersion.SSL3, content);
    assertThat(compute(mac, 1, ContentType.HANDSHAKE, ProtocolVersion.SSL3, content)).isNotEqualTo(base);
    assertThat(compute(mac, 0, ContentType.ALERT, ProtocolVersion.SSL3, content)).isNotEqualTo(base);
    assertThat(compute(mac, 0, ContentType.HANDSHAKE, ProtocolVersion.SSL3, new byte[] {1, 2, 4})).isNotEqualTo(base);
    // RFC 6101 §5.2.3.1 has no version in the MAC input.
    assertThat(compute(mac, 0, ContentType.HANDSHAKE, ProtocolVersion.TLS12, content)).isEqualTo(base);
  }

  private static byte[] compute(Ssl3Mac mac, long seq, ContentType type, ProtocolVersion v, byte[] content) {
    byte[] out = new byte[mac.length()];
    mac.compute(seq, type, v, content, 0, content.length, out, 0);
    return out;
  }

  /** hash(secret + pad_2 + hash(secret + pad_1 + seq_num + type + length + content)). */
  private static byte[] reference(String hash, int padLength, byte[] secret, long seq, int type, byte[] content)
      throws Exception {
    byte[] pad1 = new byte[padLength];
    byte[] pad2 = new byte[padLength];
    Arrays.fill(pad1, (byte) 0x36);
    Arrays.fill(pad2, (byte) 0x5c);
    ByteBuffer innerInput = ByteBuffer.allocate(secret.length + padLength + 11 + content.length)
        .put(secret).put(pad1).putLong(seq).put((byte) type).putShort((short) content.length).put(content);
    byte[] inner = MessageDigest.getInstance(hash).digest(innerInput.array());
    MessageDigest outer = MessageDigest.getInstance(hash);
    outer.update(secret);
    outer.update(pad2);
    return outer.digest(inner);
  }

  private static byte[] bytes(Random r, int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return b;
  }
}
