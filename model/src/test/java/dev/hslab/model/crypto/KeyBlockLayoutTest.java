package dev.hslab.model.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import org.junit.jupiter.api.Test;

class KeyBlockLayoutTest {

  @Test
  void everySuiteAndVersionSplitsAsTheRfcsSay() {
    // Expected sizes read off the IANA suite name, independently of the registry's fields:
    // RFC 5246 §6.3 / Appendix C (MAC key = HMAC output), RFC 4346 §6.3 (no CBC IV from TLS 1.1),
    // RFC 5288 §3 (GCM: 4-byte salt, no MAC key), RFC 7905 §2 (ChaCha20: 12-byte IV, no MAC key).
    int checked = 0;
    for (CipherSuite suite : CipherSuite.values()) {
      for (ProtocolVersion v : ProtocolVersion.SUPPORTED) {
        if (!suite.supportedBy(v)) {
          continue;
        }
        String name = suite.ianaName();
        int key = name.contains("AES_128") ? 16 : 32;
        int mac;
        int iv;
        if (name.contains("_GCM_")) {
          mac = 0;
          iv = 4;
        } else if (name.contains("CHACHA20_POLY1305")) {
          mac = 0;
          iv = 12;
        } else {
          mac = name.endsWith("_SHA") ? 20 : name.endsWith("_SHA256") ? 32 : 48;
          iv = v.equals(ProtocolVersion.SSL3) || v.equals(ProtocolVersion.TLS10) ? 16 : 0;
        }
        KeyBlockLayout layout = KeyDerivation.of(v, suite).layout();
        assertThat(layout).as("%s %s", v, suite).isEqualTo(new KeyBlockLayout(mac, key, iv));
        assertThat(layout.length()).isEqualTo(2 * (mac + key + iv));
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(CipherSuite.values().length);
  }

  @Test
  void knownSizesOfCommonSuites() {
    assertThat(KeyBlockLayout.of(ProtocolVersion.TLS10, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA).length()).isEqualTo(104);
    assertThat(KeyBlockLayout.of(ProtocolVersion.TLS11, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA).length()).isEqualTo(72);
    assertThat(KeyBlockLayout.of(ProtocolVersion.SSL3, CipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA).length()).isEqualTo(136);
    assertThat(KeyBlockLayout.of(ProtocolVersion.TLS12, CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256).length()).isEqualTo(40);
    assertThat(KeyBlockLayout.of(ProtocolVersion.TLS12, CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384).length()).isEqualTo(160);
    assertThat(KeyBlockLayout.of(ProtocolVersion.TLS12, CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256).length()).isEqualTo(88);
  }

  @Test
  void splitTakesMacKeysThenKeysThenIvsClientFirst() {
    KeyBlockLayout layout = new KeyBlockLayout(2, 3, 1);
    SessionKeys keys = layout.split(Bytes.fromHex("a1a2 b1b2 c1c2c3 d1d2d3 e1 f1"));
    assertThat(keys.client()).isEqualTo(new TrafficKeys(Bytes.fromHex("a1a2"), Bytes.fromHex("c1c2c3"), Bytes.fromHex("e1")));
    assertThat(keys.server()).isEqualTo(new TrafficKeys(Bytes.fromHex("b1b2"), Bytes.fromHex("d1d2d3"), Bytes.fromHex("f1")));
    assertThat(keys.writeKeys(Sender.SERVER)).isEqualTo(keys.server());
    assertThat(keys.readKeys(Sender.SERVER)).isEqualTo(keys.client());
  }

  @Test
  void aeadSplitHasEmptyMacKeys() {
    KeyBlockLayout layout = KeyBlockLayout.of(ProtocolVersion.TLS12, CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256);
    byte[] block = new byte[layout.length()];
    for (int i = 0; i < block.length; i++) {
      block[i] = (byte) i;
    }
    SessionKeys keys = layout.split(Bytes.of(block));
    assertThat(keys.client().macKey()).isEqualTo(Bytes.EMPTY);
    assertThat(keys.client().key()).isEqualTo(Bytes.of(block).slice(0, 16));
    assertThat(keys.server().iv()).isEqualTo(Bytes.of(block).slice(36, 40));
  }

  @Test
  void splitRefusesAKeyBlockOfTheWrongLength() {
    KeyBlockLayout layout = new KeyBlockLayout(2, 3, 1);
    assertThatThrownBy(() -> layout.split(Bytes.of(new byte[11]))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> layout.split(Bytes.of(new byte[13]))).isInstanceOf(IllegalArgumentException.class);
  }
}
