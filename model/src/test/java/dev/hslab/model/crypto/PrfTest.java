package dev.hslab.model.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.suite.PrfHash;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class PrfTest {

  @Test
  void tls12PrfSha256MatchesIetfTlsListVector() {
    // The "TLS 1.2 PRF test vectors" posted to the IETF TLS list,
    // https://www.ietf.org/mail-archive/web/tls/current/msg03416.html (P_SHA256, 100 bytes).
    Bytes out = new Tls12Prf(PrfHash.SHA256).compute(Bytes.fromHex("9bbe436ba940f017b17652849a71db35"),
        "test label", Bytes.fromHex("a0ba9f936cda311827a6f796ffd5198c"), 100);
    assertThat(out).isEqualTo(Bytes.fromHex(
        "e3f229ba727be17b8d122620557cd453c2aab21d07c3d495329b52d4e61edb5a"
            + "6b301791e90d35c9c9a46b4e14baf9af0fa022f7077def17abfd3797c0564bab"
            + "4fbc91666e9def9b97fce34f796789baa48082d122ee42c5a72e5a5110fff701"
            + "87347b66"));
  }

  @Test
  void tls12PrfSha384MatchesIetfTlsListVector() {
    // Same source, https://www.ietf.org/mail-archive/web/tls/current/msg03416.html (P_SHA384, 148 bytes).
    Bytes out = new Tls12Prf(PrfHash.SHA384).compute(Bytes.fromHex("b80b733d6ceefcdc71566ea48e5567df"),
        "test label", Bytes.fromHex("cd665cf6a8447dd6ff8b27555edb7465"), 148);
    assertThat(out).isEqualTo(Bytes.fromHex(
        "7b0c18e9ced410ed1804f2cfa34a336a1c14dffb4900bb5fd7942107e81c83cd"
            + "e9ca0faa60be9fe34f82b1233c9146a0e534cb400fed2700884f9dc236f80edd"
            + "8bfa961144c9e8d792eca722a7b32fc3d416d473ebc2c5fd4abfdad05d918425"
            + "9b5bf8cd4d90fa0d31e2dec479e4f1a26066f2eea9a69236a3e52655c9e9aee6"
            + "91c8f3a26854308d5eaa3be85e0990703d73e56f"));
  }

  @Test
  void tls10PrfMatchesCavpMasterSecret() {
    // NIST CAVP SP 800-135 TLS KDF component test vectors, [TLS 1.0/1.1] (the vector that OpenSSL's
    // evpkdf_tls1_prf.txt and BouncyCastle's TLSKDFTest also carry): master_secret =
    // PRF(pre_master_secret, "master secret", ClientHello.random + ServerHello.random).
    Bytes out = new Tls10Prf().compute(
        Bytes.fromHex("bded7fa5c1699c010be23dd06ada3a48349f21e5f86263d512c0c5cc379f0e78"
            + "0ec55d9844b2f1db02a96453513568d0"),
        "master secret",
        Bytes.fromHex("e5acaf549cd25c22d964c0d930fa4b5261d2507fad84c33715b7b9a864020693"
            + "135e4d557fdf3aa6406d82975d5c606a9734c9334b42136e96990fbd5358cdb2"),
        48);
    assertThat(out).isEqualTo(Bytes.fromHex("2f6962dfbc744c4b2138bb6b3d33054c5ecc14f24851d9896395a44ab3964efc"
        + "2090c5bf51a0891209f46c1e1e998f62"));
  }

  @Test
  void tls10PrfSplitsAnOddSecretIntoHalvesSharingTheMiddleByte() throws GeneralSecurityException {
    // No published vector has an odd-length secret; cross-checked against an independent P_hash
    // written here over the JDK's SunJCE HmacMD5/HmacSHA1 (RFC 2246 §5: S1, S2 of ceil(L/2) bytes).
    byte[] secret = new byte[47];
    for (int i = 0; i < secret.length; i++) {
      secret[i] = (byte) (i * 7 + 1);
    }
    byte[] seed = "an odd secret".getBytes(StandardCharsets.US_ASCII);
    byte[] md5 = jcaPHash("HmacMD5", Arrays.copyOfRange(secret, 0, 24), "test label", seed, 80);
    byte[] sha = jcaPHash("HmacSHA1", Arrays.copyOfRange(secret, 23, 47), "test label", seed, 80);
    for (int i = 0; i < 80; i++) {
      md5[i] ^= sha[i];
    }
    assertThat(new Tls10Prf().compute(Bytes.of(secret), "test label", Bytes.of(seed), 80)).isEqualTo(Bytes.of(md5));
  }

  @Test
  void shorterOutputIsAPrefixOfLongerOutput() {
    // P_hash is a stream: an off-by-one in the A(i) chain or the last partial block shows here.
    Bytes secret = Bytes.fromHex("b80b733d6ceefcdc71566ea48e5567df");
    Bytes seed = Bytes.fromHex("cd665cf6a8447dd6ff8b27555edb7465");
    for (Prf prf : new Prf[] {new Tls12Prf(PrfHash.SHA256), new Tls12Prf(PrfHash.SHA384), new Tls10Prf()}) {
      Bytes longer = prf.compute(secret, "test label", seed, 150);
      for (int n : new int[] {0, 1, 12, 16, 20, 31, 32, 33, 48, 49, 100}) {
        assertThat(prf.compute(secret, "test label", seed, n)).isEqualTo(longer.slice(0, n));
      }
    }
  }

  @Test
  void factoryPicksThePrfOfTheVersionAndSuite() {
    assertThat(Prf.of(ProtocolVersion.TLS12, CipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384))
        .isEqualTo(new Tls12Prf(PrfHash.SHA384));
    assertThat(Prf.of(ProtocolVersion.TLS12, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA))
        .isEqualTo(new Tls12Prf(PrfHash.SHA256));
    assertThat(Prf.of(ProtocolVersion.TLS11, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA)).isEqualTo(new Tls10Prf());
    assertThat(Prf.of(ProtocolVersion.TLS10, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA)).isEqualTo(new Tls10Prf());
    assertThatThrownBy(() -> Prf.of(ProtocolVersion.SSL3, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsNegativeLengthAndNonAsciiLabel() {
    Prf prf = new Tls12Prf(PrfHash.SHA256);
    assertThatThrownBy(() -> prf.compute(Bytes.EMPTY, "x", Bytes.EMPTY, -1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> prf.compute(Bytes.EMPTY, "clé", Bytes.EMPTY, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  /** An independent P_hash over JCA HMAC (RFC 2246 §5), for cross-checks only. */
  static byte[] jcaPHash(String hmac, byte[] secret, String label, byte[] seed, int length)
      throws GeneralSecurityException {
    Mac mac = Mac.getInstance(hmac);
    mac.init(new SecretKeySpec(secret, hmac));
    byte[] labelSeed = concat(label.getBytes(StandardCharsets.US_ASCII), seed);
    byte[] out = new byte[length];
    byte[] a = mac.doFinal(labelSeed);
    for (int pos = 0; pos < length; ) {
      byte[] block = mac.doFinal(concat(a, labelSeed));
      int n = Math.min(block.length, length - pos);
      System.arraycopy(block, 0, out, pos, n);
      pos += n;
      a = mac.doFinal(a);
    }
    return out;
  }

  static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int off = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, off, p.length);
      off += p.length;
    }
    return out;
  }
}
