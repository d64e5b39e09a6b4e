package dev.hslab.model.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import java.security.GeneralSecurityException;
import org.junit.jupiter.api.Test;

/**
 * Master secret and key block known answers. The TLS vectors are NIST CAVP SP 800-135 "TLS" KDF
 * component test vectors (the same values appear in OpenSSL's evpkdf_tls1_prf.txt and
 * BouncyCastle's TLSKDFTest): master_secret from pre_master_secret with the hello randoms, then
 * key_block from master_secret with a second pair of randoms.
 */
class KeyDerivationTest {

  @Test
  void tls10MasterSecretAndKeyBlockMatchCavp() {
    // CAVP SP 800-135 TLS, [TLS 1.0/1.1], key block 832 bits: exactly the 104-byte key block of
    // TLS_RSA_WITH_AES_128_CBC_SHA under TLS 1.0 (2 x (20 + 16 + 16)).
    Bytes pms = Bytes.fromHex("bded7fa5c1699c010be23dd06ada3a48349f21e5f86263d512c0c5cc379f0e78"
        + "0ec55d9844b2f1db02a96453513568d0");
    Bytes serverHelloRandom = Bytes.fromHex("135e4d557fdf3aa6406d82975d5c606a9734c9334b42136e96990fbd5358cdb2");
    Bytes clientHelloRandom = Bytes.fromHex("e5acaf549cd25c22d964c0d930fa4b5261d2507fad84c33715b7b9a864020693");
    Bytes serverRandom = Bytes.fromHex("67267e650eb32444119d222a368c191af3082888dc35afe8368e638c828874be");
    Bytes clientRandom = Bytes.fromHex("d58a7b1cd4fedaa232159df652ce188f9d997e061b9bf48e83b62990440931f6");
    Bytes master = Bytes.fromHex("2f6962dfbc744c4b2138bb6b3d33054c5ecc14f24851d9896395a44ab3964efc"
        + "2090c5bf51a0891209f46c1e1e998f62");
    Bytes keyBlock = Bytes.fromHex("3088825988e77fce68d19f756e18e43eb7fe672433504feaf99b3c503d9091b1"
        + "64f166db301d70c9fc0870b4a94563907bee1a61fb786cb717576890bcc51cb9"
        + "ead97e01d0a2fea99c953377b195205ff07b369589178796edc963fd80fdbe51"
        + "8a2fc1c35c18ae8d");
    for (ProtocolVersion v : new ProtocolVersion[] {ProtocolVersion.TLS10, ProtocolVersion.TLS11}) {
      KeyDerivation kd = KeyDerivation.of(v, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA);
      assertThat(kd.masterSecret(pms, clientHelloRandom, serverHelloRandom)).isEqualTo(master);
      assertThat(kd.keyBlock(master, clientRandom, serverRandom, 104)).isEqualTo(keyBlock);
    }
    SessionKeys keys = KeyDerivation.of(ProtocolVersion.TLS10, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA)
        .sessionKeys(master, clientRandom, serverRandom);
    assertThat(keys.client().macKey()).isEqualTo(keyBlock.slice(0, 20));
    assertThat(keys.server().macKey()).isEqualTo(keyBlock.slice(20, 40));
    assertThat(keys.client().key()).isEqualTo(keyBlock.slice(40, 56));
    assertThat(keys.server().key()).isEqualTo(keyBlock.slice(56, 72));
    assertThat(keys.client().iv()).isEqualTo(keyBlock.slice(72, 88));
    assertThat(keys.server().iv()).isEqualTo(keyBlock.slice(88, 104));
  }

  @Test
  void tls12Sha256MasterSecretAndKeyBlockMatchCavp() {
    // CAVP SP 800-135 TLS, [TLS 1.2, SHA-256], key block 1024 bits = the 128 bytes of
    // TLS_RSA_WITH_AES_256_CBC_SHA256 (2 x (32 + 32)), which TLS 1.2 takes with no IV.
    KeyDerivation kd = KeyDerivation.of(ProtocolVersion.TLS12, CipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA256);
    Bytes master = kd.masterSecret(
        Bytes.fromHex("f8938ecc9edebc5030c0c6a441e213cd24e6f770a50dda07876f8d55da062bca"
            + "db386b411fd4fe4313a604fce6c17fbc"),
        Bytes.fromHex("36c129d01a3200894b9179faac589d9835d58775f9b5ea3587cb8fd0364cae8c"),
        Bytes.fromHex("f6c9575ed7ddd73e1f7d16eca115415812a43c2b747daaaae043abfb50053fce"));
    assertThat(master).isEqualTo(Bytes.fromHex("202c88c00f84a17a20027079604787461176455539e705be"
        + "730890602c289a5001e34eeb3a043e5d52a65e66125188bf"));
    Bytes clientRandom = Bytes.fromHex("62e1fd91f23f558a605f28478c58cf72637b89784d959df7e946d3f07bd1b616");
    Bytes serverRandom = Bytes.fromHex("ae6c806f8ad4d80784549dff28a4b58fd837681a51d928c3e30ee5ff14f39868");
    Bytes keyBlock = Bytes.fromHex("d06139889fffac1e3a71865f504aa5d0d2a2e89506c6f2279b670c3e1b74f531"
        + "016a2530c51a3a0f7e1d6590d0f0566b2f387f8d11fd4f731cdd572d2eae927f"
        + "6f2f81410b25e6960be68985add6c38445ad9f8c64bf8068bf9a6679485d966f"
        + "1ad6f68b43495b10a683755ea2b858d70ccac7ec8b053c6bd41ca299d4e51928");
    assertThat(kd.keyBlock(master, clientRandom, serverRandom, 128)).isEqualTo(keyBlock);
    SessionKeys keys = kd.sessionKeys(master, clientRandom, serverRandom);
    assertThat(keys.client().macKey()).isEqualTo(keyBlock.slice(0, 32));
    assertThat(keys.server().key()).isEqualTo(keyBlock.slice(96, 128));
    assertThat(keys.client().iv()).isEqualTo(Bytes.EMPTY);
  }

  @Test
  void tls12Sha384MasterSecretAndKeyBlockMatchCavp() {
    // CAVP SP 800-135 TLS, [TLS 1.2, SHA-384], key block 1024 bits.
    KeyDerivation kd = KeyDerivation.of(ProtocolVersion.TLS12, CipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384);
    Bytes master = kd.masterSecret(
        Bytes.fromHex("a5e2642633f5b8c81ad3fe0c2fe3a8e5ef806b06121dd10df4bb0fe857bfdcf5"
            + "22558e05d2682c9a80c741a3aab1716f"),
        Bytes.fromHex("abe4bf5527429ac8eb13574d2709e8012bd1a113c6d3b1d3aa2c3840518778ac"),
        Bytes.fromHex("cb6e0b3eb02976b6466dfa9651c2919414f1648fd3a7838d02153e5bd39535b6"));
    assertThat(master).isEqualTo(Bytes.fromHex("b4d49bfa87747fe815457bc3da15073d6ac73389e703079a"
        + "3503c09e14bd559a5b3c7c601c7365f6ea8c68d3d9596827"));
    Bytes keyBlock = kd.keyBlock(master,
        Bytes.fromHex("954b5fe1849c2ede177438261f099a2fcd884d001b9fe1de754364b1f6a6dd8e"),
        Bytes.fromHex("1b1c8568344a65c30828e7483c0e353e2c68641c9551efae6927d9cd627a107c"), 128);
    assertThat(keyBlock).isEqualTo(Bytes.fromHex("10fd89ef689c7ef033387b8a8f3e5e8e7c11f680f6bdd71fbac3246a73e98d45"
        + "d03185dde686e6b2369e4503e9dc5a6d2cee3e2bf2fa3f41d3de57dff3e197c8"
        + "a9d5f74cc2d277119d894f8584b07a0a5822f0bd68b3433ec6adaf5c9406c5f3"
        + "ddbb71bbe17ce98f3d4d5893d3179ef369f57aad908e2bf710639100c3ce7e0c"));
  }

  @Test
  void ssl3MasterSecretAndKeyBlockMatchAnIndependentImplementation() throws GeneralSecurityException {
    // No published SSL 3.0 vector found: cross-checked against Ssl3Reference (JDK MessageDigest,
    // written from RFC 6101 §6.1 and §6.2.2), reusing the CAVP TLS 1.0 inputs.
    byte[] pms = Bytes.fromHex("0300c5ff7fa5c1699c010be23dd06ada3a48349f21e5f86263d512c0c5cc379f"
        + "0e780ec55d9844b2f1db02a96453513568d0").toByteArray();
    byte[] cr = Bytes.fromHex("e5acaf549cd25c22d964c0d930fa4b5261d2507fad84c33715b7b9a864020693").toByteArray();
    byte[] sr = Bytes.fromHex("135e4d557fdf3aa6406d82975d5c606a9734c9334b42136e96990fbd5358cdb2").toByteArray();
    KeyDerivation kd = KeyDerivation.of(ProtocolVersion.SSL3, CipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA);
    Bytes master = kd.masterSecret(Bytes.of(pms), Bytes.of(cr), Bytes.of(sr));
    assertThat(master).isEqualTo(Bytes.of(Ssl3Reference.derive(pms, cr, sr, 48)));
    // key_block uses the randoms the other way round: server_random + client_random.
    byte[] expected = Ssl3Reference.derive(master.toByteArray(), sr, cr, 136);
    assertThat(kd.layout().length()).isEqualTo(136); // 2 x (20 + 32 + 16)
    assertThat(kd.keyBlock(master, Bytes.of(cr), Bytes.of(sr), 136)).isEqualTo(Bytes.of(expected));
    assertThat(kd.sessionKeys(master, Bytes.of(cr), Bytes.of(sr)).server().iv())
        .isEqualTo(Bytes.of(expected).slice(120, 136));
    assertThat(kd.keyBlock(master, Bytes.of(cr), Bytes.of(sr), 416))
        .isEqualTo(Bytes.of(Ssl3Reference.derive(master.toByteArray(), sr, cr, 416)));
    assertThatThrownBy(() -> kd.keyBlock(master, Bytes.of(cr), Bytes.of(sr), 417))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ssl3HasNoExtendedMasterSecret() {
    KeyDerivation kd = KeyDerivation.of(ProtocolVersion.SSL3, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA);
    assertThat(kd.supportsExtendedMasterSecret()).isFalse();
    assertThatThrownBy(() -> kd.extendedMasterSecret(Bytes.of(new byte[48]), Transcript.empty()))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(KeyDerivation.of(ProtocolVersion.TLS10, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA)
        .supportsExtendedMasterSecret()).isTrue();
  }

  @Test
  void factoryRefusesASuiteTheVersionCannotCarry() {
    assertThatThrownBy(() -> KeyDerivation.of(ProtocolVersion.TLS11, CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KeyDerivation.of(ProtocolVersion.SSL3, CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(KeyDerivation.of(ProtocolVersion.SSL3, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA))
        .isInstanceOf(Ssl3KeyDerivation.class);
  }

  @Test
  void tlsDerivationRefusesAPrfThatIsNotTheVersionsPrf() {
    assertThatThrownBy(() -> new TlsKeyDerivation(ProtocolVersion.TLS10, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA,
        new Tls12Prf(dev.hslab.model.suite.PrfHash.SHA256))).isInstanceOf(IllegalArgumentException.class);
  }
}
