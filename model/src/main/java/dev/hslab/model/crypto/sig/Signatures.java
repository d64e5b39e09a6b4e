package dev.hslab.model.crypto.sig;

import dev.hslab.model.crypto.Digests;
import dev.hslab.model.crypto.JdkDigest;
import dev.hslab.model.crypto.RandomSource;
import dev.hslab.model.suite.SignatureScheme;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.TlsAlertException;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;

/**
 * Sign and verify the {@code digitally-signed} structs of ServerKeyExchange and CertificateVerify.
 *
 * <p>TLS 1.2 (RFC 5246 §4.7, §7.4.1.4.1) names a {@link SignatureScheme}; callers pass either the
 * message or its hash under the scheme's hash. SSL 3.0, TLS 1.0 and 1.1 (RFC 2246 §7.4.3, RFC 4346
 * §7.4.3, RFC 4492 §5.4) sign a hash the transcript helper has already computed: RSA signs the
 * 36-byte MD5||SHA-1 with PKCS#1 v1.5 padding and no DigestInfo, ECDSA signs the 20-byte SHA-1.
 *
 * <p>Verification returns normally or throws decrypt_error (RFC 5246 §7.4.8, §7.2.2). A scheme that
 * does not fit the peer's key is illegal_parameter (RFC 5246 §7.2.2: "a field in the handshake was
 * ... inconsistent with other fields"); our own key not fitting our scheme is internal_error.
 * TLS 1.2 does not bind ecdsa_secp256r1_sha256 to P-256 (RFC 8446 §4.2.3 does, for TLS 1.3), so
 * the curve of an EC key is not checked against the scheme here.
 */
public final class Signatures {

  /** MD5 (16) || SHA-1 (20), RFC 2246 §7.4.3. */
  public static final int LEGACY_RSA_HASH_LENGTH = 36;
  /** SHA-1, RFC 4492 §5.4. */
  public static final int LEGACY_ECDSA_HASH_LENGTH = 20;

  private Signatures() {}

  /** TLS 1.2: hashes {@code message} with the scheme's hash and signs it. */
  public static Bytes sign(SignatureScheme scheme, SigningKey key, Bytes message, RandomSource random)
      throws TlsAlertException {
    return signDigest(scheme, key, hash(scheme, message), random);
  }

  /** TLS 1.2 over a precomputed hash (its length must be the scheme's hash length). */
  public static Bytes signDigest(
      SignatureScheme scheme, SigningKey key, Bytes digest, RandomSource random)
      throws TlsAlertException {
    if (scheme.usesRsaKey() != (key.type() == KeyAlgorithm.RSA)) {
      throw new TlsAlertException(AlertDescription.INTERNAL_ERROR,
          "our " + key.type() + " key cannot sign " + scheme.rfcName());
    }
    requireDigestLength(scheme, digest, AlertDescription.INTERNAL_ERROR);
    byte[] h = digest.toByteArray();
    byte[] sig = switch (scheme.algorithm()) {
      case RSA_PKCS1 -> RsaSignatures.signPkcs1(key, RsaSignatures.digestInfo(scheme.hash(), h), random);
      case RSA_PSS -> RsaSignatures.signPss(key, scheme.hash(), h, random);
      case ECDSA -> EcdsaSignatures.sign((ECPrivateKeyParameters) key.parameters(), scheme.hash(), h);
    };
    return Bytes.wrap(sig);
  }

  /** TLS 1.2: verifies {@code signature} over {@code message}. */
  public static void verify(SignatureScheme scheme, VerifyingKey key, Bytes message, Bytes signature)
      throws TlsAlertException {
    verifyDigest(scheme, key, hash(scheme, message), signature);
  }

  /** TLS 1.2 over a precomputed hash. */
  public static void verifyDigest(
      SignatureScheme scheme, VerifyingKey key, Bytes digest, Bytes signature)
      throws TlsAlertException {
    if (scheme.usesRsaKey() != (key.type() == KeyAlgorithm.RSA)) {
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
          scheme.rfcName() + " does not match the peer's " + key.type() + " key");
    }
    requireDigestLength(scheme, digest, AlertDescription.INTERNAL_ERROR);
    byte[] h = digest.toByteArray();
    byte[] sig = signature.toByteArray();
    switch (scheme.algorithm()) {
      case RSA_PKCS1 -> RsaSignatures.verifyPkcs1(
          (RSAKeyParameters) key.parameters(), RsaSignatures.digestInfo(scheme.hash(), h), sig);
      case RSA_PSS -> RsaSignatures.verifyPss((RSAKeyParameters) key.parameters(), scheme.hash(), h, sig);
      case ECDSA -> EcdsaSignatures.verify((ECPublicKeyParameters) key.parameters(), h, sig);
    }
  }

  /**
   * SSL 3.0–TLS 1.1: signs a precomputed hash, 36 bytes MD5||SHA-1 for RSA (PKCS#1 v1.5 block
   * type 1, no DigestInfo) or 20 bytes SHA-1 for ECDSA (RFC 6979 nonce from HMAC-SHA-1).
   */
  public static Bytes signLegacy(SigningKey key, Bytes hash, RandomSource random)
      throws TlsAlertException {
    requireLegacyLength(key.type(), hash, AlertDescription.INTERNAL_ERROR);
    byte[] h = hash.toByteArray();
    return Bytes.wrap(key.type() == KeyAlgorithm.RSA
        ? RsaSignatures.signPkcs1(key, h, random)
        : EcdsaSignatures.sign((ECPrivateKeyParameters) key.parameters(), "SHA-1", h));
  }

  /** SSL 3.0–TLS 1.1: verifies a signature over a precomputed hash (see {@link #signLegacy}). */
  public static void verifyLegacy(VerifyingKey key, Bytes hash, Bytes signature)
      throws TlsAlertException {
    requireLegacyLength(key.type(), hash, AlertDescription.INTERNAL_ERROR);
    byte[] h = hash.toByteArray();
    if (key.type() == KeyAlgorithm.RSA) {
      RsaSignatures.verifyPkcs1((RSAKeyParameters) key.parameters(), h, signature.toByteArray());
    } else {
      EcdsaSignatures.verify((ECPublicKeyParameters) key.parameters(), h, signature.toByteArray());
    }
  }

  /** The scheme's hash of {@code message}. */
  public static Bytes hash(SignatureScheme scheme, Bytes message) {
    return Bytes.wrap(Digests.digest(JdkDigest.of(scheme.hash()), message.toByteArray()));
  }

  private static void requireDigestLength(SignatureScheme scheme, Bytes digest, AlertDescription a)
      throws TlsAlertException {
    int n = JdkDigest.of(scheme.hash()).getDigestSize();
    if (digest.length() != n) {
      throw new TlsAlertException(a, scheme.rfcName() + " needs a " + n + "-byte hash, got " + digest.length());
    }
  }

  private static void requireLegacyLength(KeyAlgorithm type, Bytes hash, AlertDescription a)
      throws TlsAlertException {
    int n = type == KeyAlgorithm.RSA ? LEGACY_RSA_HASH_LENGTH : LEGACY_ECDSA_HASH_LENGTH;
    if (hash.length() != n) {
      throw new TlsAlertException(a, "legacy " + type + " signature needs a " + n + "-byte hash, got " + hash.length());
    }
  }
}
