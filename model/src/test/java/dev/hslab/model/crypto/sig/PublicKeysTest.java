package dev.hslab.model.crypto.sig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hslab.model.config.Credentials;
import java.io.IOException;
import java.math.BigInteger;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.junit.jupiter.api.Test;

/** Peer public keys: the same parameters as BouncyCastle's factory, RSA's cheap checks, no primality test. */
class PublicKeysTest {

  private static final Credentials CREDS = Credentials.forSeed(7);
  private static final BigInteger F4 = BigInteger.valueOf(65537);

  @Test
  void rsaAndEcKeysDecodeToTheFactorysParameters() throws IOException {
    byte[] rsa = CREDS.serverRsa().leaf().getPublicKey().getEncoded();
    RSAKeyParameters ours = (RSAKeyParameters) PublicKeys.decode(rsa);
    RSAKeyParameters bcs = (RSAKeyParameters) PublicKeyFactory.createKey(rsa);
    assertThat(ours.isPrivate()).isFalse();
    assertThat(ours.getModulus()).isEqualTo(bcs.getModulus());
    assertThat(ours.getExponent()).isEqualTo(bcs.getExponent());

    byte[] ec = CREDS.serverEcdsa().leaf().getPublicKey().getEncoded();
    ECPublicKeyParameters q = (ECPublicKeyParameters) PublicKeys.decode(ec);
    assertThat(q.getQ()).isEqualTo(((ECPublicKeyParameters) PublicKeyFactory.createKey(ec)).getQ());
  }

  @Test
  void aPrimeModulusIsNotTestedFor() throws IOException {
    // BouncyCastle's factory refuses it after its Miller–Rabin rounds; a verifier need not care.
    BigInteger prime = BigInteger.probablePrime(1024, new java.util.Random(1));
    byte[] spki = rsaSpki(prime, F4);
    assertThatThrownBy(() -> PublicKeyFactory.createKey(spki)).hasMessageContaining("not composite");
    assertThat(((RSAKeyParameters) PublicKeys.decode(spki)).getModulus()).isEqualTo(prime);
  }

  @Test
  void rsaKeysOutsideTheChecksAreRefusedAndGarbageDoesNotParse() {
    BigInteger n = ((RSAKeyParameters) decodeQuietly(CREDS.serverRsa().leaf().getPublicKey().getEncoded())).getModulus();
    refused(rsaSpki(n.clearBit(0), F4), "modulus must be odd");
    assertThat(decodeQuietly(rsaSpki(BigInteger.ONE.shiftLeft(511).setBit(0), F4))).isInstanceOf(RSAKeyParameters.class);
    refused(rsaSpki(BigInteger.ONE.shiftLeft(510).setBit(0), F4), "has 511");
    refused(rsaSpki(BigInteger.ONE.shiftLeft(16_384).setBit(0), F4), "has 16385");
    refused(rsaSpki(n, BigInteger.valueOf(65536)), "exponent must be odd");
    refused(rsaSpki(n, BigInteger.ONE), "exponent must be odd and 3 <= e < n");
    refused(rsaSpki(n, n.add(BigInteger.TWO)), "exponent must be odd and 3 <= e < n");
    assertThatThrownBy(() -> PublicKeys.decode(new byte[] {0x30, 0x03, 0x02, 0x01})).isInstanceOfAny(
        IOException.class, IllegalArgumentException.class);
  }

  private static void refused(byte[] spki, String message) {
    assertThatThrownBy(() -> PublicKeys.decode(spki)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  private static Object decodeQuietly(byte[] spki) {
    try {
      return PublicKeys.decode(spki);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] rsaSpki(BigInteger n, BigInteger e) {
    try {
      return new SubjectPublicKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
          new RSAPublicKey(n, e)).getEncoded();
    } catch (IOException x) {
      throw new AssertionError(x);
    }
  }
}
