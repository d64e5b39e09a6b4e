package dev.hslab.model.pki;

import dev.hslab.model.crypto.JdkDigest;
import dev.hslab.model.crypto.RandomSource;
import dev.hslab.model.crypto.sig.EcdsaSigValue;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.TlsAlertException;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.Signer;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.RSADigestSigner;
import org.bouncycastle.operator.ContentSigner;

/**
 * Certificate signatures with BouncyCastle's lightweight API: RSASSA-PKCS1-v1_5 and ECDSA with
 * SHA-256/384/512 (RFC 4055 §5, RFC 5758 §3.2). SHA-1 is not accepted for certificates issued to
 * peers (RFC 9155 deprecates it in TLS 1.2 signatures; browsers refuse SHA-1 certificates).
 */
final class CertSignatures {

  private record Algorithm(boolean rsa, int hashBits) {}

  private static final Map<ASN1ObjectIdentifier, Algorithm> ALGORITHMS = Map.of(
      PKCSObjectIdentifiers.sha256WithRSAEncryption, new Algorithm(true, 256),
      PKCSObjectIdentifiers.sha384WithRSAEncryption, new Algorithm(true, 384),
      PKCSObjectIdentifiers.sha512WithRSAEncryption, new Algorithm(true, 512),
      X9ObjectIdentifiers.ecdsa_with_SHA256, new Algorithm(false, 256),
      X9ObjectIdentifiers.ecdsa_with_SHA384, new Algorithm(false, 384),
      X9ObjectIdentifiers.ecdsa_with_SHA512, new Algorithm(false, 512));

  private CertSignatures() {}

  /**
   * A signer for certificates issued with {@code key}: sha256WithRSAEncryption for RSA; for ECDSA
   * the hash matching the curve size (ecdsa-with-SHA256 for P-256, SHA384 for P-384). ECDSA uses
   * RFC 6979 deterministic nonces, so a signature depends only on key and content.
   */
  static ContentSigner signer(AsymmetricKeyParameter key, RandomSource random) {
    if (key instanceof RSAKeyParameters) {
      // RFC 4055 §5: the parameters of sha256WithRSAEncryption are NULL.
      AlgorithmIdentifier id =
          new AlgorithmIdentifier(PKCSObjectIdentifiers.sha256WithRSAEncryption, DERNull.INSTANCE);
      Signer s = new RSADigestSigner(JdkDigest.sha256());
      // The random only blinds the private operation; the signature itself is deterministic.
      s.init(true, new ParametersWithRandom(key, random.asSecureRandom()));
      return new LightweightContentSigner(id, s);
    }
    ECKeyParameters ec = (ECKeyParameters) key;
    int fieldBits = ec.getParameters().getCurve().getFieldSize();
    int hashBits = fieldBits > 384 ? 512 : fieldBits > 256 ? 384 : 256;
    // RFC 5758 §3.2: the ecdsa-with-SHA* identifiers have absent parameters.
    ASN1ObjectIdentifier oid = hashBits == 512 ? X9ObjectIdentifiers.ecdsa_with_SHA512
        : hashBits == 384 ? X9ObjectIdentifiers.ecdsa_with_SHA384 : X9ObjectIdentifiers.ecdsa_with_SHA256;
    Signer s = new DSADigestSigner(new ECDSASigner(new HMacDSAKCalculator(digest(hashBits))), digest(hashBits));
    s.init(true, key);
    return new LightweightContentSigner(new AlgorithmIdentifier(oid), s);
  }

  /**
   * Verifies {@code cert}'s signature with the issuer's key ({@code cert.tbs()}: the signed bytes
   * as they arrived).
   */
  static void verify(ParsedCert parsed, AsymmetricKeyParameter key, String subject)
      throws TlsAlertException {
    Certificate cert = parsed.cert();
    ASN1ObjectIdentifier oid = cert.getSignatureAlgorithm().getAlgorithm();
    Algorithm alg = ALGORITHMS.get(oid);
    if (alg == null) {
      // RFC 5246 §7.2.2 unsupported_certificate: "a certificate was of an unsupported type".
      throw new TlsAlertException(AlertDescription.UNSUPPORTED_CERTIFICATE,
          subject + ": signature algorithm " + oid.getId() + " not supported");
    }
    if (alg.rsa() != key instanceof RSAKeyParameters) {
      throw new TlsAlertException(AlertDescription.BAD_CERTIFICATE,
          subject + ": signature algorithm " + oid.getId() + " does not match the issuer's key type");
    }
    byte[] tbs = parsed.tbs().toByteArray();
    boolean ok;
    try {
      byte[] signature = cert.getSignature().getOctets(); // throws if not whole octets
      if (alg.rsa()) {
        Signer s = new RSADigestSigner(digest(alg.hashBits()));
        s.init(false, key);
        s.update(tbs, 0, tbs.length);
        ok = s.verifySignature(signature);
      } else {
        ok = verifyEcdsa((ECPublicKeyParameters) key, digest(alg.hashBits()), tbs, signature);
      }
    } catch (RuntimeException e) {
      ok = false;
    }
    if (!ok) {
      // RFC 5246 §7.2.2 bad_certificate: "contained signatures that did not verify correctly".
      throw new TlsAlertException(AlertDescription.BAD_CERTIFICATE,
          subject + ": signature does not verify with the issuer's key");
    }
  }

  /** RFC 5480 §2.2.3 / RFC 3279 §2.2.3: the signature BIT STRING holds a DER Ecdsa-Sig-Value. */
  private static boolean verifyEcdsa(ECPublicKeyParameters key, Digest digest, byte[] tbs, byte[] signature) {
    EcdsaSigValue rs = EcdsaSigValue.decode(signature, key.getParameters().getN());
    byte[] hash = new byte[digest.getDigestSize()];
    digest.update(tbs, 0, tbs.length);
    digest.doFinal(hash, 0);
    return rs.verifies(key, hash);
  }

  private static Digest digest(int bits) {
    return switch (bits) {
      case 384 -> JdkDigest.sha384();
      case 512 -> JdkDigest.sha512();
      default -> JdkDigest.sha256();
    };
  }
}
