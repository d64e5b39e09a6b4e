package dev.hslab.model.pki;

import dev.hslab.model.crypto.RandomSource;
import dev.hslab.model.pki.CertMinter.Issuer;
import dev.hslab.model.pki.CertMinter.Profile;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/**
 * A two-level certificate authority: a self-signed root and an intermediate (pathLen 0) that
 * issues server and client leaves, each leaf chain being {@code [leaf, intermediate]}.
 *
 * <p>Deterministic: every key and serial number comes from the {@link RandomSource} passed in, the
 * validity from the {@link Validity} passed in, so a seeded source gives the same certificates
 * byte for byte. Nothing is cached; the values are immutable, so callers keep and reuse them.
 *
 * @param root the root's self-signed certificate and key (the peer's trust anchor)
 * @param intermediate the intermediate's certificate (chain {@code [intermediate]}) and key
 */
public record CertificateAuthority(Identity root, Identity intermediate) {

  private static final Pattern DNS_NAME =
      Pattern.compile("(?i)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

  /** A CA named "Handshake Lab Root CA" / "Handshake Lab Intermediate CA". */
  public static CertificateAuthority create(KeyType keyType, RandomSource random, Validity validity) {
    return create("Handshake Lab", keyType, random, validity);
  }

  /**
   * A new root and intermediate, both with {@code keyType} keys. The root's and the
   * intermediate's draws come from separate forks of {@code random}, so each is stable alone.
   */
  public static CertificateAuthority create(
      String name, KeyType keyType, RandomSource random, Validity validity) {
    RandomSource r = random.fork("root");
    AsymmetricCipherKeyPair rootKeys = keyType.generate(r);
    X500Name rootName = caName(name + " Root CA", name);
    Issuer self = new Issuer(rootName, spki(rootKeys), rootKeys.getPrivate());
    X509Certificate rootCert = CertMinter.mint(
        Profile.ROOT, rootName, self.publicKey(), keyType.isRsa(), null, self, validity, r);
    Identity root = Identity.of(List.of(rootCert), Jca.privateKey(rootKeys.getPrivate()));

    RandomSource i = random.fork("intermediate");
    AsymmetricCipherKeyPair interKeys = keyType.generate(i);
    X500Name interName = caName(name + " Intermediate CA", name);
    X509Certificate interCert = CertMinter.mint(Profile.INTERMEDIATE, interName, spki(interKeys),
        keyType.isRsa(), null, self, validity, i);
    return new CertificateAuthority(
        root, Identity.of(List.of(interCert), Jca.privateKey(interKeys.getPrivate())));
  }

  public X509Certificate rootCertificate() {
    return root.leaf();
  }

  /** A ChainValidator trusting this CA's root. */
  public ChainValidator validator() {
    return new ChainValidator(List.of(rootCertificate()));
  }

  /**
   * A server leaf for {@code hostName} (subjectAltName dNSName and CN), serverAuth, with
   * digitalSignature and, for RSA keys, keyEncipherment; chain {@code [leaf, intermediate]}.
   */
  public Identity issueServer(String hostName, KeyType keyType, RandomSource random, Validity validity) {
    if (!DNS_NAME.matcher(hostName).matches() || hostName.length() > 253) {
      throw new IllegalArgumentException("not a DNS host name: " + hostName);
    }
    return issue(Profile.SERVER, hostName, keyType, random, validity);
  }

  /** A client leaf with CN {@code commonName}, clientAuth and digitalSignature. */
  public Identity issueClient(String commonName, KeyType keyType, RandomSource random, Validity validity) {
    return issue(Profile.CLIENT, commonName, keyType, random, validity);
  }

  /** Writes the root certificate as PEM (the {@code -CAfile} of openssl). */
  public void saveRoot(java.nio.file.Path file) throws IOException {
    Pem.writeCertificates(file, root.chain());
  }

  private Identity issue(Profile profile, String cn, KeyType keyType, RandomSource random, Validity validity) {
    AsymmetricCipherKeyPair keys = keyType.generate(random);
    X509Certificate interCert = intermediate.leaf();
    Issuer issuer = new Issuer(
        X500Name.getInstance(interCert.getSubjectX500Principal().getEncoded()),
        SubjectPublicKeyInfo.getInstance(interCert.getPublicKey().getEncoded()),
        Jca.lightweight(intermediate.privateKey()));
    X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, cn).build();
    X509Certificate leaf = CertMinter.mint(profile, subject, spki(keys), keyType.isRsa(),
        profile == Profile.SERVER ? cn : null, issuer, validity, random);
    return Identity.of(List.of(leaf, interCert), Jca.privateKey(keys.getPrivate()));
  }

  private static X500Name caName(String cn, String org) {
    return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, org).addRDN(BCStyle.CN, cn).build();
  }

  private static SubjectPublicKeyInfo spki(AsymmetricCipherKeyPair keys) {
    try {
      return SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(keys.getPublic());
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode a generated public key", e);
    }
  }
}
