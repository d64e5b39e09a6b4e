package dev.hslab.model.record.protect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.crypto.TrafficKeys;
import dev.hslab.model.record.ContentType;
import dev.hslab.model.record.TlsRecord;
import dev.hslab.model.record.protect.Suites.Case;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import java.nio.ByteBuffer;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Our protected records opened by the JDK's own providers (SunJCE AES/GCM, ChaCha20-Poly1305,
 * AES/CBC, HmacSHA*), following the RFC layouts written out independently here.
 */
class RecordProtectionJdkCrossCheckTest {

  private static final Bytes TEXT = Bytes.fromHex("474554202f20485454502f312e310d0a0d0a"); // "GET / HTTP/1.1\r\n\r\n"

  @Test
  void aesGcmRecordsOpenWithSunJceUsingRfc5288Nonce() throws Exception {
    Case c = new Case(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, ProtocolVersion.TLS12);
    TrafficKeys k = Suites.keys(c, 21);
    RecordCipher w = Suites.writer(c, 21);
    for (long seq = 0; seq < 3; seq++) {
      byte[] frag = w.protect(record(c)).fragment().toByteArray();
      byte[] nonce = concat(k.iv().toByteArray(), Arrays.copyOf(frag, 8)); // salt + explicit nonce
      Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
      gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(k.key().toByteArray(), "AES"), new GCMParameterSpec(128, nonce));
      gcm.updateAAD(aad(seq, c.version(), TEXT.length()));
      assertThat(Bytes.wrap(gcm.doFinal(frag, 8, frag.length - 8))).isEqualTo(TEXT);
    }
  }

  @Test
  void chacha20Poly1305RecordsOpenWithSunJceUsingRfc7905Nonce() throws Exception {
    Case c = new Case(CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256, ProtocolVersion.TLS12);
    TrafficKeys k = Suites.keys(c, 22);
    RecordCipher w = Suites.writer(c, 22);
    for (long seq = 0; seq < 3; seq++) {
      byte[] frag = w.protect(record(c)).fragment().toByteArray();
      byte[] nonce = k.iv().toByteArray();
      byte[] padded = ByteBuffer.allocate(12).putInt(0).putLong(seq).array();
      for (int i = 0; i < 12; i++) {
        nonce[i] ^= padded[i];
      }
      Cipher chacha = Cipher.getInstance("ChaCha20-Poly1305");
      chacha.init(Cipher.DECRYPT_MODE, new SecretKeySpec(k.key().toByteArray(), "ChaCha20"), new IvParameterSpec(nonce));
      chacha.updateAAD(aad(seq, c.version(), TEXT.length()));
      assertThat(Bytes.wrap(chacha.doFinal(frag))).isEqualTo(TEXT);
    }
  }

  @Test
  void cbcRecordsDecryptAndVerifyWithSunJceForTls12ExplicitAndTls10ChainedIvs() throws Exception {
    checkCbc(new Case(CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384, ProtocolVersion.TLS12), "HmacSHA384");
    checkCbc(new Case(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA256, ProtocolVersion.TLS12), "HmacSHA256");
    checkCbc(new Case(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, ProtocolVersion.TLS11), "HmacSHA1");
    checkCbc(new Case(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, ProtocolVersion.TLS10), "HmacSHA1");
  }

  private static void checkCbc(Case c, String hmac) throws Exception {
    TrafficKeys k = Suites.keys(c, 23);
    RecordCipher w = Suites.writer(c, 23);
    byte[] chained = k.iv().toByteArray();
    for (long seq = 0; seq < 3; seq++) {
      byte[] frag = w.protect(record(c)).fragment().toByteArray();
      boolean explicit = c.version().hasExplicitIv();
      byte[] iv = explicit ? Arrays.copyOf(frag, 16) : chained;
      int off = explicit ? 16 : 0;
      Cipher cbc = Cipher.getInstance("AES/CBC/NoPadding");
      cbc.init(Cipher.DECRYPT_MODE, new SecretKeySpec(k.key().toByteArray(), "AES"), new IvParameterSpec(iv));
      byte[] plain = cbc.doFinal(frag, off, frag.length - off);
      chained = Arrays.copyOfRange(frag, frag.length - 16, frag.length);
      int padLength = plain[plain.length - 1] & 0xff;
      for (int i = plain.length - 1 - padLength; i < plain.length; i++) {
        assertThat(plain[i] & 0xff).as("%s padding byte", c).isEqualTo(padLength);
      }
      int macLength = c.suite().mac().length();
      int contentLength = plain.length - padLength - 1 - macLength;
      assertThat(Bytes.of(plain, 0, contentLength)).isEqualTo(TEXT);
      Mac mac = Mac.getInstance(hmac);
      mac.init(new SecretKeySpec(k.macKey().toByteArray(), hmac));
      mac.update(aad(seq, c.version(), contentLength)); // RFC 5246 §6.2.3.1: same 13-byte prefix
      mac.update(plain, 0, contentLength);
      assertThat(Bytes.of(plain, contentLength, macLength)).as("%s MAC of record %d", c, seq)
          .isEqualTo(Bytes.wrap(mac.doFinal()));
    }
  }

  private static TlsRecord record(Case c) {
    return new TlsRecord(ContentType.APPLICATION_DATA, c.version(), TEXT);
  }

  /** seq_num(8) + type(1) + version(2) + length(2). */
  private static byte[] aad(long seq, ProtocolVersion v, int length) {
    return ByteBuffer.allocate(13).putLong(seq).put((byte) 23).put((byte) v.major()).put((byte) v.minor())
        .putShort((short) length).array();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
