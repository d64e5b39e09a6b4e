package dev.hslab.model.pki;

import dev.hslab.model.crypto.RandomSource;
import dev.hslab.model.wire.Bytes;
import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

/** Builds and signs one X.509 v3 certificate (RFC 5280 §4.1) for a {@link Profile}. */
final class CertMinter {

  /** What a certificate is for; decides its extensions. */
  enum Profile { ROOT, INTERMEDIATE, SERVER, CLIENT }

  /** The signing side: its name, public key (for the key identifier) and private key. */
  record Issuer(X500Name name, SubjectPublicKeyInfo publicKey, AsymmetricKeyParameter privateKey) {}

  private CertMinter() {}

  /**
   * @param dnsName the server's host name (SERVER only), placed in subjectAltName
   * @param rsaKey whether the subject key is RSA (a server's RSA key also enciphers)
   */
  static X509Certificate mint(Profile profile, X500Name subject, SubjectPublicKeyInfo subjectKey,
      boolean rsaKey, String dnsName, Issuer issuer, Validity validity, RandomSource random) {
    try {
      X509v3CertificateBuilder b = new X509v3CertificateBuilder(issuer.name(), serial(random),
          Date.from(validity.notBefore()), Date.from(validity.notAfter()), subject, subjectKey);
      b.addExtension(Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(keyId(subjectKey)));
      if (profile != Profile.ROOT) {
        // RFC 5280 §4.2.1.1: required except in self-signed certificates.
        b.addExtension(Extension.authorityKeyIdentifier, false,
            new AuthorityKeyIdentifier(keyId(issuer.publicKey())));
      }
      switch (profile) {
        case ROOT -> addCa(b, null);
        // pathLen 0: the intermediate may issue only end-entity certificates (RFC 5280 §4.2.1.9).
        case INTERMEDIATE -> addCa(b, 0);
        case SERVER -> {
          // RSA key exchange encrypts the premaster secret to the key (RFC 5246 §7.4.7.1), so it
          // needs keyEncipherment; (EC)DHE signs with it: digitalSignature.
          addLeaf(b, rsaKey ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment
              : KeyUsage.digitalSignature, KeyPurposeId.id_kp_serverAuth);
          // RFC 6125 §6.4.4 / CA/B Forum: clients match the DNS-ID in subjectAltName.
          b.addExtension(Extension.subjectAlternativeName, false,
              new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName)));
        }
        // CertificateVerify is a signature (RFC 5246 §7.4.8).
        case CLIENT -> addLeaf(b, KeyUsage.digitalSignature, KeyPurposeId.id_kp_clientAuth);
        default -> throw new AssertionError(profile);
      }
      Bytes der = Bytes.wrap(b.build(CertSignatures.signer(issuer.privateKey(), random)).getEncoded());
      return Jca.certificate(der);
    } catch (IOException | CertificateException e) {
      throw new IllegalStateException("cannot build certificate for " + subject, e);
    }
  }

  private static void addCa(X509v3CertificateBuilder b, Integer pathLen) throws IOException {
    // RFC 5280 §4.2.1.9: basicConstraints MUST be critical in CA certificates; §4.2.1.3:
    // keyCertSign for certificate signatures, cRLSign for CRLs; keyUsage SHOULD be critical.
    b.addExtension(Extension.basicConstraints, true,
        pathLen == null ? new BasicConstraints(true) : new BasicConstraints(pathLen));
    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
  }

  private static void addLeaf(X509v3CertificateBuilder b, int keyUsage, KeyPurposeId purpose)
      throws IOException {
    b.addExtension(Extension.basicConstraints, false, new BasicConstraints(false));
    b.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
    b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
  }

  /** RFC 5280 §4.1.2.2: a positive serial of at most 20 octets; 16 random octets here. */
  private static BigInteger serial(RandomSource random) {
    byte[] s = random.nextBytes(16);
    s[0] = (byte) ((s[0] & 0x7f) | 0x40); // positive, and never zero or shorter than 16 octets
    return new BigInteger(1, s);
  }

  /** RFC 5280 §4.2.1.2 method (1): SHA-1 of the subjectPublicKey BIT STRING's value. */
  static byte[] keyId(SubjectPublicKeyInfo key) {
    byte[] bits = key.getPublicKeyData().getBytes();
    SHA1Digest d = new SHA1Digest();
    d.update(bits, 0, bits.length);
    byte[] out = new byte[d.getDigestSize()];
    d.doFinal(out, 0);
    return out;
  }
}
