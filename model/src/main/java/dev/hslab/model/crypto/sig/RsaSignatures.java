package dev.hslab.model.crypto.sig;

import dev.hslab.model.crypto.JdkDigest;
import dev.hslab.model.crypto.RandomSource;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.TlsAlertException;
import java.io.IOException;
import java.security.MessageDigest;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.bouncycastle.crypto.AsymmetricBlockCipher;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.DataLengthException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.encodings.PKCS1Encoding;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.PSSSigner;

/** RSASSA-PKCS1-v1_5 (with or without DigestInfo) and RSASSA-PSS over a precomputed hash. */
final class RsaSignatures {

  private RsaSignatures() {}

  /** RFC 8017 §9.2 step 2: DigestInfo ::= SEQUENCE { AlgorithmIdentifier (params NULL), hash }. */
  static byte[] digestInfo(String hashName, byte[] hash) {
    try {
      AlgorithmIdentifier alg = new AlgorithmIdentifier(digestOid(hashName), DERNull.INSTANCE);
      return new DigestInfo(alg, hash).getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new IllegalStateException("DER encoding of DigestInfo failed", e);
    }
  }

  /** RFC 8017 §9.2 note 1: the DigestInfo algorithm identifiers. */
  private static ASN1ObjectIdentifier digestOid(String hashName) {
    return switch (hashName) {
      case "SHA-1" -> OIWObjectIdentifiers.idSHA1;
      case "SHA-256" -> NISTObjectIdentifiers.id_sha256;
      case "SHA-384" -> NISTObjectIdentifiers.id_sha384;
      default -> throw new IllegalArgumentException("no digest " + hashName);
    };
  }

  /**
   * PKCS#1 v1.5 block type 1 over {@code payload}: a DigestInfo for TLS 1.2, or the bare 36-byte
   * MD5||SHA-1 for SSL 3.0–TLS 1.1 (RFC 2246 §7.4.3: "digitally-signed ... without DigestInfo").
   */
  static byte[] signPkcs1(SigningKey key, byte[] payload, RandomSource random) {
    PKCS1Encoding enc = new PKCS1Encoding(key.rsaPrivate());
    enc.init(true, new ParametersWithRandom(key.parameters(), random.asSecureRandom()));
    try {
      return enc.processBlock(payload, 0, payload.length);
    } catch (InvalidCipherTextException | DataLengthException e) {
      throw new IllegalStateException("payload too long for the RSA key", e);
    }
  }

  static void verifyPkcs1(RSAKeyParameters key, byte[] payload, byte[] signature)
      throws TlsAlertException {
    requireModulusLength(key, signature);
    PKCS1Encoding enc = new PKCS1Encoding(new RSABlindedEngine());
    enc.init(false, key);
    byte[] recovered;
    try {
      recovered = enc.processBlock(signature, 0, signature.length);
    } catch (InvalidCipherTextException | DataLengthException e) {
      throw bad("RSA PKCS#1 signature padding invalid");
    }
    // Compare the whole encoding, never parse it: no BER leniency (Bleichenbacher 2006).
    if (!MessageDigest.isEqual(recovered, payload)) {
      throw bad("RSA PKCS#1 signature does not match");
    }
  }

  /** RFC 8446 §4.2.3: rsa_pss_rsae_*: MGF1 with the same hash, salt as long as the hash. */
  static byte[] signPss(SigningKey key, String hashName, byte[] hash, RandomSource random) {
    PSSSigner s = pss(key.rsaPrivate(), hashName);
    s.init(true, new ParametersWithRandom(key.parameters(), random.asSecureRandom()));
    s.update(hash, 0, hash.length);
    try {
      return s.generateSignature();
    } catch (CryptoException e) {
      throw new IllegalStateException("RSA-PSS signing failed", e);
    }
  }

  static void verifyPss(RSAKeyParameters key, String hashName, byte[] hash, byte[] signature)
      throws TlsAlertException {
    requireModulusLength(key, signature);
    PSSSigner s = pss(new RSABlindedEngine(), hashName);
    s.init(false, key);
    s.update(hash, 0, hash.length);
    boolean ok;
    try {
      ok = s.verifySignature(signature);
    } catch (RuntimeException e) {
      ok = false;
    }
    if (!ok) {
      throw bad("RSA-PSS signature does not verify");
    }
  }

  private static PSSSigner pss(AsymmetricBlockCipher rsa, String hashName) {
    int saltLength = JdkDigest.of(hashName).getDigestSize();
    return PSSSigner.createRawSigner(rsa, JdkDigest.of(hashName),
        JdkDigest.of(hashName), saltLength, PSSSigner.TRAILER_IMPLICIT);
  }

  /** RFC 8017 §8.2.2 step 1: a signature must be exactly k bytes long. */
  private static void requireModulusLength(RSAKeyParameters key, byte[] signature)
      throws TlsAlertException {
    int k = (key.getModulus().bitLength() + 7) / 8;
    if (signature.length != k) {
      throw bad("RSA signature is " + signature.length + " bytes, modulus is " + k);
    }
  }

  /** RFC 5246 §7.4.8 / §7.2.2: a signature that does not verify is decrypt_error. */
  static TlsAlertException bad(String why) {
    return new TlsAlertException(AlertDescription.DECRYPT_ERROR, why);
  }
}
