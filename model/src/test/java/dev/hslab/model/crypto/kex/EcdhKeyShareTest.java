package dev.hslab.model.crypto.kex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hslab.model.crypto.RandomSource;
import dev.hslab.model.suite.NamedGroup;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.TlsAlertException;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class EcdhKeyShareTest {

  // NIST CAVP, CAVS 14.1 "ECC CDH Primitive (SP800-56A Section 5.7.1.2)" test vectors
  // (KAS ECC CDH, ecccdhtestvectors.zip), [P-256] COUNT = 0 and [P-384] COUNT = 0.
  private static final String P256_D = "7d7dc5f71eb29ddaf80d6214632eeae03d9058af1fb6d22ed80badb62bc1a534";
  private static final String P256_QIUT = "04"
      + "ead218590119e8876b29146ff89ca61770c4edbbf97d38ce385ed281d8a6b230"
      + "28af61281fd35e2fa7002523acc85a429cb06ee6648325389f59edfce1405141";
  private static final String P256_QCAVS = "04"
      + "700c48f77f56584c5cc632ca65640db91b6bacce3a4df6b42ce7cc838833d287"
      + "db71e509e3fd9b060ddb20ba5c51dcc5948d46fbf640dfe0441782cab85fa4ac";
  private static final String P256_Z = "46fc62106420ff012e54a434fbdd2d25ccc5852060561e68040dd7778997bd7b";

  private static final String P384_D =
      "3cc3122a68f0d95027ad38c067916ba0eb8c38894d22e1b15618b6818a661774ad463b205da88cf699ab4d43c9cf98a1";
  private static final String P384_QIUT = "04"
      + "9803807f2f6d2fd966cdd0290bd410c0190352fbec7ff6247de1302df86f25d34fe4a97bef60cff548355c015dbb3e5f"
      + "ba26ca69ec2f5b5d9dad20cc9da711383a9dbe34ea3fa5a2af75b46502629ad54dd8b7d73a8abb06a3a3be47d650cc99";
  private static final String P384_QCAVS = "04"
      + "a7c76b970c3b5fe8b05d2838ae04ab47697b9eaf52e764592efda27fe7513272734466b400091adbf2d68c58e0c50066"
      + "ac68f19f2e1cb879aed43a9969b91a0839c4c38a49749b661efedf243451915ed0905a32b060992b468c64766fc8437a";
  private static final String P384_Z =
      "5f9d29dc5e31a163060356213669c8ce132e22f57c9a04f40ba7fcead493b457e5621e766c40a2e3d4d6a04b25e533f1";

  @Test
  void reproducesNistCdhVectorOnP256() throws TlsAlertException {
    EcdhKeyShare share = EcdhKeyShare.fromPrivate(NamedGroup.SECP256R1, new BigInteger(P256_D, 16));
    assertThat(share.publicValue()).isEqualTo(Bytes.fromHex(P256_QIUT));
    assertThat(share.agree(Bytes.fromHex(P256_QCAVS))).isEqualTo(Bytes.fromHex(P256_Z));
  }

  @Test
  void reproducesNistCdhVectorOnP384() throws TlsAlertException {
    EcdhKeyShare share = EcdhKeyShare.fromPrivate(NamedGroup.SECP384R1, new BigInteger(P384_D, 16));
    assertThat(share.publicValue()).isEqualTo(Bytes.fromHex(P384_QIUT));
    assertThat(share.agree(Bytes.fromHex(P384_QCAVS))).isEqualTo(Bytes.fromHex(P384_Z));
  }

  @Test
  void rejectsCompressedPointWithIllegalParameter() {
    // RFC 8422 §5.4.1: only uncompressed points; the P-256 generator in compressed form.
    EcdhKeyShare share = EcdhKeyShare.fromPrivate(NamedGroup.SECP256R1, new BigInteger(P256_D, 16));
    assertIllegalParameter(share,
        Bytes.fromHex("036b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296"));
  }

  @Test
  void rejectsPointOffTheCurveWithIllegalParameter() {
    EcdhKeyShare share = EcdhKeyShare.fromPrivate(NamedGroup.SECP256R1, new BigInteger(P256_D, 16));
    byte[] bad = Bytes.fromHex(P256_QCAVS).toByteArray();
    bad[64] ^= 1; // y no longer satisfies the curve equation
    assertIllegalParameter(share, Bytes.wrap(bad));
    assertIllegalParameter(share, Bytes.wrap(new byte[65]));
    assertIllegalParameter(share, Bytes.fromHex("00")); // the point at infinity
  }

  @Test
  void rejectsP384PointOnP256Share() {
    EcdhKeyShare share = EcdhKeyShare.fromPrivate(NamedGroup.SECP256R1, new BigInteger(P256_D, 16));
    assertIllegalParameter(share, Bytes.fromHex(P384_QCAVS));
  }

  @Test
  void generatedSharesAgreeOnFixedLengthX() throws TlsAlertException {
    for (NamedGroup g : new NamedGroup[] {NamedGroup.SECP256R1, NamedGroup.SECP384R1}) {
      RandomSource r = RandomSource.seeded(11);
      KeyShare a = KeyShare.generate(g, r);
      KeyShare b = KeyShare.generate(g, r);
      assertThat(a.publicValue().length()).isEqualTo(1 + 2 * g.fieldLength());
      Bytes z = a.agree(b.publicValue());
      assertThat(z).isEqualTo(b.agree(a.publicValue()));
      assertThat(z.length()).isEqualTo(g.fieldLength()); // RFC 8422 §5.10: fixed length
    }
  }

  private static void assertIllegalParameter(KeyShare share, Bytes peer) {
    assertThatThrownBy(() -> share.agree(peer))
        .isInstanceOfSatisfying(TlsAlertException.class,
            e -> assertThat(e.alert()).isEqualTo(AlertDescription.ILLEGAL_PARAMETER));
  }
}
