package dev.hslab.model.record.protect;

import static dev.hslab.model.record.protect.AeadKnownAnswerTest.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.suite.MacAlgorithm;
import dev.hslab.model.wire.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Known answers for the CBC and HMAC primitives the CBC suites use. */
class CbcAndHmacKnownAnswerTest {

  // NIST SP 800-38A Appendix F.2: the four plaintext blocks and IV shared by F.2.1-F.2.6.
  private static final String IV = "000102030405060708090a0b0c0d0e0f";
  private static final String PLAIN = "6bc1bee22e409f96e93d7e117393172a" + "ae2d8a571e03ac9c9eb76fac45af8e51"
      + "30c81c46a35ce411e5fbc1191a0a52ef" + "f69f2445df4f9b17ad2b417be66c3710";

  @Test
  void aes128CbcMatchesSp80038aF21AndF22() {
    // F.2.1 CBC-AES128.Encrypt, F.2.2 CBC-AES128.Decrypt.
    checkCbc("2b7e151628aed2a6abf7158809cf4f3c",
        "7649abac8119b246cee98e9b12e9197d" + "5086cb9b507219ee95db113a917678b2"
            + "73bed6b8e3c1743b7116e69e22229516" + "3ff1caa1681fac09120eca307586e1a7");
  }

  @Test
  void aes256CbcMatchesSp80038aF25AndF26() {
    // F.2.5 CBC-AES256.Encrypt, F.2.6 CBC-AES256.Decrypt.
    checkCbc("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4",
        "f58c4c04d6e5f1ba779eabfb5f7bfbd6" + "9cfc4e967edb808d679f777bc6702c7d"
            + "39f23369a9d9bacfa530e26304231461" + "b2eb05e2c39be9fcda6c19078c6a9d1b");
  }

  private static void checkCbc(String key, String ciphertext) {
    AesCbc enc = new AesCbc(hex(key), true);
    byte[] buf = hex(PLAIN);
    enc.process(hex(IV), buf, 0, buf.length);
    assertThat(Bytes.wrap(buf)).isEqualTo(Bytes.fromHex(ciphertext));

    // The same object again (key scheduled once, only the IV reset) gives the same answer.
    byte[] again = hex(PLAIN);
    enc.process(hex(IV), again, 0, again.length);
    assertThat(Bytes.wrap(again)).isEqualTo(Bytes.fromHex(ciphertext));

    AesCbc dec = new AesCbc(hex(key), false);
    byte[] c = hex("00" + ciphertext);
    dec.process(hex(IV), c, 1, c.length - 1);
    assertThat(Bytes.of(c, 1, c.length - 1)).isEqualTo(Bytes.fromHex(PLAIN));
  }

  @Test
  void hmacSha1MatchesRfc2202TestCases1And2() {
    // RFC 2202 §3, test cases 1 and 2.
    assertThat(mac(MacAlgorithm.HMAC_SHA1, key0b(20), "Hi There"))
        .isEqualTo(Bytes.fromHex("b617318655057264e28bc0b6fb378c8ef146be00"));
    assertThat(mac(MacAlgorithm.HMAC_SHA1, ascii("Jefe"), "what do ya want for nothing?"))
        .isEqualTo(Bytes.fromHex("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"));
  }

  @Test
  void hmacSha256MatchesRfc4231TestCases1And2() {
    // RFC 4231 §4.2 and §4.3.
    assertThat(mac(MacAlgorithm.HMAC_SHA256, key0b(20), "Hi There"))
        .isEqualTo(Bytes.fromHex("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"));
    assertThat(mac(MacAlgorithm.HMAC_SHA256, ascii("Jefe"), "what do ya want for nothing?"))
        .isEqualTo(Bytes.fromHex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
  }

  @Test
  void hmacSha384MatchesRfc4231TestCases1And2() {
    // RFC 4231 §4.2 and §4.3.
    assertThat(mac(MacAlgorithm.HMAC_SHA384, key0b(20), "Hi There")).isEqualTo(Bytes.fromHex(
        "afd03944d84895626b0825f4ab46907f15f9dadbe4101ec682aa034c7cebc59cfaea9ea9076ede7f4af152e8b2fa9cb6"));
    assertThat(mac(MacAlgorithm.HMAC_SHA384, ascii("Jefe"), "what do ya want for nothing?")).isEqualTo(Bytes.fromHex(
        "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e8e2240ca5e69e2c78b3239ecfab21649"));
  }

  @Test
  void hmacResetsBetweenMessagesWithTheSameKey() {
    Hmac h = new Hmac(MacAlgorithm.HMAC_SHA256, key0b(20));
    byte[] first = h.mac(ascii("Hi There"));
    assertThat(h.mac(ascii("Hi There"))).isEqualTo(first);
  }

  private static Bytes mac(MacAlgorithm alg, byte[] key, String data) {
    return Bytes.wrap(new Hmac(alg, key).mac(ascii(data)));
  }

  private static byte[] key0b(int n) {
    byte[] k = new byte[n];
    Arrays.fill(k, (byte) 0x0b);
    return k;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
