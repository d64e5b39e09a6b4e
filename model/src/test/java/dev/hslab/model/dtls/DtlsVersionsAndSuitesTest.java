package dev.hslab.model.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.crypto.KeyDerivation;
import dev.hslab.model.crypto.SessionKeys;
import dev.hslab.model.suite.BulkCipher;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DTLS versions on the wire, the suites they carry, and the TLS key derivations they reuse. */
class DtlsVersionsAndSuitesTest {

  @Test
  void dtlsVersionsAreTheOnesComplementsOfTheRfcs() {
    // RFC 4347 §4.1: {254, 255} for DTLS 1.0; RFC 6347 §4.1: {254, 253} for DTLS 1.2.
    assertThat(ProtocolVersion.DTLS10.code()).isEqualTo(0xFEFF);
    assertThat(ProtocolVersion.DTLS12.code()).isEqualTo(0xFEFD);
    assertThat(ProtocolVersion.DTLS10.tlsEquivalent()).isEqualTo(ProtocolVersion.TLS11);
    assertThat(ProtocolVersion.DTLS12.tlsEquivalent()).isEqualTo(ProtocolVersion.TLS12);
    assertThat(ProtocolVersion.DTLS10.hasExplicitIv()).isTrue();
    assertThat(ProtocolVersion.DTLS10.isTls12OrLater()).isFalse();
    assertThat(ProtocolVersion.DTLS12.isTls12OrLater()).isTrue();
    assertThat(ProtocolVersion.DTLS12.jsseName()).isEqualTo("DTLSv1.2");
    assertThat(ProtocolVersion.DTLS10.cliName()).isEqualTo("dtls1.0");
    assertThat(ProtocolVersion.DTLS12.displayName()).isEqualTo("DTLSv1.2");
    assertThat(ProtocolVersion.SUPPORTED).noneMatch(ProtocolVersion::isDtls);
  }

  @Test
  void tlsVersionsKeepTheirPredicates() {
    for (ProtocolVersion v : ProtocolVersion.SUPPORTED) {
      assertThat(v.tlsEquivalent()).isSameAs(v);
      assertThat(v.isDtls()).isFalse();
    }
    assertThat(ProtocolVersion.TLS10.hasExplicitIv()).isFalse();
    assertThat(ProtocolVersion.TLS11.hasExplicitIv()).isTrue();
    assertThat(ProtocolVersion.TLS11.isTls12OrLater()).isFalse();
  }

  @Test
  void dtlsCarriesTheSuitesOfItsTlsEquivalentAndNoStreamCipher() {
    // RFC 6347 §4.1.2.2: every TLS suite but the stream (RC4) ones; ours are block or AEAD only.
    assertThat(Arrays.stream(BulkCipher.Type.values()).allMatch(BulkCipher.Type::allowedInDtls)).isTrue();
    for (CipherSuite s : CipherSuite.values()) {
      assertThat(s.supportedBy(ProtocolVersion.DTLS12)).as(s.name()).isEqualTo(s.supportedBy(ProtocolVersion.TLS12));
      assertThat(s.supportedBy(ProtocolVersion.DTLS10)).as(s.name()).isEqualTo(s.supportedBy(ProtocolVersion.TLS11));
    }
    assertThat(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256.supportedBy(ProtocolVersion.DTLS10)).isFalse();
    assertThat(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA.supportedBy(ProtocolVersion.DTLS10)).isTrue();
    assertThat(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256.supportedBy(new ProtocolVersion(254, 254))).isFalse();
  }

  @Test
  void dtlsDerivesMasterSecretAndKeyBlockAsItsTlsEquivalent() {
    Bytes premaster = Bytes.wrap(filled(48, 3));
    Bytes cr = Bytes.wrap(filled(32, 5));
    Bytes sr = Bytes.wrap(filled(32, 7));
    for (List<Object> c : List.of(
        List.<Object>of(ProtocolVersion.DTLS12, ProtocolVersion.TLS12, CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384),
        List.<Object>of(ProtocolVersion.DTLS12, ProtocolVersion.TLS12, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA256),
        List.<Object>of(ProtocolVersion.DTLS10, ProtocolVersion.TLS11, CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA))) {
      ProtocolVersion dtls = (ProtocolVersion) c.get(0);
      ProtocolVersion tls = (ProtocolVersion) c.get(1);
      CipherSuite suite = (CipherSuite) c.get(2);
      KeyDerivation d = KeyDerivation.of(dtls, suite);
      KeyDerivation t = KeyDerivation.of(tls, suite);
      Bytes ms = d.masterSecret(premaster, cr, sr);
      assertThat(ms).isEqualTo(t.masterSecret(premaster, cr, sr));
      assertThat(d.layout()).isEqualTo(t.layout());
      SessionKeys dk = d.sessionKeys(ms, cr, sr);
      assertThat(dk).isEqualTo(t.sessionKeys(ms, cr, sr));
    }
  }

  static byte[] filled(int n, int seed) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (seed * 31 + i * 7);
    }
    return b;
  }
}
