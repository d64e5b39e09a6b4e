package dev.hslab.model.record.protect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.wire.Bytes;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Known answers for the {@link Aead} port over BouncyCastle. */
class AeadKnownAnswerTest {

  // McGrew & Viega, "The Galois/Counter Mode of Operation (GCM)", Appendix B, test cases 4 and 16
  // (also NIST's gcm-revised-spec): the same plaintext, AAD and IV under a 128- and a 256-bit key.
  private static final String GCM_P = "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
      + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39";
  private static final String GCM_A = "feedfacedeadbeeffeedfacedeadbeefabaddad2";
  private static final String GCM_IV = "cafebabefacedbaddecaf888";

  @Test
  void aes128GcmMatchesMcGrewViegaTestCase4() {
    checkSealAndOpen(BcAead.aesGcm(hex("feffe9928665731c6d6a8f9467308308")), GCM_IV, GCM_A, GCM_P,
        "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e"
            + "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091",
        "5bc94fbc3221a5db94fae95ae7121a47");
  }

  @Test
  void aes256GcmMatchesMcGrewViegaTestCase16() {
    checkSealAndOpen(BcAead.aesGcm(hex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308")),
        GCM_IV, GCM_A, GCM_P,
        "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
            + "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662",
        "76fc6ece0f4e1768cddf8853bb2d551b");
  }

  @Test
  void chacha20Poly1305MatchesRfc8439Section282() {
    // RFC 8439 §2.8.2: "Example and Test Vector for AEAD_CHACHA20_POLY1305".
    String plaintext = "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future,"
        + " sunscreen would be it.";
    checkSealAndOpen(BcAead.chacha20Poly1305(hex("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f")),
        "070000004041424344454647", "50515253c0c1c2c3c4c5c6c7",
        Bytes.wrap(plaintext.getBytes(StandardCharsets.US_ASCII)).hex(),
        "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d6"
            + "3dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b36"
            + "92ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc"
            + "3ff4def08e4b7a9de576d26586cec64b6116",
        "1ae10b594f09e26a7e902ecbd0600691");
  }

  private static void checkSealAndOpen(Aead aead, String iv, String aad, String plaintext, String ciphertext,
      String tag) {
    byte[] p = hex(plaintext);
    byte[] buf = new byte[p.length + aead.tagLength()];
    System.arraycopy(p, 0, buf, 0, p.length);
    assertThat(aead.seal(hex(iv), hex(aad), buf, 0, p.length)).isEqualTo(buf.length);
    assertThat(Bytes.wrap(buf.clone())).isEqualTo(Bytes.fromHex(ciphertext + tag));

    assertThat(aead.open(hex(iv), hex(aad), buf, 0, buf.length)).isEqualTo(p.length);
    assertThat(Bytes.of(buf, 0, p.length)).isEqualTo(Bytes.wrap(p));

    // The same ciphertext with one tag bit flipped, or other AAD, fails authentication.
    byte[] forged = hex(ciphertext + tag);
    forged[forged.length - 1] ^= 1;
    assertThat(aead.open(hex(iv), hex(aad), forged, 0, forged.length)).isEqualTo(-1);
    byte[] again = hex(ciphertext + tag);
    byte[] otherAad = hex(aad);
    otherAad[0] ^= (byte) 0x80;
    assertThat(aead.open(hex(iv), otherAad, again, 0, again.length)).isEqualTo(-1);
  }

  static byte[] hex(String s) {
    return Bytes.fromHex(s).toByteArray();
  }
}
