package dev.hslab.model.pki;

import static dev.hslab.model.pki.TestCerts.HOST;
import static dev.hslab.model.pki.TestCerts.NOW;
import static dev.hslab.model.pki.TestCerts.YEAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hslab.model.crypto.RandomSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The CA's chains, for every key type and both roles, checked by three independent validators:
 * the JDK's PKIX CertPathValidator, openssl verify (OpenSSL 3.0 on the machine) and our own.
 */
class CertificateAuthorityTest {

  private record Issued(CertificateAuthority ca, Identity server, Identity client) {}

  private static final Map<KeyType, Issued> ISSUED = new EnumMap<>(KeyType.class);

  @BeforeAll
  static void issueOneChainPerKeyType() {
    // RSA-3072 generation is slow: every chain is issued once, seeded, for the whole class.
    for (KeyType t : KeyType.values()) {
      RandomSource r = RandomSource.seeded(2025).fork(t.name());
      CertificateAuthority ca = CertificateAuthority.create(t, r.fork("ca"), YEAR);
      ISSUED.put(t, new Issued(ca, ca.issueServer(HOST, t, r.fork("server"), YEAR),
          ca.issueClient("alice", t, r.fork("client"), YEAR)));
    }
  }

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void chainsAreAcceptedByTheJdkPkixValidator(KeyType t) throws Exception {
    Issued i = ISSUED.get(t);
    for (Identity leaf : List.of(i.server(), i.client())) {
      PKIXParameters p = new PKIXParameters(Set.of(new TrustAnchor(i.ca().rootCertificate(), null)));
      p.setRevocationEnabled(false);
      p.setDate(Date.from(NOW));
      var path = CertificateFactory.getInstance("X.509").generateCertPath(leaf.chain());
      // Throws CertPathValidatorException if the JDK refuses the path.
      CertPathValidator.getInstance("PKIX").validate(path, p);
    }
  }

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void chainsAreAcceptedByChainValidator(KeyType t) throws Exception {
    Issued i = ISSUED.get(t);
    ChainValidator v = i.ca().validator();
    ValidatedChain server = v.validate(i.server().chainDer(), PeerRole.server(HOST), NOW);
    assertThat(server.path()).isEqualTo(i.server().chainDer());
    assertThat(server.anchor()).isEqualTo(i.ca().root().leafDer());
    assertThat(server.publicKey()).isEqualTo(i.server().leaf().getPublicKey());
    assertThat(server.leafMayEncipher()).isEqualTo(t.isRsa());
    ValidatedChain client = v.validate(i.client().chainDer(), PeerRole.client(), NOW);
    assertThat(client.leafSubject()).isEqualTo("CN=alice");
  }

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void chainsAreAcceptedByOpenSslVerify(KeyType t, @TempDir Path dir) throws Exception {
    assumeTrue(OpenSsl.available(), "openssl not on PATH");
    Issued i = ISSUED.get(t);
    i.ca().saveRoot(dir.resolve("root.pem"));
    Pem.writeCertificates(dir.resolve("intermediate.pem"), i.ca().intermediate().chain());
    for (var leaf : Map.of("sslserver", i.server(), "sslclient", i.client()).entrySet()) {
      Pem.writeCertificates(dir.resolve("leaf.pem"), List.of(leaf.getValue().leaf()));
      // -purpose makes openssl check the EKU and key usage for the TLS role too.
      OpenSsl.Result r = OpenSsl.run(dir, "verify", "-attime", Long.toString(NOW.getEpochSecond()),
          "-purpose", leaf.getKey(), "-CAfile", "root.pem", "-untrusted", "intermediate.pem", "leaf.pem");
      assertThat(r.output()).isEqualTo("leaf.pem: OK\n");
      assertThat(r.exitCode()).isZero();
    }
  }

  @Test
  void openSslShowsTheKeyUsagesOfAnRsaServerLeaf(@TempDir Path dir) throws Exception {
    assumeTrue(OpenSsl.available(), "openssl not on PATH");
    Pem.writeCertificates(dir.resolve("leaf.pem"), List.of(ISSUED.get(KeyType.RSA_2048).server().leaf()));
    String text = OpenSsl.run(dir, "x509", "-noout", "-text", "-in", "leaf.pem").output();
    assertThat(text).contains("X509v3 Key Usage: critical\n                Digital Signature, Key Encipherment")
        .contains("TLS Web Server Authentication").contains("DNS:" + HOST)
        .contains("Signature Algorithm: sha256WithRSAEncryption");
  }

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void extensionsFollowTheProfile(KeyType t) throws Exception {
    Issued i = ISSUED.get(t);
    X509Certificate root = i.ca().rootCertificate();
    X509Certificate inter = i.ca().intermediate().leaf();
    X509Certificate server = i.server().leaf();
    X509Certificate client = i.client().leaf();
    String sig = t == KeyType.ECDSA_P384 ? "SHA384withECDSA" : t.isRsa() ? "SHA256withRSA" : "SHA256withECDSA";
    for (X509Certificate c : List.of(inter, server, client)) {
      assertThat(c.getSigAlgName()).isEqualTo(sig);
      // RFC 5280 §4.2.1.1: the AKI key id is the issuer's SKI.
      assertThat(aki(c)).isEqualTo(ski(c == inter ? root : inter));
    }
    assertThat(root.getBasicConstraints()).isEqualTo(Integer.MAX_VALUE); // CA, no pathLen
    assertThat(inter.getBasicConstraints()).isZero();
    assertThat(server.getBasicConstraints()).isEqualTo(-1);
    assertThat(root.getCriticalExtensionOIDs()).containsExactlyInAnyOrder(
        Extension.basicConstraints.getId(), Extension.keyUsage.getId());
    // keyUsage bits: 0 digitalSignature, 2 keyEncipherment, 5 keyCertSign, 6 cRLSign
    assertThat(usages(inter)).containsExactly(5, 6);
    assertThat(usages(server)).containsExactlyElementsOf(t.isRsa() ? List.of(0, 2) : List.of(0));
    assertThat(usages(client)).containsExactly(0);
    assertThat(server.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    assertThat(client.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
    assertThat(server.getSubjectAlternativeNames()).containsExactly(List.of(2, HOST));
    assertThat(server.getSubjectX500Principal().getName()).isEqualTo("CN=" + HOST);
    assertThat(server.getNotBefore().toInstant()).isEqualTo(YEAR.notBefore());
    assertThat(server.getNotAfter().toInstant()).isEqualTo(YEAR.notAfter());
    assertThat(server.getSerialNumber().bitLength()).isEqualTo(127);
  }

  @Test
  void sameSeedGivesIdenticalCertificatesAndKeys() {
    for (KeyType t : List.of(KeyType.RSA_2048, KeyType.ECDSA_P256)) {
      RandomSource r = RandomSource.seeded(2025).fork(t.name());
      CertificateAuthority ca = CertificateAuthority.create(t, r.fork("ca"), YEAR);
      Identity server = ca.issueServer(HOST, t, r.fork("server"), YEAR);
      Issued first = ISSUED.get(t);
      assertThat(ca.root().chainDer()).isEqualTo(first.ca().root().chainDer());
      assertThat(server.chainDer()).isEqualTo(first.server().chainDer());
      assertThat(server.privateKeyPkcs8()).isEqualTo(first.server().privateKeyPkcs8());
    }
  }

  @Test
  void differentSeedsGiveDifferentKeysAndSerials() {
    Identity a = ISSUED.get(KeyType.ECDSA_P256).server();
    CertificateAuthority ca = ISSUED.get(KeyType.ECDSA_P256).ca();
    Identity b = ca.issueServer(HOST, KeyType.ECDSA_P256, RandomSource.seeded(2026), YEAR);
    assertThat(b.leaf().getPublicKey()).isNotEqualTo(a.leaf().getPublicKey());
    assertThat(b.leaf().getSerialNumber()).isNotEqualTo(a.leaf().getSerialNumber());
    assertThat(b.chainDer().get(1)).isEqualTo(a.chainDer().get(1)); // same intermediate
  }

  private static List<Integer> usages(X509Certificate c) {
    List<Integer> bits = new ArrayList<>();
    boolean[] ku = c.getKeyUsage();
    for (int i = 0; i < ku.length; i++) {
      if (ku[i]) {
        bits.add(i);
      }
    }
    return bits;
  }

  private static byte[] ski(X509Certificate c) {
    byte[] ext = ASN1OctetString.getInstance(c.getExtensionValue(Extension.subjectKeyIdentifier.getId())).getOctets();
    return SubjectKeyIdentifier.getInstance(ext).getKeyIdentifier();
  }

  private static byte[] aki(X509Certificate c) {
    byte[] ext = ASN1OctetString.getInstance(c.getExtensionValue(Extension.authorityKeyIdentifier.getId())).getOctets();
    return AuthorityKeyIdentifier.getInstance(ext).getKeyIdentifierOctets();
  }

  /** Runs the machine's openssl; an independent implementation to cross-check against. */
  static final class OpenSsl {
    record Result(int exitCode, String output) {}

    static boolean available() {
      try {
        return new ProcessBuilder("openssl", "version").start().waitFor(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        return false;
      }
    }

    static Result run(Path dir, String... args) throws Exception {
      List<String> cmd = new ArrayList<>(List.of("openssl"));
      cmd.addAll(List.of(args));
      Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      return new Result(p.exitValue(), out);
    }
  }
}
