package dev.hslab.model.message;

import static dev.hslab.model.message.OpenSslCapturesB.*;
import static dev.hslab.model.message.ServerKeyExchangeTest.assertAlert;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.suite.SignatureScheme;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.model.wire.TlsAlertException;
import dev.hslab.model.wire.WireReader;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** CertificateVerify against OpenSSL captures ({@link OpenSslCapturesB}) in both signature forms. */
class CertificateVerifyTest {

  static CertificateVerify decode(Bytes body, ProtocolVersion v) throws TlsAlertException {
    return CertificateVerify.decode(WireReader.of(body, "CertificateVerify"), DecodeContext.of(v));
  }

  private static CertificateVerify decodeCapture(String hex, ProtocolVersion v) throws TlsAlertException {
    CertificateVerify m = decode(body(hex, HandshakeType.CERTIFICATE_VERIFY), v);
    assertThat(m.encode()).as("exact re-encoding").isEqualTo(Bytes.fromHex(hex));
    return m;
  }

  @Test
  void decodesTls12CertificateVerifyFromOpenSslCaptures() throws Exception {
    CertificateVerify pkcs1 = decodeCapture(CV_TLS12_RSA_PKCS1_SHA256, ProtocolVersion.TLS12);
    assertThat(pkcs1.signature().algorithm()).isEqualTo(OptionalInt.of(0x0401));
    assertThat(pkcs1.signature().signature().length()).isEqualTo(256);
    assertThat(pkcs1.describe()).isEqualTo("CertificateVerify sig=rsa_pkcs1_sha256 256B");
    CertificateVerify pss = decodeCapture(CV_TLS12_RSA_PSS, ProtocolVersion.TLS12);
    assertThat(pss.signature().scheme()).contains(SignatureScheme.RSA_PSS_RSAE_SHA256);
  }

  @Test
  void decodesTls10CertificateVerifyWithoutAlgorithmFromOpenSslCapture() throws Exception {
    CertificateVerify m = decodeCapture(CV_TLS10, ProtocolVersion.TLS10);
    assertThat(m.signature().algorithm()).isEmpty();
    assertThat(m.signature().signature().length()).isEqualTo(256);
    assertThat(m.signature().fitsVersion(ProtocolVersion.TLS10)).isTrue();
    assertThat(m.signature().fitsVersion(ProtocolVersion.TLS12)).isFalse();
    assertThat(m.describe()).isEqualTo("CertificateVerify sig 256B");
  }

  @Test
  void rejectsCertificateVerifyReadUnderTheOtherVersion() {
    Bytes v12 = body(CV_TLS12_RSA_PKCS1_SHA256, HandshakeType.CERTIFICATE_VERIFY);
    assertAlert(() -> decode(v12, ProtocolVersion.TLS10), AlertDescription.DECODE_ERROR);
    assertAlert(() -> decode(v12, ProtocolVersion.SSL3), AlertDescription.DECODE_ERROR);
    Bytes v10 = body(CV_TLS10, HandshakeType.CERTIFICATE_VERIFY);
    assertAlert(() -> decode(v10, ProtocolVersion.TLS12), AlertDescription.DECODE_ERROR);
  }

  @Test
  void rejectsCertificateVerifyWithTrailingBytes() {
    Bytes b = Bytes.concat(body(CV_TLS10, HandshakeType.CERTIFICATE_VERIFY), Bytes.of((byte) 0));
    assertAlert(() -> decode(b, ProtocolVersion.TLS11), AlertDescription.DECODE_ERROR);
  }

  @Test
  void namesUnknownSignatureAlgorithmsByCode() throws Exception {
    CertificateVerify m = decode(Bytes.fromHex("0808 0002 abcd"), ProtocolVersion.TLS12);
    assertThat(m.signature().scheme()).isEmpty();
    assertThat(m.describe()).isEqualTo("CertificateVerify sig=0x0808 2B");
  }
}
