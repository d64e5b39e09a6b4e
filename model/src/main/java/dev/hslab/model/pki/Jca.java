package dev.hslab.model.pki;

import dev.hslab.model.wire.Bytes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * Conversions between BouncyCastle's lightweight keys, DER and the JDK's own JCA objects. Only the
 * JDK providers are used (no provider is registered: that would be global state).
 */
final class Jca {

  private Jca() {}

  static X509Certificate certificate(Bytes der) throws CertificateException {
    return (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(der.toByteArray()));
  }

  static Bytes encoded(X509Certificate cert) {
    try {
      return Bytes.wrap(cert.getEncoded());
    } catch (CertificateException e) {
      throw new IllegalArgumentException("certificate cannot be encoded", e);
    }
  }

  /** A JCA private key from PKCS#8 DER (RFC 5208); RSA and EC only. */
  static PrivateKey privateKey(Bytes pkcs8) throws GeneralSecurityException {
    PrivateKeyInfo info;
    try {
      info = PrivateKeyInfo.getInstance(pkcs8.toByteArray());
    } catch (RuntimeException e) {
      throw new GeneralSecurityException("not a PKCS#8 PrivateKeyInfo", e);
    }
    var oid = info.getPrivateKeyAlgorithm().getAlgorithm();
    String alg = oid.equals(PKCSObjectIdentifiers.rsaEncryption) ? "RSA"
        : oid.equals(X9ObjectIdentifiers.id_ecPublicKey) ? "EC" : null;
    if (alg == null) {
      throw new GeneralSecurityException("unsupported private key algorithm " + oid.getId());
    }
    return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(pkcs8.toByteArray()));
  }

  static PrivateKey privateKey(AsymmetricKeyParameter key) {
    try {
      return privateKey(Bytes.wrap(PrivateKeyInfoFactory.createPrivateKeyInfo(key).getEncoded()));
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("the JDK refused a generated key", e);
    }
  }

  static AsymmetricKeyParameter lightweight(PrivateKey key) {
    try {
      return PrivateKeyFactory.createKey(key.getEncoded());
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("unsupported private key " + key.getAlgorithm(), e);
    }
  }

  /** Whether {@code privateKey} is the private half of {@code publicKey}. */
  static boolean matches(PrivateKey privateKey, SubjectPublicKeyInfo publicKey) {
    AsymmetricKeyParameter pub;
    AsymmetricKeyParameter priv;
    try {
      pub = PublicKeyFactory.createKey(publicKey);
      priv = lightweight(privateKey);
    } catch (IOException | RuntimeException e) {
      return false;
    }
    if (priv instanceof RSAPrivateCrtKeyParameters p && pub instanceof RSAKeyParameters q) {
      return p.getModulus().equals(q.getModulus()) && p.getPublicExponent().equals(q.getExponent());
    }
    if (priv instanceof RSAKeyParameters p && pub instanceof RSAKeyParameters q) {
      return p.getModulus().equals(q.getModulus());
    }
    if (priv instanceof ECPrivateKeyParameters p && pub instanceof ECPublicKeyParameters q) {
      var g = p.getParameters().getG();
      return p.getParameters().getCurve().equals(q.getParameters().getCurve())
          && new FixedPointCombMultiplier().multiply(g, p.getD()).normalize().equals(q.getQ());
    }
    return false;
  }
}
