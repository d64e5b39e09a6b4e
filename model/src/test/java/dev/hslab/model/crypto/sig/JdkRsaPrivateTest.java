package dev.hslab.model.crypto.sig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hslab.model.config.Credentials;
import dev.hslab.model.crypto.RandomSource;
import dev.hslab.model.crypto.kex.RsaPremaster;
import dev.hslab.model.suite.SignatureScheme;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import java.math.BigInteger;
import org.bouncycastle.crypto.DataLengthException;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.junit.jupiter.api.Test;

/**
 * The JDK's RSA private-key operation gives exactly BouncyCastle's results: the same PKCS#1 v1.5
 * and PSS signatures (same salt from the same seed), the same premaster secrets, good or bad.
 */
class JdkRsaPrivateTest {

  private static final SigningKey JDK = SigningKey.of(Credentials.forSeed(7).serverRsa().privateKey());
  /** The same key without its CRT values: no JDK form, so BouncyCastle's blinded engine. */
  private static final SigningKey BC = bcOnly(JDK);

  private static SigningKey bcOnly(SigningKey k) {
    RSAPrivateCrtKeyParameters crt = (RSAPrivateCrtKeyParameters) k.parameters();
    return SigningKey.of(new RSAKeyParameters(true, crt.getModulus(), crt.getExponent()));
  }

  @Test
  void theKeysTakeDifferentEngines() {
    assertThat(JDK.rsaPrivate()).isInstanceOf(JdkRsaPrivate.class);
    assertThat(BC.rsaPrivate()).isInstanceOf(RSABlindedEngine.class);
    assertThat(JDK).isEqualTo(BC);
  }

  @Test
  void signaturesAreTheSameBytesAsBouncyCastlesAndVerify() throws Exception {
    RandomSource r = RandomSource.seeded(11);
    for (int i = 0; i < 20; i++) {
      Bytes digest = Bytes.wrap(r.fork("digest" + i).nextBytes(32));
      for (SignatureScheme scheme : new SignatureScheme[] {SignatureScheme.RSA_PKCS1_SHA256, SignatureScheme.RSA_PSS_RSAE_SHA256}) {
        Bytes viaJdk = Signatures.signDigest(scheme, JDK, digest, RandomSource.seeded(i));
        Bytes viaBc = Signatures.signDigest(scheme, BC, digest, RandomSource.seeded(i));
        assertThat(viaJdk).as(scheme + " #" + i).isEqualTo(viaBc);
        Signatures.verifyDigest(scheme, publicKey(), digest, viaJdk);
      }
      Bytes legacy = Bytes.wrap(r.fork("legacy" + i).nextBytes(36)); // MD5||SHA-1, TLS 1.0/1.1
      assertThat(Signatures.signLegacy(JDK, legacy, r)).isEqualTo(Signatures.signLegacy(BC, legacy, r));
    }
  }

  @Test
  void premasterDecryptionIsTheSameForGoodAndBadCiphertexts() throws Exception {
    RandomSource r = RandomSource.seeded(12);
    for (int i = 0; i < 20; i++) {
      Bytes premaster = RsaPremaster.create(ProtocolVersion.TLS12, r.fork("pm" + i));
      Bytes encrypted = RsaPremaster.encrypt(premaster, publicKey(), r.fork("enc" + i));
      if (i % 2 == 1) { // a flipped bit: bad padding, the fallback must come out the same
        byte[] b = encrypted.toByteArray();
        b[i * 7 % b.length] ^= 1;
        encrypted = Bytes.wrap(b);
      }
      Bytes viaJdk = RsaPremaster.decrypt(encrypted, JDK, ProtocolVersion.TLS12, RsaPremaster.VersionCheck.ALWAYS, RandomSource.seeded(i));
      Bytes viaBc = RsaPremaster.decrypt(encrypted, BC, ProtocolVersion.TLS12, RsaPremaster.VersionCheck.ALWAYS, RandomSource.seeded(i));
      assertThat(viaJdk).isEqualTo(viaBc);
      if (i % 2 == 0) {
        assertThat(viaJdk).isEqualTo(premaster);
      }
    }
  }

  @Test
  void anInputNotBelowTheModulusIsRefusedAsBouncyCastleDoes() {
    JdkRsaPrivate rsa = (JdkRsaPrivate) JDK.rsaPrivate();
    rsa.init(true, JDK.parameters());
    BigInteger n = ((RSAKeyParameters) JDK.parameters()).getModulus();
    byte[] tooBig = org.bouncycastle.util.BigIntegers.asUnsignedByteArray(256, n);
    assertThatThrownBy(() -> rsa.processBlock(tooBig, 0, tooBig.length)).isInstanceOf(DataLengthException.class);
    assertThatThrownBy(() -> rsa.processBlock(new byte[257], 0, 257)).isInstanceOf(DataLengthException.class);
  }

  private static VerifyingKey publicKey() {
    return VerifyingKey.of(Credentials.forSeed(7).serverRsa().leaf().getPublicKey());
  }
}
