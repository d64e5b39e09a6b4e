package dev.hslab.model.crypto.kex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hslab.model.crypto.RandomSource;
import dev.hslab.model.suite.NamedGroup;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.TlsAlertException;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.DHPrivateKeySpec;
import javax.crypto.spec.DHPublicKeySpec;
import org.bouncycastle.crypto.agreement.DHStandardGroups;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;

class DhKeyShareTest {

  /**
   * RFC 7919 Appendix A.1/A.2 define each prime as p = 2^b - 2^(b-64) + {[2^(b-130) e] + X} * 2^64 - 1
   * (X = 560316 for ffdhe2048, 2625351 for ffdhe3072). Computing that from e here checks our hex
   * independently of where it was copied from; BouncyCastle's DHStandardGroups is a second copy.
   */
  @Test
  void ffdhePrimesMatchRfc7919Definition() {
    assertRfc7919Prime(DhGroup.FFDHE2048, 2048, 560316, DHStandardGroups.rfc7919_ffdhe2048.getP());
    assertRfc7919Prime(DhGroup.FFDHE3072, 3072, 2625351, DHStandardGroups.rfc7919_ffdhe3072.getP());
  }

  private static void assertRfc7919Prime(DhGroup g, int b, int x, BigInteger bcCopy) {
    BigInteger floorE = floorTwoPowTimesE(b - 130);
    BigInteger p = BigInteger.ONE.shiftLeft(b).subtract(BigInteger.ONE.shiftLeft(b - 64))
        .add(floorE.add(BigInteger.valueOf(x)).shiftLeft(64)).subtract(BigInteger.ONE);
    assertThat(g.p()).isEqualTo(p).isEqualTo(bcCopy);
    assertThat(g.p().bitLength()).isEqualTo(b);
    assertThat(g.length()).isEqualTo(b / 8);
    assertThat(g.g()).isEqualTo(BigInteger.TWO);
    // Safe prime: p and q = (p-1)/2 both prime (RFC 7919 Appendix A).
    assertThat(g.p().isProbablePrime(16)).isTrue();
    assertThat(g.p().shiftRight(1).isProbablePrime(16)).isTrue();
  }

  /** floor(2^n * e) from the series e = sum 1/k!, with 64 guard bits. */
  private static BigInteger floorTwoPowTimesE(int n) {
    BigInteger term = BigInteger.ONE.shiftLeft(n + 64);
    BigInteger sum = BigInteger.ZERO;
    for (int k = 1; term.signum() > 0; k++) {
      sum = sum.add(term);
      term = term.divide(BigInteger.valueOf(k));
    }
    return sum.shiftRight(64);
  }

  /**
   * Cross-check (no published ffdhe agreement vector exists): our agreement against the JDK's
   * SunJCE KeyAgreement("DH") on the same keys. The seed search finds keys whose Z has a leading
   * zero byte, which RFC 5246 §8.1.2 strips and the JDK keeps (it pads to the modulus length).
   */
  @Test
  void agreementMatchesJdkKeyAgreementAndStripsLeadingZeros() throws Exception {
    DhGroup g = DhGroup.FFDHE2048;
    RandomSource r = RandomSource.seeded(2048);
    for (int i = 0; ; i++) {
      BigInteger xa = new BigInteger(256, r.asSecureRandom()).setBit(255);
      BigInteger xb = new BigInteger(256, r.asSecureRandom()).setBit(255);
      DhKeyShare a = DhKeyShare.fromPrivate(g, xa);
      DhKeyShare b = DhKeyShare.fromPrivate(g, xb);
      Bytes ours = a.agree(b.publicValue());
      assertThat(b.agree(a.publicValue())).isEqualTo(ours);
      byte[] jdk = jdkAgree(g, xa, new BigInteger(1, b.publicValue().toByteArray()));
      assertThat(jdk).hasSize(g.length());
      int zeros = 0;
      while (jdk[zeros] == 0) {
        zeros++;
      }
      assertThat(ours).isEqualTo(Bytes.of(jdk, zeros, jdk.length - zeros));
      if (zeros > 0) {
        assertThat(ours.length()).isLessThan(g.length());
        return;
      }
      assertThat(i).as("no leading-zero Z within 2000 tries").isLessThan(2000);
    }
  }

  private static byte[] jdkAgree(DhGroup g, BigInteger x, BigInteger peerY) throws Exception {
    KeyFactory kf = KeyFactory.getInstance("DH");
    PrivateKey priv = kf.generatePrivate(new DHPrivateKeySpec(x, g.p(), g.g()));
    PublicKey pub = kf.generatePublic(new DHPublicKeySpec(peerY, g.p(), g.g()));
    KeyAgreement ka = KeyAgreement.getInstance("DH");
    ka.init(priv);
    ka.doPhase(pub, true);
    return ka.generateSecret();
  }

  @Test
  void rejectsPeerValuesOutsideOneToPMinusOne() {
    DhKeyShare share = (DhKeyShare) KeyShare.generate(NamedGroup.FFDHE2048, RandomSource.seeded(3));
    BigInteger p = DhGroup.FFDHE2048.p();
    for (BigInteger y : new BigInteger[] {BigInteger.ZERO, BigInteger.ONE, p.subtract(BigInteger.ONE), p}) {
      assertThatThrownBy(() -> share.agree(Bytes.wrap(BigIntegers.asUnsignedByteArray(y))))
          .isInstanceOfSatisfying(TlsAlertException.class,
              e -> assertThat(e.alert()).isEqualTo(AlertDescription.ILLEGAL_PARAMETER));
    }
    assertThatThrownBy(() -> share.agree(Bytes.EMPTY)).isInstanceOf(TlsAlertException.class);
  }

  @Test
  void generatedShareUsesShortExponentAndAgrees() throws TlsAlertException {
    RandomSource r = RandomSource.seeded(9);
    KeyShare a = KeyShare.generate(NamedGroup.FFDHE3072, r);
    KeyShare b = KeyShare.generate(NamedGroup.FFDHE3072, r);
    assertThat(a.agree(b.publicValue())).isEqualTo(b.agree(a.publicValue()));
    assertThat(((DhKeyShare) a).group()).isSameAs(DhGroup.FFDHE3072);
  }

  @Test
  void serverParamsBelow1024BitsAreInsufficientSecurity() {
    BigInteger p512 = BigInteger.probablePrime(512, new java.util.Random(1));
    assertThatThrownBy(() -> DhGroup.fromServerParams(
            Bytes.wrap(BigIntegers.asUnsignedByteArray(p512)), Bytes.fromHex("02")))
        .isInstanceOfSatisfying(TlsAlertException.class,
            e -> assertThat(e.alert()).isEqualTo(AlertDescription.INSUFFICIENT_SECURITY));
  }

  @Test
  void serverParamsAbove8192BitsOrBadGeneratorAreIllegalParameter() {
    Bytes huge = Bytes.wrap(BigIntegers.asUnsignedByteArray(BigInteger.ONE.shiftLeft(8192).add(BigInteger.ONE)));
    Bytes p = Bytes.wrap(BigIntegers.asUnsignedByteArray(DhGroup.FFDHE2048.p()));
    Bytes pMinusOne = Bytes.wrap(BigIntegers.asUnsignedByteArray(DhGroup.FFDHE2048.p().subtract(BigInteger.ONE)));
    for (Bytes[] pg : new Bytes[][] {{huge, Bytes.fromHex("02")}, {p, Bytes.fromHex("01")}, {p, pMinusOne},
        {pMinusOne, Bytes.fromHex("02")}}) {
      assertThatThrownBy(() -> DhGroup.fromServerParams(pg[0], pg[1]))
          .isInstanceOfSatisfying(TlsAlertException.class,
              e -> assertThat(e.alert()).isEqualTo(AlertDescription.ILLEGAL_PARAMETER));
    }
  }

  @Test
  void serverParamsOfFfdhe2048AreRecognised() throws TlsAlertException {
    DhGroup g = DhGroup.fromServerParams(
        Bytes.wrap(BigIntegers.asUnsignedByteArray(DhGroup.FFDHE2048.p())), Bytes.fromHex("02"));
    assertThat(g).isSameAs(DhGroup.FFDHE2048);
  }
}
