package dev.hslab.model.crypto.sig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hslab.model.crypto.RandomSource;
import dev.hslab.model.suite.SignatureScheme;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.TlsAlertException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import javax.crypto.Cipher;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class SignaturesTest {

  private static final Bytes MSG_TEST = Bytes.fromHex("54657374"); // "Test"
  private static final Bytes SAMPLE = Bytes.wrap("sample".getBytes(StandardCharsets.US_ASCII));

  @Test
  void rsaPkcs1Sha256MatchesWycheproofSignature() throws Exception {
    // Wycheproof testvectors/rsa_sig_gen_misc_test.json, SHA-256 group (1024-bit key), tcId 19.
    PrivateKey priv = rsaKey(SigVectors.RSA_SHA256_PKCS8);
    Bytes expected = Bytes.fromHex(SigVectors.RSA_SHA256_TC19_SIG);
    Bytes sig = Signatures.sign(SignatureScheme.RSA_PKCS1_SHA256, SigningKey.of(priv), MSG_TEST, rnd());
    assertThat(sig).isEqualTo(expected);
    VerifyingKey pub = VerifyingKey.of(rsaPublic(priv));
    Signatures.verify(SignatureScheme.RSA_PKCS1_SHA256, pub, MSG_TEST, sig);
    assertDecryptError(() -> Signatures.verify(SignatureScheme.RSA_PKCS1_SHA256, pub, MSG_TEST, flip(sig, 7)));
    assertDecryptError(() -> Signatures.verify(SignatureScheme.RSA_PKCS1_SHA256, pub, Bytes.fromHex("54657375"), sig));
    // The same signature under another hash is not valid.
    assertDecryptError(() -> Signatures.verify(SignatureScheme.RSA_PKCS1_SHA384, pub, MSG_TEST, sig));
  }

  @Test
  void rsaPkcs1Sha384MatchesWycheproofSignature() throws Exception {
    // Wycheproof testvectors/rsa_sig_gen_misc_test.json, SHA-384 group (1024-bit key), tcId 27.
    PrivateKey priv = rsaKey(SigVectors.RSA_SHA384_PKCS8);
    Bytes sig = Signatures.sign(SignatureScheme.RSA_PKCS1_SHA384, SigningKey.of(priv), MSG_TEST, rnd());
    assertThat(sig).isEqualTo(Bytes.fromHex(SigVectors.RSA_SHA384_TC27_SIG));
    Signatures.verify(SignatureScheme.RSA_PKCS1_SHA384, VerifyingKey.of(rsaPublic(priv)), MSG_TEST, sig);
  }

  @Test
  void rsaPssVerifiesWycheproofVectorAndRejectsTampering() throws TlsAlertException {
    // Wycheproof testvectors/rsa_pss_2048_sha256_mgf1_32_test.json, tcId 3 (valid).
    VerifyingKey pub = VerifyingKey.of(new RSAKeyParameters(false,
        new BigInteger(SigVectors.PSS_N, 16), BigInteger.valueOf(65537)));
    Bytes sig = Bytes.fromHex(SigVectors.PSS_TC3_SIG);
    Signatures.verify(SignatureScheme.RSA_PSS_RSAE_SHA256, pub, MSG_TEST, sig);
    assertDecryptError(() -> Signatures.verify(SignatureScheme.RSA_PSS_RSAE_SHA256, pub, MSG_TEST, flip(sig, 100)));
    assertDecryptError(() -> Signatures.verify(SignatureScheme.RSA_PSS_RSAE_SHA256, pub, MSG_TEST, sig.slice(1, 256)));
  }

  @Test
  void rsaPssSignsWithSeededSaltAndVerifies() throws Exception {
    PrivateKey priv = rsaKey(SigVectors.RSA_SHA256_PKCS8);
    SigningKey key = SigningKey.of(priv);
    VerifyingKey pub = VerifyingKey.of(rsaPublic(priv));
    Bytes a = Signatures.sign(SignatureScheme.RSA_PSS_RSAE_SHA256, key, SAMPLE, RandomSource.seeded(1));
    Bytes b = Signatures.sign(SignatureScheme.RSA_PSS_RSAE_SHA256, key, SAMPLE, RandomSource.seeded(2));
    assertThat(a).isNotEqualTo(b); // the salt is random
    assertThat(Signatures.sign(SignatureScheme.RSA_PSS_RSAE_SHA256, key, SAMPLE, RandomSource.seeded(1))).isEqualTo(a);
    Signatures.verify(SignatureScheme.RSA_PSS_RSAE_SHA256, pub, SAMPLE, a);
    Signatures.verify(SignatureScheme.RSA_PSS_RSAE_SHA256, pub, SAMPLE, b);
    // Cross-check: the JDK's RSASSA-PSS verifier accepts our signature.
    Signature jdk = Signature.getInstance("RSASSA-PSS");
    jdk.setParameter(new java.security.spec.PSSParameterSpec("SHA-256", "MGF1",
        java.security.spec.MGF1ParameterSpec.SHA256, 32, 1));
    jdk.initVerify(rsaPublic(priv));
    jdk.update(SAMPLE.toByteArray());
    assertThat(jdk.verify(a.toByteArray())).isTrue();
  }

  @Test
  void ecdsaP256MatchesRfc6979DeterministicSignature() throws Exception {
    // RFC 6979 A.2.5: P-256, SHA-256, message "sample"; r and s as a DER Ecdsa-Sig-Value.
    KeyPair rfc6979 = rfc6979P256();
    PrivateKey priv = rfc6979.getPrivate();
    PublicKey pub = rfc6979.getPublic();
    Bytes sig = Signatures.sign(SignatureScheme.ECDSA_SECP256R1_SHA256, SigningKey.of(priv), SAMPLE, rnd());
    assertThat(sig).isEqualTo(Bytes.fromHex("3046"
        + "022100efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716"
        + "022100f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8"));
    VerifyingKey vk = VerifyingKey.of(pub);
    Signatures.verify(SignatureScheme.ECDSA_SECP256R1_SHA256, vk, SAMPLE, sig);
    assertDecryptError(() -> Signatures.verify(SignatureScheme.ECDSA_SECP256R1_SHA256, vk, SAMPLE, flip(sig, 40)));
    // Not DER (trailing byte): decrypt_error, not an exception.
    assertDecryptError(() -> Signatures.verify(SignatureScheme.ECDSA_SECP256R1_SHA256, vk, SAMPLE,
        Bytes.concat(sig, Bytes.fromHex("00"))));
  }

  @Test
  void ecdsaP384MatchesRfc6979DeterministicSignature() throws Exception {
    // RFC 6979 A.2.6: P-384, SHA-384, message "sample".
    ECParameterSpec spec = ecSpec("secp384r1");
    PrivateKey priv = KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(new BigInteger(
        "6B9D3DAD2E1B8C1C05B19875B6659F4DE23C3B667BF297BA9AA47740787137D896D5724E4C70A825F872C9EA60D2EDF5", 16), spec));
    PublicKey pub = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(
        new BigInteger("EC3A4E415B4E19A4568618029F427FA5DA9A8BC4AE92E02E06AAE5286B300C64DEF8F0EA9055866064A254515480BC13", 16),
        new BigInteger("8015D9B72D7D57244EA8EF9AC0C621896708A59367F9DFB9F54CA84B3F1C9DB1288B231C3AE0D4FE7344FD2533264720", 16)),
        spec));
    Bytes sig = Signatures.sign(SignatureScheme.ECDSA_SECP384R1_SHA384, SigningKey.of(priv), SAMPLE, rnd());
    assertThat(sig).isEqualTo(Bytes.fromHex("3066"
        + "02310094edbb92a5ecb8aad4736e56c691916b3f88140666ce9fa73d64c4ea95ad133c81a648152e44acf96e36dd1e80fabe46"
        + "02310099ef4aeb15f178cea1fe40db2603138f130e740a19624526203b6351d0a3a94fa329c145786e679e7b82c71a38628ac8"));
    Signatures.verify(SignatureScheme.ECDSA_SECP384R1_SHA384, VerifyingKey.of(pub), SAMPLE, sig);
  }

  @Test
  void legacyRsaSignatureEqualsJdkPkcs1EncryptionWithPrivateKey() throws Exception {
    // Cross-check (no published vector for TLS 1.0's MD5||SHA-1 signature): PKCS#1 v1.5 block type 1
    // without DigestInfo is what the JDK's Cipher RSA/ECB/PKCS1Padding produces with a private key.
    PrivateKey priv = rsaKey(SigVectors.RSA_SHA256_PKCS8);
    Bytes hash = Bytes.concat(
        Bytes.wrap(MessageDigest.getInstance("MD5").digest(SAMPLE.toByteArray())),
        Bytes.wrap(MessageDigest.getInstance("SHA-1").digest(SAMPLE.toByteArray())));
    Bytes sig = Signatures.signLegacy(SigningKey.of(priv), hash, rnd());
    Cipher c = Cipher.getInstance("RSA/ECB/PKCS1Padding");
    c.init(Cipher.ENCRYPT_MODE, priv);
    assertThat(sig).isEqualTo(Bytes.wrap(c.doFinal(hash.toByteArray())));
    VerifyingKey pub = VerifyingKey.of(rsaPublic(priv));
    Signatures.verifyLegacy(pub, hash, sig);
    assertDecryptError(() -> Signatures.verifyLegacy(pub, hash, flip(sig, 3)));
    // A TLS 1.2 signature (with DigestInfo) is not a legacy one.
    Bytes tls12 = Signatures.sign(SignatureScheme.RSA_PKCS1_SHA1, SigningKey.of(priv), SAMPLE, rnd());
    assertDecryptError(() -> Signatures.verifyLegacy(pub, hash, tls12));
  }

  @Test
  void legacyEcdsaSignsSha1HashAcceptedByJdk() throws Exception {
    // Cross-check with the JDK's SunEC NONEwithECDSA over the same 20-byte SHA-1 hash.
    KeyPair rfc6979 = rfc6979P256();
    PrivateKey priv = rfc6979.getPrivate();
    PublicKey pub = rfc6979.getPublic();
    Bytes hash = Bytes.wrap(MessageDigest.getInstance("SHA-1").digest(SAMPLE.toByteArray()));
    Bytes sig = Signatures.signLegacy(SigningKey.of(priv), hash, rnd());
    Signature jdk = Signature.getInstance("NONEwithECDSA");
    jdk.initVerify(pub);
    jdk.update(hash.toByteArray());
    assertThat(jdk.verify(sig.toByteArray())).isTrue();
    Signatures.verifyLegacy(VerifyingKey.of(pub), hash, sig);
  }

  @Test
  void schemeNotMatchingPeerKeyIsIllegalParameter() throws Exception {
    PrivateKey priv = rsaKey(SigVectors.RSA_SHA256_PKCS8);
    Bytes sig = Signatures.sign(SignatureScheme.RSA_PKCS1_SHA256, SigningKey.of(priv), MSG_TEST, rnd());
    assertThatThrownBy(() -> Signatures.verify(SignatureScheme.ECDSA_SECP256R1_SHA256,
            VerifyingKey.of(rsaPublic(priv)), MSG_TEST, sig))
        .isInstanceOfSatisfying(TlsAlertException.class,
            e -> assertThat(e.alert()).isEqualTo(AlertDescription.ILLEGAL_PARAMETER));
    assertThatThrownBy(() -> Signatures.sign(SignatureScheme.ECDSA_SECP256R1_SHA256, SigningKey.of(priv), MSG_TEST, rnd()))
        .isInstanceOfSatisfying(TlsAlertException.class,
            e -> assertThat(e.alert()).isEqualTo(AlertDescription.INTERNAL_ERROR));
  }

  @Test
  void signDigestEqualsSignOfMessage() throws Exception {
    SigningKey key = SigningKey.of(rsaKey(SigVectors.RSA_SHA384_PKCS8));
    Bytes digest = Signatures.hash(SignatureScheme.RSA_PKCS1_SHA384, MSG_TEST);
    assertThat(Signatures.signDigest(SignatureScheme.RSA_PKCS1_SHA384, key, digest, rnd()))
        .isEqualTo(Bytes.fromHex(SigVectors.RSA_SHA384_TC27_SIG));
  }

  private static RandomSource rnd() {
    return RandomSource.seeded(42);
  }

  private static Bytes flip(Bytes b, int index) {
    byte[] x = b.toByteArray();
    x[index] ^= 0x01;
    return Bytes.wrap(x);
  }

  private static void assertDecryptError(Executable e) {
    assertThatThrownBy(e::execute).isInstanceOfSatisfying(TlsAlertException.class,
        t -> assertThat(t.alert()).isEqualTo(AlertDescription.DECRYPT_ERROR));
  }

  private static PrivateKey rsaKey(String pkcs8Hex) throws Exception {
    return KeyFactory.getInstance("RSA")
        .generatePrivate(new PKCS8EncodedKeySpec(Bytes.fromHex(pkcs8Hex).toByteArray()));
  }

  private static PublicKey rsaPublic(PrivateKey priv) throws Exception {
    RSAPrivateCrtKey k = (RSAPrivateCrtKey) priv;
    return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(k.getModulus(), k.getPublicExponent()));
  }

  private static ECParameterSpec ecSpec(String curve) throws Exception {
    AlgorithmParameters p = AlgorithmParameters.getInstance("EC");
    p.init(new ECGenParameterSpec(curve));
    return p.getParameterSpec(ECParameterSpec.class);
  }

  /** RFC 6979 A.2.5: the P-256 key pair of the deterministic-signature vectors. */
  private static KeyPair rfc6979P256() throws Exception {
    ECParameterSpec spec = ecSpec("secp256r1");
    KeyFactory ec = KeyFactory.getInstance("EC");
    PrivateKey priv = ec.generatePrivate(new ECPrivateKeySpec(
        new BigInteger("C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721", 16), spec));
    PublicKey pub = ec.generatePublic(new ECPublicKeySpec(new ECPoint(
        new BigInteger("60FED4BA255A9D31C961EB74C6356D68C049B8923B61FA6CE669622E60F29FB6", 16),
        new BigInteger("7903FE1008B8BC99A41AE9E95628BC64F2F1B20C2D7E9F5177A3C294D4462299", 16)), spec));
    return new KeyPair(pub, priv);
  }
}
