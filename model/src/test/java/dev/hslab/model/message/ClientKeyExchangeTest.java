package dev.hslab.model.message;

import static dev.hslab.model.message.OpenSslCapturesB.*;
import static dev.hslab.model.message.ServerKeyExchangeTest.assertAlert;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.model.wire.TlsAlertException;
import dev.hslab.model.wire.WireReader;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Map;
import javax.crypto.Cipher;
import org.junit.jupiter.api.Test;

/** ClientKeyExchange against OpenSSL captures ({@link OpenSslCapturesB}) and its strict bounds. */
class ClientKeyExchangeTest {

  static ClientKeyExchange decode(Bytes body, ProtocolVersion v, KeyExchange kx) throws TlsAlertException {
    return ClientKeyExchange.decode(WireReader.of(body, "ClientKeyExchange"), new DecodeContext(v, kx));
  }

  private static ClientExchangeKeys decodeCapture(String hex, ProtocolVersion v, KeyExchange kx) throws TlsAlertException {
    ClientKeyExchange m = decode(body(hex, HandshakeType.CLIENT_KEY_EXCHANGE), v, kx);
    assertThat(m.encode()).as("exact re-encoding").isEqualTo(Bytes.fromHex(hex));
    return m.keys();
  }

  @Test
  void decodesRsaPremasterFromOpenSslCaptureAndItDecryptsToVersionedPremaster() throws Exception {
    ClientExchangeKeys.Rsa rsa = (ClientExchangeKeys.Rsa) decodeCapture(CKE_RSA_TLS12, ProtocolVersion.TLS12, KeyExchange.RSA);
    assertThat(rsa.lengthPrefixed()).isTrue();
    assertThat(rsa.encrypted().length()).isEqualTo(256);
    // Opening it with the throwaway server key (JDK SunJCE) proves the codec kept the exact
    // ciphertext: RFC 5246 §7.4.7.1 PreMasterSecret is client_version (3,3) then 46 random bytes.
    PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(
        new PKCS8EncodedKeySpec(Bytes.fromHex(SERVER_RSA_PKCS8).toByteArray()));
    Cipher c = Cipher.getInstance("RSA/ECB/PKCS1Padding");
    c.init(Cipher.DECRYPT_MODE, key);
    byte[] premaster = c.doFinal(rsa.encrypted().toByteArray());
    assertThat(premaster).hasSize(48);
    assertThat(premaster[0]).isEqualTo((byte) 3);
    assertThat(premaster[1]).isEqualTo((byte) 3);
  }

  @Test
  void readsSsl3RsaPremasterAsTheWholeBodyWithoutLengthPrefix() throws Exception {
    // RFC 6101 §5.6.7.1: SSL 3.0 sends the encrypted premaster bare. The TLS capture's ciphertext,
    // framed the SSL 3.0 way, is the TLS body minus its two length bytes.
    Bytes tlsBody = body(CKE_RSA_TLS12, HandshakeType.CLIENT_KEY_EXCHANGE);
    Bytes ciphertext = tlsBody.slice(2, tlsBody.length());
    ClientKeyExchange ssl3 = new ClientKeyExchange(ClientExchangeKeys.Rsa.forVersion(ProtocolVersion.SSL3, ciphertext));
    assertThat(ssl3.body()).isEqualTo(ciphertext);
    assertThat(decode(ciphertext, ProtocolVersion.SSL3, KeyExchange.RSA)).isEqualTo(ssl3);
    // The TLS body read as SSL 3.0 keeps the length bytes as ciphertext: not the same message.
    ClientKeyExchange misread = decode(tlsBody, ProtocolVersion.SSL3, KeyExchange.RSA);
    assertThat(((ClientExchangeKeys.Rsa) misread.keys()).encrypted().length()).isEqualTo(258);
    assertThat(ssl3.describe()).isEqualTo("ClientKeyExchange rsa encrypted=256B ssl3");
  }

  @Test
  void decodesDiffieHellmanPublicValuesFromOpenSslCaptures() throws Exception {
    ClientExchangeKeys.Dh dhe12 = (ClientExchangeKeys.Dh) decodeCapture(CKE_DHE_TLS12, ProtocolVersion.TLS12, KeyExchange.DHE_RSA);
    assertThat(dhe12.yc().length()).isEqualTo(256);
    ClientExchangeKeys.Dh dhe10 = (ClientExchangeKeys.Dh) decodeCapture(CKE_DHE_TLS10, ProtocolVersion.TLS10, KeyExchange.DHE_RSA);
    assertThat(dhe10.yc().length()).isEqualTo(256);
    ClientExchangeKeys.Dh anon = (ClientExchangeKeys.Dh) decodeCapture(CKE_DH_ANON_TLS12, ProtocolVersion.TLS12, KeyExchange.DH_ANON);
    assertThat(anon.yc().length()).isEqualTo(128);
    assertThat(anon.describe()).isEqualTo("dh Yc=128B");
  }

  @Test
  void decodesEcPointsFromOpenSslCaptures() throws Exception {
    ClientExchangeKeys.Ecdh x25519 = (ClientExchangeKeys.Ecdh) decodeCapture(CKE_ECDHE_X25519_TLS12, ProtocolVersion.TLS12, KeyExchange.ECDHE_RSA);
    assertThat(x25519.point().length()).isEqualTo(32);
    ClientExchangeKeys.Ecdh x25519v10 = (ClientExchangeKeys.Ecdh) decodeCapture(CKE_ECDHE_X25519_TLS10, ProtocolVersion.TLS10, KeyExchange.ECDHE_RSA);
    assertThat(x25519v10.point().length()).isEqualTo(32);
    ClientExchangeKeys.Ecdh p256 = (ClientExchangeKeys.Ecdh) decodeCapture(CKE_ECDHE_P256_TLS12, ProtocolVersion.TLS12, KeyExchange.ECDHE_ECDSA);
    assertThat(p256.point().length()).isEqualTo(65);
    assertThat(p256.point().getUnsigned(0)).isEqualTo(4);
    ClientExchangeKeys anon = decodeCapture(CKE_ECDH_ANON_TLS12, ProtocolVersion.TLS12, KeyExchange.ECDH_ANON);
    assertThat(anon.describe()).isEqualTo("ecdh point=65B");
  }

  @Test
  void decodesPskIdentitiesFromOpenSslCaptures() throws Exception {
    Bytes identity = Bytes.of("hslab-client".getBytes(StandardCharsets.US_ASCII));
    assertThat(decodeCapture(CKE_PSK_TLS12, ProtocolVersion.TLS12, KeyExchange.PSK))
        .isEqualTo(new ClientExchangeKeys.Psk(identity));
    ClientExchangeKeys.EcdhePsk ep = (ClientExchangeKeys.EcdhePsk) decodeCapture(CKE_ECDHE_PSK_TLS12, ProtocolVersion.TLS12, KeyExchange.ECDHE_PSK);
    assertThat(ep.identity()).isEqualTo(identity);
    assertThat(ep.point().length()).isEqualTo(65);
    assertThat(new ClientKeyExchange(ep).describe()).isEqualTo("ClientKeyExchange ecdhe_psk identity=12B point=65B");
  }

  @Test
  void rejectsClientKeyExchangeWithTrailingBytes() {
    Map<String, KeyExchange> captures = Map.of(CKE_RSA_TLS12, KeyExchange.RSA, CKE_DHE_TLS12, KeyExchange.DHE_RSA,
        CKE_ECDHE_P256_TLS12, KeyExchange.ECDHE_ECDSA, CKE_PSK_TLS12, KeyExchange.PSK,
        CKE_ECDHE_PSK_TLS12, KeyExchange.ECDHE_PSK);
    captures.forEach((hex, kx) -> {
      Bytes b = Bytes.concat(body(hex, HandshakeType.CLIENT_KEY_EXCHANGE), Bytes.of((byte) 0));
      assertAlert(() -> decode(b, ProtocolVersion.TLS12, kx), AlertDescription.DECODE_ERROR);
    });
  }

  @Test
  void rejectsEmptyPublicValuesWithDecodeError() {
    // RFC 8422 §5.7 ECPoint <1..2^8-1>; RFC 5246 §7.4.7.2 dh_Yc <1..2^16-1> (implicit form unsupported).
    assertAlert(() -> decode(Bytes.fromHex("00"), ProtocolVersion.TLS12, KeyExchange.ECDHE_RSA), AlertDescription.DECODE_ERROR);
    assertAlert(() -> decode(Bytes.fromHex("0000"), ProtocolVersion.TLS12, KeyExchange.DHE_RSA), AlertDescription.DECODE_ERROR);
    assertAlert(() -> decode(Bytes.EMPTY, ProtocolVersion.TLS12, KeyExchange.DHE_RSA), AlertDescription.DECODE_ERROR);
    assertAlert(() -> decode(Bytes.fromHex("0000 00"), ProtocolVersion.TLS12, KeyExchange.ECDHE_PSK), AlertDescription.DECODE_ERROR);
  }

  @Test
  void rejectsClientKeyExchangeBeforeAKeyExchangeIsNegotiated() {
    Bytes b = body(CKE_PSK_TLS12, HandshakeType.CLIENT_KEY_EXCHANGE);
    assertAlert(() -> ClientKeyExchange.decode(WireReader.of(b, "ClientKeyExchange"), DecodeContext.of(ProtocolVersion.TLS12)),
        AlertDescription.UNEXPECTED_MESSAGE);
  }
}
