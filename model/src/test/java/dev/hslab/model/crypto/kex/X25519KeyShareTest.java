package dev.hslab.model.crypto.kex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hslab.model.crypto.RandomSource;
import dev.hslab.model.suite.NamedGroup;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.TlsAlertException;
import org.junit.jupiter.api.Test;

class X25519KeyShareTest {

  @Test
  void computesRfc7748Section52ScalarMultiplication() throws TlsAlertException {
    // RFC 7748 §5.2, first test vector (input scalar, input u-coordinate, output u-coordinate).
    X25519KeyShare share = X25519KeyShare.fromPrivate(
        Bytes.fromHex("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4"));
    Bytes out = share.agree(Bytes.fromHex("e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c"));
    assertThat(out).isEqualTo(Bytes.fromHex("c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552"));
  }

  @Test
  void reproducesRfc7748Section61AliceAndBob() throws TlsAlertException {
    // RFC 7748 §6.1: both public keys and the shared secret, in both directions.
    X25519KeyShare alice = X25519KeyShare.fromPrivate(
        Bytes.fromHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));
    X25519KeyShare bob = X25519KeyShare.fromPrivate(
        Bytes.fromHex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"));
    assertThat(alice.publicValue())
        .isEqualTo(Bytes.fromHex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"));
    assertThat(bob.publicValue())
        .isEqualTo(Bytes.fromHex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f"));
    Bytes shared = Bytes.fromHex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
    assertThat(alice.agree(bob.publicValue())).isEqualTo(shared);
    assertThat(bob.agree(alice.publicValue())).isEqualTo(shared);
  }

  @Test
  void matchesWycheproofNormalCase() throws TlsAlertException {
    // Wycheproof testvectors/x25519_test.json tcId 1 ("normal case").
    X25519KeyShare share = X25519KeyShare.fromPrivate(
        Bytes.fromHex("c8a9d5a91091ad851c668b0736c1c9a02936c0d3ad62670858088047ba057475"));
    assertThat(share.agree(Bytes.fromHex("504a36999f489cd2fdbc08baff3d88fa00569ba986cba22548ffde80f9806829")))
        .isEqualTo(Bytes.fromHex("436a2c040cf45fea9b29a0cb81b1f41458f863d0d61b453d0a982720d6d61320"));
  }

  @Test
  void rejectsLowOrderPointGivingAllZeroSecretWithHandshakeFailure() {
    // Wycheproof x25519_test.json tcId 32 ("public key = 1", shared secret all zero);
    // RFC 8422 §5.11 / RFC 7748 §6.1: abort on an all-zero result.
    X25519KeyShare share = X25519KeyShare.fromPrivate(
        Bytes.fromHex("48232e8972b61c7e61930eb9450b5070eae1c670475685541f0476217e48184f"));
    assertThatThrownBy(() -> share.agree(
            Bytes.fromHex("0100000000000000000000000000000000000000000000000000000000000000")))
        .isInstanceOfSatisfying(TlsAlertException.class,
            e -> assertThat(e.alert()).isEqualTo(AlertDescription.HANDSHAKE_FAILURE));
  }

  @Test
  void rejectsPublicValueOfWrongLengthWithIllegalParameter() {
    KeyShare share = KeyShare.generate(NamedGroup.X25519, RandomSource.seeded(1));
    assertThatThrownBy(() -> share.agree(Bytes.fromHex("09")))
        .isInstanceOfSatisfying(TlsAlertException.class,
            e -> assertThat(e.alert()).isEqualTo(AlertDescription.ILLEGAL_PARAMETER));
  }

  @Test
  void seededSharesAreReproducibleAndAgree() throws TlsAlertException {
    KeyShare a = KeyShare.generate(NamedGroup.X25519, RandomSource.seeded(5).fork("client"));
    KeyShare b = KeyShare.generate(NamedGroup.X25519, RandomSource.seeded(5).fork("server"));
    KeyShare again = KeyShare.generate(NamedGroup.X25519, RandomSource.seeded(5).fork("client"));
    assertThat(again.publicValue()).isEqualTo(a.publicValue());
    assertThat(a.publicValue()).isNotEqualTo(b.publicValue());
    assertThat(a.agree(b.publicValue())).isEqualTo(b.agree(a.publicValue())).extracting(Bytes::length).isEqualTo(32);
  }
}
