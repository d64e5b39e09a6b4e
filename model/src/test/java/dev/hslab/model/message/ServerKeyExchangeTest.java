package dev.hslab.model.message;

import static dev.hslab.model.message.OpenSslCapturesB.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.suite.NamedGroup;
import dev.hslab.model.suite.SignatureScheme;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.model.wire.TlsAlertException;
import dev.hslab.model.wire.WireReader;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.OptionalInt;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.bouncycastle.crypto.agreement.DHStandardGroups;
import org.bouncycastle.crypto.params.DHParameters;
import org.junit.jupiter.api.Test;

/**
 * ServerKeyExchange against OpenSSL captures ({@link OpenSslCapturesB}). The signed forms are
 * also verified with the JDK's SunRsaSign/SunEC over {@code signatureInput}, which proves that
 * {@link ServerKeyExchange#signedParams()} is exactly the byte string OpenSSL signed.
 */
class ServerKeyExchangeTest {

  static ServerKeyExchange decode(Bytes body, ProtocolVersion v, KeyExchange kx) throws TlsAlertException {
    return ServerKeyExchange.decode(WireReader.of(body, "ServerKeyExchange"), new DecodeContext(v, kx));
  }

  private static ServerKeyExchange decodeCapture(String hex, ProtocolVersion v, KeyExchange kx)
      throws TlsAlertException {
    ServerKeyExchange m = decode(body(hex, HandshakeType.SERVER_KEY_EXCHANGE), v, kx);
    assertThat(m.encode()).as("exact re-encoding").isEqualTo(Bytes.fromHex(hex));
    return m;
  }

  static void assertAlert(ThrowingCallable call, AlertDescription alert) {
    assertThatThrownBy(call).isInstanceOfSatisfying(TlsAlertException.class,
        e -> assertThat(e.alert()).as(e.getMessage()).isEqualTo(alert));
  }

  private static PublicKey key(String spkiHex, String alg) throws GeneralSecurityException {
    return KeyFactory.getInstance(alg).generatePublic(new X509EncodedKeySpec(Bytes.fromHex(spkiHex).toByteArray()));
  }

  private static boolean verify(String jcaAlg, PublicKey key, Bytes data, Bytes sig) throws GeneralSecurityException {
    Signature s = Signature.getInstance(jcaAlg);
    s.initVerify(key);
    s.update(data.toByteArray());
    return s.verify(sig.toByteArray());
  }

  /** RFC 2246 §4.7 / RFC 4346 §4.7: an RSA signature before TLS 1.2 covers MD5(input) || SHA-1(input), no DigestInfo. */
  private static boolean verifyLegacyRsa(Bytes input, Bytes sig) throws GeneralSecurityException {
    byte[] md5 = MessageDigest.getInstance("MD5").digest(input.toByteArray());
    byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(input.toByteArray());
    return verify("NONEwithRSA", key(SERVER_RSA_SPKI, "RSA"), Bytes.concat(Bytes.of(md5), Bytes.of(sha1)), sig);
  }

  @Test
  void decodesDheRsaTls12FromOpenSslCaptureAndItsSignatureVerifies() throws Exception {
    ServerKeyExchange m = decodeCapture(SKE_DHE_RSA_TLS12, ProtocolVersion.TLS12, KeyExchange.DHE_RSA);
    ServerDhParams dh = (ServerDhParams) m.params();
    // OpenSSL's default temp group is RFC 3526 §3's 2048-bit MODP group; BouncyCastle's table is the cross-check.
    DHParameters modp2048 = DHStandardGroups.rfc3526_2048;
    assertThat(new BigInteger(1, dh.p().toByteArray())).isEqualTo(modp2048.getP());
    assertThat(new BigInteger(1, dh.g().toByteArray())).isEqualTo(modp2048.getG());
    assertThat(dh.ys().length()).isEqualTo(256);
    DigitallySigned sig = m.signature().orElseThrow();
    assertThat(sig.algorithm()).isEqualTo(OptionalInt.of(0x0401));
    assertThat(sig.scheme()).contains(SignatureScheme.RSA_PKCS1_SHA256);
    Bytes input = m.signatureInput(Bytes.fromHex(CLIENT_RANDOM_DHE_RSA_TLS12), Bytes.fromHex(SERVER_RANDOM_DHE_RSA_TLS12));
    assertThat(verify("SHA256withRSA", key(SERVER_RSA_SPKI, "RSA"), input, sig.signature())).isTrue();
    assertThat(m.describe()).isEqualTo("ServerKeyExchange dh p=256B g=1B Ys=256B sig=rsa_pkcs1_sha256 256B");
  }

  @Test
  void decodesDheRsaTls10FromOpenSslCaptureAndItsMd5Sha1SignatureVerifies() throws Exception {
    ServerKeyExchange m = decodeCapture(SKE_DHE_RSA_TLS10, ProtocolVersion.TLS10, KeyExchange.DHE_RSA);
    DigitallySigned sig = m.signature().orElseThrow();
    assertThat(sig.algorithm()).isEmpty();
    Bytes input = m.signatureInput(Bytes.fromHex(CLIENT_RANDOM_DHE_RSA_TLS10), Bytes.fromHex(SERVER_RANDOM_DHE_RSA_TLS10));
    assertThat(verifyLegacyRsa(input, sig.signature())).isTrue();
    assertThat(m.describe()).isEqualTo("ServerKeyExchange dh p=256B g=1B Ys=256B sig 256B");
  }

  @Test
  void decodesEcdheRsaTls10FromOpenSslCaptureAndItsMd5Sha1SignatureVerifies() throws Exception {
    ServerKeyExchange m = decodeCapture(SKE_ECDHE_RSA_TLS10, ProtocolVersion.TLS10, KeyExchange.ECDHE_RSA);
    ServerEcdhParams ec = (ServerEcdhParams) m.params();
    assertThat(ec.knownGroup()).contains(NamedGroup.X25519);
    assertThat(ec.point().length()).isEqualTo(32);
    Bytes input = m.signatureInput(Bytes.fromHex(CLIENT_RANDOM_ECDHE_RSA_TLS10), Bytes.fromHex(SERVER_RANDOM_ECDHE_RSA_TLS10));
    assertThat(verifyLegacyRsa(input, m.signature().orElseThrow().signature())).isTrue();
    // A different random must not verify: the check above is not vacuous.
    assertThat(verifyLegacyRsa(m.signatureInput(Bytes.fromHex(SERVER_RANDOM_ECDHE_RSA_TLS10),
        Bytes.fromHex(CLIENT_RANDOM_ECDHE_RSA_TLS10)), m.signature().orElseThrow().signature())).isFalse();
    assertThat(m.describe()).isEqualTo("ServerKeyExchange ecdh group=x25519 point=32B sig 256B");
  }

  @Test
  void decodesEcdheRsaTls12FromOpenSslCaptureAndItsSignatureVerifies() throws Exception {
    ServerKeyExchange m = decodeCapture(SKE_ECDHE_RSA_TLS12, ProtocolVersion.TLS12, KeyExchange.ECDHE_RSA);
    DigitallySigned sig = m.signature().orElseThrow();
    assertThat(sig.scheme()).contains(SignatureScheme.RSA_PSS_RSAE_SHA256);
    Bytes input = m.signatureInput(Bytes.fromHex(CLIENT_RANDOM_ECDHE_RSA_TLS12), Bytes.fromHex(SERVER_RANDOM_ECDHE_RSA_TLS12));
    Signature pss = Signature.getInstance("RSASSA-PSS");
    // RFC 8446 §4.2.3: rsa_pss_rsae_sha256 is PSS with SHA-256, MGF1(SHA-256), salt of 32 bytes.
    pss.setParameter(new java.security.spec.PSSParameterSpec("SHA-256", "MGF1",
        java.security.spec.MGF1ParameterSpec.SHA256, 32, 1));
    pss.initVerify(key(SERVER_RSA_SPKI, "RSA"));
    pss.update(input.toByteArray());
    assertThat(pss.verify(sig.signature().toByteArray())).isTrue();
  }

  @Test
  void decodesEcdheEcdsaTls12FromOpenSslCaptureAndItsSignatureVerifies() throws Exception {
    ServerKeyExchange m = decodeCapture(SKE_ECDHE_ECDSA_TLS12, ProtocolVersion.TLS12, KeyExchange.ECDHE_ECDSA);
    ServerEcdhParams ec = (ServerEcdhParams) m.params();
    assertThat(ec.namedGroup()).isEqualTo(NamedGroup.SECP256R1.code());
    assertThat(ec.point().length()).isEqualTo(65);
    assertThat(ec.point().getUnsigned(0)).as("uncompressed point").isEqualTo(4);
    DigitallySigned sig = m.signature().orElseThrow();
    assertThat(sig.scheme()).contains(SignatureScheme.ECDSA_SECP256R1_SHA256);
    Bytes input = m.signatureInput(Bytes.fromHex(CLIENT_RANDOM_ECDHE_ECDSA_TLS12), Bytes.fromHex(SERVER_RANDOM_ECDHE_ECDSA_TLS12));
    assertThat(verify("SHA256withECDSA", key(SERVER_EC_SPKI, "EC"), input, sig.signature())).isTrue();
    assertThat(m.signedParams()).isEqualTo(body(SKE_ECDHE_ECDSA_TLS12, HandshakeType.SERVER_KEY_EXCHANGE).slice(0, 1 + 2 + 1 + 65));
  }

  @Test
  void decodesAnonymousKeyExchangesWithoutSignatureFromOpenSslCaptures() throws Exception {
    ServerKeyExchange dh = decodeCapture(SKE_DH_ANON_TLS12, ProtocolVersion.TLS12, KeyExchange.DH_ANON);
    assertThat(dh.signature()).isEmpty();
    ServerDhParams p = (ServerDhParams) dh.params();
    // At security level 0 OpenSSL picks RFC 2409 §6.2's 1024-bit Oakley group 2 (BouncyCastle's table agrees).
    assertThat(new BigInteger(1, p.p().toByteArray())).isEqualTo(DHStandardGroups.rfc2409_1024.getP());
    assertThat(dh.describe()).isEqualTo("ServerKeyExchange dh p=128B g=1B Ys=128B");

    ServerKeyExchange ec = decodeCapture(SKE_ECDH_ANON_TLS12, ProtocolVersion.TLS12, KeyExchange.ECDH_ANON);
    assertThat(ec.signature()).isEmpty();
    assertThat(ec.describe()).isEqualTo("ServerKeyExchange ecdh group=secp256r1 point=65B");
  }

  @Test
  void decodesPskHintsFromOpenSslCaptures() throws Exception {
    ServerKeyExchange psk = decodeCapture(SKE_PSK_TLS12, ProtocolVersion.TLS12, KeyExchange.PSK);
    assertThat(psk.params()).isEqualTo(new PskIdentityHint(Bytes.of("hslab-hint".getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
    assertThat(psk.signature()).isEmpty();

    ServerKeyExchange ecdhePsk = decodeCapture(SKE_ECDHE_PSK_TLS12, ProtocolVersion.TLS12, KeyExchange.ECDHE_PSK);
    EcdhePskServerParams p = (EcdhePskServerParams) ecdhePsk.params();
    assertThat(new String(p.hint().toByteArray(), java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("hslab-hint");
    assertThat(p.ecdh().knownGroup()).contains(NamedGroup.SECP256R1);
    assertThat(ecdhePsk.describe()).isEqualTo("ServerKeyExchange ecdhe_psk hint=10B ecdh group=secp256r1 point=65B");
  }

  @Test
  void rejectsTls12ServerKeyExchangeReadAsTls10() {
    // The SignatureAndHashAlgorithm 0x0401 is taken as a 1025-byte signature length: overrun.
    Bytes b = body(SKE_DHE_RSA_TLS12, HandshakeType.SERVER_KEY_EXCHANGE);
    assertAlert(() -> decode(b, ProtocolVersion.TLS10, KeyExchange.DHE_RSA), AlertDescription.DECODE_ERROR);
    Bytes e = body(SKE_ECDHE_ECDSA_TLS12, HandshakeType.SERVER_KEY_EXCHANGE);
    assertAlert(() -> decode(e, ProtocolVersion.TLS11, KeyExchange.ECDHE_ECDSA), AlertDescription.DECODE_ERROR);
  }

  @Test
  void rejectsTls10ServerKeyExchangeReadAsTls12() {
    // The signature length is taken as the algorithm and the signature's first bytes as its length.
    Bytes b = body(SKE_ECDHE_RSA_TLS10, HandshakeType.SERVER_KEY_EXCHANGE);
    assertAlert(() -> decode(b, ProtocolVersion.TLS12, KeyExchange.ECDHE_RSA), AlertDescription.DECODE_ERROR);
    Bytes d = body(SKE_DHE_RSA_TLS10, HandshakeType.SERVER_KEY_EXCHANGE);
    assertAlert(() -> decode(d, ProtocolVersion.TLS12, KeyExchange.DHE_RSA), AlertDescription.DECODE_ERROR);
  }

  @Test
  void rejectsServerKeyExchangeWithTrailingBytes() {
    Bytes b = Bytes.concat(body(SKE_PSK_TLS12, HandshakeType.SERVER_KEY_EXCHANGE), Bytes.of((byte) 0));
    assertAlert(() -> decode(b, ProtocolVersion.TLS12, KeyExchange.PSK), AlertDescription.DECODE_ERROR);
    // An anonymous message with a signature appended is trailing bytes too (RFC 5246 §7.4.3: no signature).
    Bytes anon = Bytes.concat(body(SKE_ECDH_ANON_TLS12, HandshakeType.SERVER_KEY_EXCHANGE), Bytes.fromHex("0401 0000"));
    assertAlert(() -> decode(anon, ProtocolVersion.TLS12, KeyExchange.ECDH_ANON), AlertDescription.DECODE_ERROR);
  }

  @Test
  void rejectsExplicitCurveParametersWithIllegalParameter() {
    // RFC 8422 §5.4: explicit_prime(1) and explicit_char2(2) are deprecated; only named_curve(3).
    assertAlert(() -> decode(Bytes.fromHex("01 0017 01 04"), ProtocolVersion.TLS12, KeyExchange.ECDH_ANON),
        AlertDescription.ILLEGAL_PARAMETER);
    assertAlert(() -> decode(Bytes.fromHex("02 0017 01 04"), ProtocolVersion.TLS12, KeyExchange.ECDH_ANON),
        AlertDescription.ILLEGAL_PARAMETER);
    assertAlert(() -> decode(Bytes.fromHex("0000 01 0017 01 04"), ProtocolVersion.TLS12, KeyExchange.ECDHE_PSK),
        AlertDescription.ILLEGAL_PARAMETER);
  }

  @Test
  void rejectsEmptyPointAndEmptyDhValuesWithDecodeError() {
    // RFC 8422 §5.4 ECPoint <1..2^8-1>; RFC 5246 §7.4.3 dh_p, dh_g, dh_Ys <1..2^16-1>.
    assertAlert(() -> decode(Bytes.fromHex("03 0017 00"), ProtocolVersion.TLS12, KeyExchange.ECDH_ANON),
        AlertDescription.DECODE_ERROR);
    assertAlert(() -> decode(Bytes.fromHex("0001 17 0000 0001 05"), ProtocolVersion.TLS12, KeyExchange.DH_ANON),
        AlertDescription.DECODE_ERROR);
  }

  @Test
  void rejectsServerKeyExchangeUnderRsaOrBeforeNegotiationAsUnexpected() {
    // RFC 5246 §7.4.3: it is not legal to send a ServerKeyExchange for the RSA key exchange.
    Bytes b = body(SKE_PSK_TLS12, HandshakeType.SERVER_KEY_EXCHANGE);
    assertAlert(() -> decode(b, ProtocolVersion.TLS12, KeyExchange.RSA), AlertDescription.UNEXPECTED_MESSAGE);
    assertAlert(() -> ServerKeyExchange.decode(WireReader.of(b, "ServerKeyExchange"), DecodeContext.of(ProtocolVersion.TLS12)),
        AlertDescription.UNEXPECTED_MESSAGE);
  }

  @Test
  void fitsOnlyTheKeyExchangeAndVersionItsShapeBelongsTo() throws Exception {
    ServerKeyExchange signed12 = decode(body(SKE_ECDHE_ECDSA_TLS12, HandshakeType.SERVER_KEY_EXCHANGE),
        ProtocolVersion.TLS12, KeyExchange.ECDHE_ECDSA);
    assertThat(signed12.fits(new DecodeContext(ProtocolVersion.TLS12, KeyExchange.ECDHE_RSA))).isTrue();
    assertThat(signed12.fits(new DecodeContext(ProtocolVersion.TLS11, KeyExchange.ECDHE_ECDSA))).as("version").isFalse();
    assertThat(signed12.fits(new DecodeContext(ProtocolVersion.TLS12, KeyExchange.ECDH_ANON))).as("anon has no signature").isFalse();
    assertThat(signed12.fits(new DecodeContext(ProtocolVersion.TLS12, KeyExchange.DHE_RSA))).as("params kind").isFalse();
    assertThat(signed12.fits(new DecodeContext(ProtocolVersion.TLS12, KeyExchange.RSA))).isFalse();
    ServerKeyExchange hint = ServerKeyExchange.unsigned(new PskIdentityHint(Bytes.EMPTY));
    assertThat(hint.fits(new DecodeContext(ProtocolVersion.SSL3, KeyExchange.PSK))).isTrue();
    assertThat(ServerKeyExchange.signed(hint.params(), DigitallySigned.legacy(Bytes.EMPTY))
        .fits(new DecodeContext(ProtocolVersion.TLS10, KeyExchange.PSK))).isFalse();
  }
}
