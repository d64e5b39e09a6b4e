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
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;

/** CertificateRequest against OpenSSL captures ({@link OpenSslCapturesB}) and its strict bounds. */
class CertificateRequestTest {

  private static final List<Integer> OPENSSL_TYPES = List.of(1, 2, 64);

  static CertificateRequest decode(Bytes body, ProtocolVersion v) throws TlsAlertException {
    return CertificateRequest.decode(WireReader.of(body, "CertificateRequest"), DecodeContext.of(v));
  }

  private static CertificateRequest decodeCapture(String hex, ProtocolVersion v) throws TlsAlertException {
    CertificateRequest m = decode(body(hex, HandshakeType.CERTIFICATE_REQUEST), v);
    assertThat(m.encode()).as("exact re-encoding").isEqualTo(Bytes.fromHex(hex));
    return m;
  }

  @Test
  void decodesTls12CertificateRequestWithCaListFromOpenSslCapture() throws Exception {
    CertificateRequest m = decodeCapture(CR_TLS12, ProtocolVersion.TLS12);
    assertThat(m.certificateTypes()).isEqualTo(OPENSSL_TYPES);
    assertThat(m.knownCertificateTypes()).containsExactly(
        ClientCertificateType.RSA_SIGN, ClientCertificateType.DSS_SIGN, ClientCertificateType.ECDSA_SIGN);
    List<Integer> algs = m.signatureAlgorithms().orElseThrow();
    assertThat(algs).hasSize(20).startsWith(0x0403, 0x0503, 0x0603, 0x0807);
    assertThat(m.knownSignatureSchemes()).contains(SignatureScheme.RSA_PKCS1_SHA256, SignatureScheme.RSA_PSS_RSAE_SHA256);
    // The DN is the DER subject of cli.crt; the JDK's X500Principal parses it independently.
    assertThat(m.certificateAuthorities()).hasSize(1);
    assertThat(new X500Principal(m.certificateAuthorities().get(0).toByteArray()).getName()).isEqualTo("CN=hslab-client");
  }

  @Test
  void decodesTls12CertificateRequestWithoutCasFromOpenSslCapture() throws Exception {
    CertificateRequest m = decodeCapture(CR_TLS12_NO_CAS, ProtocolVersion.TLS12);
    assertThat(m.certificateTypes()).containsExactly(1);
    assertThat(m.signatureAlgorithms()).contains(List.of(0x0401));
    assertThat(m.certificateAuthorities()).isEmpty();
    assertThat(m.describe()).isEqualTo("CertificateRequest types=[rsa_sign] sigalgs=[rsa_pkcs1_sha256] cas=0");
  }

  @Test
  void decodesTls10CertificateRequestWithoutSignatureAlgorithmsFromOpenSslCapture() throws Exception {
    CertificateRequest m = decodeCapture(CR_TLS10, ProtocolVersion.TLS10);
    assertThat(m.certificateTypes()).isEqualTo(OPENSSL_TYPES);
    assertThat(m.signatureAlgorithms()).isEmpty();
    assertThat(new X500Principal(m.certificateAuthorities().get(0).toByteArray()).getName()).isEqualTo("CN=hslab-client");
    assertThat(m.describe()).isEqualTo("CertificateRequest types=[rsa_sign,dss_sign,ecdsa_sign] cas=1");
  }

  @Test
  void rejectsCertificateRequestReadUnderTheOtherVersion() {
    // TLS 1.2 form as TLS 1.0: the algorithms are read as a DN list whose first DN overruns.
    assertAlert(() -> decode(body(CR_TLS12, HandshakeType.CERTIFICATE_REQUEST), ProtocolVersion.TLS10),
        AlertDescription.DECODE_ERROR);
    // TLS 1.0 form as TLS 1.2: the 27-byte CA list is read as an odd-length algorithm list.
    assertAlert(() -> decode(body(CR_TLS10, HandshakeType.CERTIFICATE_REQUEST), ProtocolVersion.TLS12),
        AlertDescription.DECODE_ERROR);
  }

  @Test
  void rejectsEmptyCertificateTypes() {
    // RFC 5246 §7.4.4: certificate_types<1..2^8-1>.
    assertAlert(() -> decode(Bytes.fromHex("00 0002 0401 0000"), ProtocolVersion.TLS12), AlertDescription.DECODE_ERROR);
    assertAlert(() -> decode(Bytes.fromHex("00 0000"), ProtocolVersion.SSL3), AlertDescription.DECODE_ERROR);
  }

  @Test
  void rejectsOddLengthOrEmptySignatureAlgorithms() {
    // RFC 5246 §7.4.4: supported_signature_algorithms<2..2^16-2> of two-byte items.
    assertAlert(() -> decode(Bytes.fromHex("01 01 0003 040105 0000"), ProtocolVersion.TLS12), AlertDescription.DECODE_ERROR);
    assertAlert(() -> decode(Bytes.fromHex("01 01 0000 0000"), ProtocolVersion.TLS12), AlertDescription.DECODE_ERROR);
  }

  @Test
  void rejectsEmptyDistinguishedNameAndTrailingBytes() {
    // RFC 5246 §7.4.4: DistinguishedName<1..2^16-1>.
    assertAlert(() -> decode(Bytes.fromHex("01 01 0002 0000"), ProtocolVersion.TLS11), AlertDescription.DECODE_ERROR);
    assertAlert(() -> decode(Bytes.concat(body(CR_TLS10, HandshakeType.CERTIFICATE_REQUEST), Bytes.of((byte) 0)),
        ProtocolVersion.TLS10), AlertDescription.DECODE_ERROR);
  }

  @Test
  void keepsUnknownCodesAndNamesThemByCode() throws Exception {
    CertificateRequest m = decode(Bytes.fromHex("02 01 07 0004 0401 fefe 0000"), ProtocolVersion.TLS12);
    assertThat(m.knownCertificateTypes()).containsExactly(ClientCertificateType.RSA_SIGN);
    assertThat(m.knownSignatureSchemes()).containsExactly(SignatureScheme.RSA_PKCS1_SHA256);
    assertThat(m.describe()).isEqualTo("CertificateRequest types=[rsa_sign,0x07] sigalgs=[rsa_pkcs1_sha256,0xfefe] cas=0");
  }
}
