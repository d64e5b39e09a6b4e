package dev.hslab.model.crypto.kex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.crypto.RandomSource;
import dev.hslab.model.crypto.kex.RsaPremaster.VersionCheck;
import dev.hslab.model.crypto.sig.SigningKey;
import dev.hslab.model.crypto.sig.VerifyingKey;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.model.wire.TlsAlertException;
import java.math.BigInteger;
import org.bouncycastle.crypto.encodings.PKCS1Encoding;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;

class RsaPremasterTest {

  // Wycheproof testvectors/rsa_pkcs1_2048_test.json (RSAES-PKCS1-v1_5 decryption), its one key.
  private static final BigInteger N = new BigInteger(
      "0b3510a2bcd4ce644c5b594ae5059e12b2f054b658d5da5959a2fdf1871b808bc3df3e628d2792e51aad5c124b43bda"
          + "453dca5cde4bcf28e7bd4effba0cb4b742bbb6d5a013cb63d1aa3a89e02627ef5398b52c0cfd97d208abeb8d7c9bce0"
          + "bbeb019a86ddb589beb29a5b74bf861075c677c81d430f030c265247af9d3c9140ccb65309d07e0adc1efd15cf17e7b"
          + "055d7da3868e4648cc3a180f0ee7f8e1e7b18098a3391b4ce7161e98d57af8a947e201a463e2d6bbca8059e5706e9df"
          + "ed8f4856465ffa712ed1aa18e888d12dc6aa09ce95ecfca83cc5b0b15db09c8647f5d524c0f2e7620a3416b9623cadc"
          + "0f097af573261c98c8400aa12af38e43cad84d", 16);
  private static final BigInteger D = new BigInteger(
      "1a502d0eea6c7b69e21d5839101f705456ed0ef852fb47fe21071f54c5f33c8ceb066c62d727e32d26c58137329f89d3"
          + "195325b795264c195d85472f7507dbd0961d2951f935a26b34f0ac24d15490e1128a9b7138915bc7dbfa8fe39635713"
          + "1c543ae9c98507368d9ceb08c1c6198a3eda7aea185a0e976cd42c22d00f003d9f19d96ea4c9afcbfe1441ccc802cfb"
          + "0689f59d804c6a4e4f404c15174745ed6cb8bc88ef0b33ba0d2a80e35e43bc90f350052e72016e75b00d357a381c9c0"
          + "d467069ca660887c987766349fcc43460b4aa516bce079edd87ba164307b752c277ed9528ad3ba0bf1877349ed3b796"
          + "6a6c240110409bf4d0fade0c68fdadd847fd", 16);
  private static final RSAKeyParameters PRIVATE = new RSAKeyParameters(true, N, D);
  private static final RSAKeyParameters PUBLIC = new RSAKeyParameters(false, N, BigInteger.valueOf(65537));
  private static final SigningKey SERVER = SigningKey.of(PRIVATE);
  private static final VerifyingKey SERVER_PUBLIC = VerifyingKey.of(PUBLIC);

  // tcId 3: msg "Test", valid.
  private static final Bytes CT_TEST = Bytes.fromHex(
      "4501b4d669e01b9ef2dc800aa1b06d49196f5a09fe8fbcd037323c60eaf027bfb98432be4e4a26c567ffec718bcbea97"
          + "7dd26812fa071c33808b4d5ebb742d9879806094b6fbeea63d25ea3141733b60e31c6912106e1b758a7fe0014f075193"
          + "faa8b4622bfd5d3013f0a32190a95de61a3604711bc62945f95a6522bd4dfed0a994ef185b28c281f7b5e4c8ed41176d"
          + "12d9fc1b837e6a0111d0132d08a6d6f0580de0c9eed8ed105531799482d1e466c68c23b0c222af7fc12ac279bc4ff57e"
          + "7b4586d209371b38c4c1035edd418dc5f960441cb21ea2bedbfea86de0d7861e81021b650a1de51002c315f1e7c12deb"
          + "e4dcebf790caaa54a2f26b149cf9e77d");
  // tcId 9: "ps is all 0", msg "Test", invalid padding.
  private static final Bytes CT_PS_ZERO = Bytes.fromHex(
      "6e0d507f66e16d4b7373a504c6d48692aaa541fdd59eeb5d4a2cd91f6000ce9b5734a232d6541a78729ac82152d3a30b"
          + "51950a24ae379a108ed20fa4ec7542fe2281c2dd5de685564d15182f3c73e9c0135ebc993f5acd240a343d3257997582"
          + "328c31be215c7349375406aa78a3ac35327226839bee2f1a4a0f8e6e06986cb33806c93e0b0c1d6cfd23f4a68c1f2a38"
          + "c74b8df70f280984a840c710c52279034d04f61e313d4bcd8b3b5c58468a44565a1acb2eefc6d49044be7163e64ed84b"
          + "5e7991ecba274a3a7ee4defb842a86ac4cbf2d3bfc9cf870ae025a3e2fbc775916a59579763c06eb84ad8edd1d03787e"
          + "609ad446de43ebed16330ab06716fa73");

  private static final byte[] FALLBACK4 = {9, 9, 9, 9};

  @Test
  void decryptsWycheproofPkcs1VectorOfExpectedLength() {
    byte[] m = RsaPremaster.decryptFixedLength(CT_TEST, SERVER, 4, FALLBACK4, RandomSource.seeded(1));
    assertThat(Bytes.wrap(m)).isEqualTo(Bytes.fromHex("54657374"));
  }

  @Test
  void wycheproofVectorOfAnotherLengthGivesFallback() {
    byte[] fallback5 = {1, 2, 3, 4, 5};
    assertThat(RsaPremaster.decryptFixedLength(CT_TEST, SERVER, 5, fallback5, RandomSource.seeded(1)))
        .isEqualTo(fallback5);
  }

  @Test
  void wycheproofInvalidPaddingGivesFallback() {
    assertThat(RsaPremaster.decryptFixedLength(CT_PS_ZERO, SERVER, 4, FALLBACK4, RandomSource.seeded(1)))
        .isEqualTo(FALLBACK4);
  }

  @Test
  void serverRecoversClientPremaster() throws TlsAlertException {
    Bytes pm = RsaPremaster.create(ProtocolVersion.TLS12, RandomSource.seeded(4));
    assertThat(pm.length()).isEqualTo(48);
    assertThat(pm.slice(0, 2)).isEqualTo(Bytes.fromHex("0303"));
    Bytes ct = RsaPremaster.encrypt(pm, SERVER_PUBLIC, RandomSource.seeded(5));
    assertThat(ct.length()).isEqualTo(256);
    assertThat(serverDecrypt(ct, ProtocolVersion.TLS12, VersionCheck.ALWAYS, 6)).isEqualTo(pm);
  }

  @Test
  void wrongVersionGivesRandomPremasterWithClientVersion() throws TlsAlertException {
    // The client put the negotiated version (TLS 1.1) where client_version (TLS 1.2) belongs.
    Bytes pm = RsaPremaster.create(ProtocolVersion.TLS11, RandomSource.seeded(4));
    Bytes ct = RsaPremaster.encrypt(pm, SERVER_PUBLIC, RandomSource.seeded(5));
    assertFallback(serverDecrypt(ct, ProtocolVersion.TLS12, VersionCheck.ALWAYS, 6), ProtocolVersion.TLS12, 6);
    // RFC 5246 §7.4.7.1: the check may not be skipped when client_version is TLS 1.1 or higher.
    assertFallback(serverDecrypt(ct, ProtocolVersion.TLS12, VersionCheck.SKIP_UP_TO_TLS10, 6),
        ProtocolVersion.TLS12, 6);
  }

  @Test
  void versionCheckMayBeSkippedForTls10Clients() throws TlsAlertException {
    Bytes pm = RsaPremaster.create(ProtocolVersion.SSL3, RandomSource.seeded(4));
    Bytes ct = RsaPremaster.encrypt(pm, SERVER_PUBLIC, RandomSource.seeded(5));
    assertThat(serverDecrypt(ct, ProtocolVersion.TLS10, VersionCheck.SKIP_UP_TO_TLS10, 6)).isEqualTo(pm);
    assertFallback(serverDecrypt(ct, ProtocolVersion.TLS10, VersionCheck.ALWAYS, 6), ProtocolVersion.TLS10, 6);
  }

  @Test
  void wrongLengthGivesRandomPremaster() throws Exception {
    for (int len : new int[] {47, 49, 0}) {
      byte[] m = new byte[len];
      if (len >= 2) {
        m[0] = 3;
        m[1] = 3;
      }
      Bytes ct = pkcs1Encrypt(m);
      assertFallback(serverDecrypt(ct, ProtocolVersion.TLS12, VersionCheck.ALWAYS, 6), ProtocolVersion.TLS12, 6);
    }
  }

  @Test
  void badPaddingGivesRandomPremaster() throws TlsAlertException {
    Bytes pm = RsaPremaster.create(ProtocolVersion.TLS12, RandomSource.seeded(4));
    int k = 256;
    // Block type 1 instead of 2; a zero byte inside PS; no separator at all.
    byte[] type1 = em(pm, (byte) 1);
    byte[] zeroInPs = em(pm, (byte) 2);
    zeroInPs[5] = 0;
    byte[] noSeparator = em(pm, (byte) 2);
    noSeparator[k - 49] = 7;
    for (byte[] e : new byte[][] {type1, zeroInPs, noSeparator}) {
      Bytes ct = rawEncrypt(e);
      assertFallback(serverDecrypt(ct, ProtocolVersion.TLS12, VersionCheck.ALWAYS, 6), ProtocolVersion.TLS12, 6);
    }
    // Sanity: the same construction with correct padding decrypts.
    assertThat(serverDecrypt(rawEncrypt(em(pm, (byte) 2)), ProtocolVersion.TLS12, VersionCheck.ALWAYS, 6))
        .isEqualTo(pm);
  }

  @Test
  void malformedCiphertextGivesRandomPremaster() throws TlsAlertException {
    Bytes tooShort = Bytes.fromHex("0102");
    Bytes notBelowN = Bytes.wrap(BigIntegers.asUnsignedByteArray(256, N));
    for (Bytes ct : new Bytes[] {tooShort, notBelowN, Bytes.EMPTY}) {
      assertFallback(serverDecrypt(ct, ProtocolVersion.TLS12, VersionCheck.ALWAYS, 6), ProtocolVersion.TLS12, 6);
    }
  }

  private static Bytes serverDecrypt(Bytes ct, ProtocolVersion v, VersionCheck check, long seed)
      throws TlsAlertException {
    return RsaPremaster.decrypt(ct, SERVER, v, check, RandomSource.seeded(seed));
  }

  /** The fallback is client_version || R, R from the first 48 bytes drawn (the first 2 replaced). */
  private static void assertFallback(Bytes got, ProtocolVersion v, long seed) {
    byte[] expected = RandomSource.seeded(seed).nextBytes(48);
    expected[0] = (byte) v.major();
    expected[1] = (byte) v.minor();
    assertThat(got).isEqualTo(Bytes.wrap(expected));
  }

  /** 0x00 || type || PS (non-zero) || 0x00 || pm, filling a 256-byte block. */
  private static byte[] em(Bytes pm, byte type) {
    byte[] e = new byte[256];
    e[1] = type;
    for (int i = 2; i < 256 - 49; i++) {
      e[i] = (byte) (0x11 + i % 200);
    }
    pm.copyTo(e, 256 - 48);
    return e;
  }

  private static Bytes rawEncrypt(byte[] em) {
    return Bytes.wrap(BigIntegers.asUnsignedByteArray(256, new BigInteger(1, em).modPow(PUBLIC.getExponent(), N)));
  }

  private static Bytes pkcs1Encrypt(byte[] m) throws Exception {
    PKCS1Encoding enc = new PKCS1Encoding(new RSABlindedEngine());
    enc.init(true, new ParametersWithRandom(PUBLIC, RandomSource.seeded(8).asSecureRandom()));
    return Bytes.wrap(enc.processBlock(m, 0, m.length));
  }
}
