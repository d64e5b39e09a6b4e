package dev.hslab.model.record.protect;

import static dev.hslab.model.record.protect.RecordCipherTest.assertBadRecordMac;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.crypto.TrafficKeys;
import dev.hslab.model.record.ContentType;
import dev.hslab.model.record.TlsRecord;
import dev.hslab.model.record.protect.Suites.Case;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.model.wire.TlsAlertException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * CBC records built by hand (content, MAC, padding chosen here, then AES-CBC) to probe the
 * receiver: bad padding and bad MAC must be indistinguishable (RFC 5246 §6.2.3.2, §7.2.2).
 */
class CbcPaddingTest {

  private static final Case TLS12 = new Case(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA256, ProtocolVersion.TLS12);
  private static final Case TLS10 = new Case(CipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA, ProtocolVersion.TLS10);
  private static final Case SSL3 = new Case(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, ProtocolVersion.SSL3);
  private static final Bytes CONTENT = Bytes.fromHex("48656c6c6f2c20776f726c6421"); // 13 bytes

  @Test
  void acceptsAnyValidTlsPaddingLengthUpTo255() throws TlsAlertException {
    for (Case c : new Case[] {TLS12, TLS10}) {
      // Every padding length 0..255 that makes whole blocks (RFC 5246 §6.2.3.2 allows up to 255).
      for (int padLength = fit(c, 0); padLength <= 255; padLength += 16) {
        TlsRecord r = craft(c, CONTENT, goodMac(c), padding(padLength, padLength));
        assertThat(Suites.reader(c, 1).unprotect(r).fragment()).as("%s pad %d", c, padLength).isEqualTo(CONTENT);
      }
    }
  }

  @Test
  void badPaddingAndBadMacGiveTheIdenticalAlertAndMessage() {
    for (Case c : new Case[] {TLS12, TLS10}) {
      int padLength = fit(c, 20);
      byte[] wrongPadding = padding(padLength, padLength);
      wrongPadding[3] ^= 1; // one padding byte differs from padding_length
      byte[] badMac = goodMac(c);
      badMac[0] ^= 1;
      TlsAlertException paddingFailure = assertBadRecordMac(
          () -> Suites.reader(c, 1).unprotect(craft(c, CONTENT, goodMac(c), wrongPadding)), c + " bad padding");
      TlsAlertException macFailure = assertBadRecordMac(
          () -> Suites.reader(c, 1).unprotect(craft(c, CONTENT, badMac, padding(padLength, padLength))), c + " bad MAC");
      TlsAlertException both = assertBadRecordMac(
          () -> Suites.reader(c, 1).unprotect(craft(c, CONTENT, badMac, wrongPadding)), c + " both");
      assertThat(paddingFailure.alert()).isEqualTo(macFailure.alert()).isEqualTo(both.alert());
      assertThat(paddingFailure.getMessage()).isEqualTo(macFailure.getMessage()).isEqualTo(both.getMessage());
    }
  }

  @Test
  void paddingLengthBeyondTheRecordIsBadRecordMac() {
    for (Case c : new Case[] {TLS12, TLS10, SSL3}) {
      int padLength = fit(c, 0);
      byte[] pad = padding(padLength, padLength);
      pad[pad.length - 1] = (byte) 0xff; // claims 255 bytes of padding in a short record
      assertBadRecordMac(() -> Suites.reader(c, 1).unprotect(craft(c, CONTENT, goodMac(c), pad)), c + " pad 255");
    }
  }

  @Test
  void ssl3AcceptsArbitraryPaddingBytesButNotAPaddingLengthOfABlockOrMore() throws TlsAlertException {
    int padLength = fit(SSL3, 0);
    byte[] arbitrary = padding(padLength, 0xA5);
    arbitrary[padLength] = (byte) padLength;
    assertThat(Suites.reader(SSL3, 1).unprotect(craft(SSL3, CONTENT, goodMac(SSL3), arbitrary)).fragment())
        .isEqualTo(CONTENT);
    // RFC 6101 §5.2.3.2: padding_length must be less than the block length.
    int tooLong = fit(SSL3, 16);
    assertThat(tooLong).isGreaterThanOrEqualTo(16);
    assertBadRecordMac(() -> Suites.reader(SSL3, 1).unprotect(
        craft(SSL3, CONTENT, goodMac(SSL3), padding(tooLong, tooLong))), "SSL 3.0 padding_length " + tooLong);
  }

  /** The smallest padding length >= {@code atLeast} that makes content + MAC + padding whole blocks. */
  private static int fit(Case c, int atLeast) {
    int n = CONTENT.length() + c.suite().mac().length() + atLeast + 1;
    return atLeast + (16 - n % 16) % 16;
  }

  private static byte[] padding(int padLength, int fill) {
    byte[] p = new byte[padLength + 1];
    Arrays.fill(p, (byte) fill);
    p[padLength] = (byte) padLength;
    return p;
  }

  private static byte[] goodMac(Case c) {
    TrafficKeys keys = Suites.keys(c, 1);
    RecordMac mac = RecordMac.of(c.suite().mac(), c.version(), keys.macKey().toByteArray());
    byte[] out = new byte[mac.length()];
    byte[] content = CONTENT.toByteArray();
    mac.compute(0, ContentType.APPLICATION_DATA, c.version(), content, 0, content.length, out, 0);
    return out;
  }

  /** [IV] AES-CBC(content + mac + padding) with the keys {@link Suites#keys} gives for seed 1. */
  private static TlsRecord craft(Case c, Bytes content, byte[] mac, byte[] padding) {
    TrafficKeys keys = Suites.keys(c, 1);
    int ivLength = c.version().hasExplicitIv() ? 16 : 0;
    byte[] iv = ivLength > 0 ? Bytes.fromHex("0f0e0d0c0b0a09080706050403020100").toByteArray() : keys.iv().toByteArray();
    byte[] out = new byte[ivLength + content.length() + mac.length + padding.length];
    System.arraycopy(iv, 0, out, 0, ivLength);
    content.copyTo(out, ivLength);
    System.arraycopy(mac, 0, out, ivLength + content.length(), mac.length);
    System.arraycopy(padding, 0, out, ivLength + content.length() + mac.length, padding.length);
    new AesCbc(keys.key().toByteArray(), true).process(iv, out, ivLength, out.length - ivLength);
    return new TlsRecord(ContentType.APPLICATION_DATA, c.version(), Bytes.wrap(out));
  }
}
