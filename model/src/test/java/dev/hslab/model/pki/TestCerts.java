package dev.hslab.model.pki;

import dev.hslab.model.crypto.RandomSource;
import dev.hslab.model.wire.Bytes;
import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/** Shared instants and a builder for deliberately wrong certificates. */
final class TestCerts {

  static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
  static final Validity YEAR = Validity.around(NOW, Duration.ofDays(365));
  static final String HOST = "www.hslab.test";

  /** Extensions a test wants on a hand-built certificate. */
  interface Extensions {
    void add(X509v3CertificateBuilder b) throws IOException;
  }

  private TestCerts() {}

  static SubjectPublicKeyInfo spki(AsymmetricCipherKeyPair keys) throws IOException {
    return SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(keys.getPublic());
  }

  static CertMinter.Issuer issuer(Identity id) {
    X509Certificate c = id.leaf();
    return new CertMinter.Issuer(X500Name.getInstance(c.getSubjectX500Principal().getEncoded()),
        SubjectPublicKeyInfo.getInstance(c.getPublicKey().getEncoded()), Jca.lightweight(id.privateKey()));
  }

  /** A certificate with exactly the given extensions, signed by {@code issuer}. */
  static X509Certificate build(String subject, SubjectPublicKeyInfo key, CertMinter.Issuer issuer,
      Extensions extensions) throws Exception {
    X509v3CertificateBuilder b = new X509v3CertificateBuilder(issuer.name(), BigInteger.valueOf(4242),
        Date.from(YEAR.notBefore()), Date.from(YEAR.notAfter()), new X500Name(subject), key);
    extensions.add(b);
    RandomSource r = RandomSource.seeded(1);
    return Jca.certificate(Bytes.wrap(b.build(CertSignatures.signer(issuer.privateKey(), r)).getEncoded()));
  }

  static List<Bytes> der(X509Certificate... certs) {
    return java.util.Arrays.stream(certs).map(Jca::encoded).toList();
  }
}
