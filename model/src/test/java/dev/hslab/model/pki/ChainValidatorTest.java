package dev.hslab.model.pki;

import static dev.hslab.model.pki.TestCerts.HOST;
import static dev.hslab.model.pki.TestCerts.NOW;
import static dev.hslab.model.pki.TestCerts.YEAR;
import static dev.hslab.model.pki.TestCerts.der;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hslab.model.crypto.RandomSource;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.TlsAlertException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each refusal of {@link ChainValidator} with the alert RFC 5246 §7.2.2 names for it. */
class ChainValidatorTest {

  private static CertificateAuthority ca;
  /** Same names as {@link #ca}, other keys: an impostor CA. */
  private static CertificateAuthority impostor;
  private static Identity server;
  private static Identity client;
  private static ChainValidator validator;

  @BeforeAll
  static void issue() {
    RandomSource r = RandomSource.seeded(42);
    ca = CertificateAuthority.create(KeyType.ECDSA_P256, r.fork("ca"), YEAR);
    impostor = CertificateAuthority.create(KeyType.ECDSA_P256, r.fork("impostor"), YEAR);
    server = ca.issueServer(HOST, KeyType.ECDSA_P256, r.fork("server"), YEAR);
    client = ca.issueClient("alice", KeyType.ECDSA_P256, r.fork("client"), YEAR);
    validator = ca.validator();
  }

  @Test
  void acceptsChainWithOrWithoutTheRoot() throws TlsAlertException {
    List<Bytes> withRoot = new ArrayList<>(server.chainDer());
    withRoot.add(ca.root().leafDer());
    ValidatedChain v = validator.validate(withRoot, PeerRole.server(HOST), NOW);
    assertThat(v.path()).isEqualTo(server.chainDer());
    assertThat(validator.validate(server.chainDer(), PeerRole.server(HOST), NOW).path()).hasSize(2);
  }

  @Test
  void validityBoundsAreInclusive() throws TlsAlertException {
    // RFC 5280 §4.1.2.5: "from notBefore through notAfter, inclusive".
    validator.validate(server.chainDer(), PeerRole.server(HOST), YEAR.notBefore());
    validator.validate(server.chainDer(), PeerRole.server(HOST), YEAR.notAfter());
    refused(server.chainDer(), PeerRole.server(HOST), YEAR.notAfter().plusSeconds(1),
        AlertDescription.CERTIFICATE_EXPIRED, "certificate 0 (CN=www.hslab.test): expired at");
  }

  @Test
  void rejectsFlippedByteInTheLeafSignature() {
    byte[] leaf = server.leafDer().toByteArray();
    leaf[leaf.length - 1] ^= 0x01; // the last byte is inside the signature value
    refused(List.of(Bytes.wrap(leaf), server.chainDer().get(1)), PeerRole.server(HOST), NOW,
        AlertDescription.BAD_CERTIFICATE, "certificate 0 (CN=www.hslab.test): signature does not verify");
  }

  /**
   * A shared validator keeps the intermediate's decoded key, never a verdict: after many good
   * chains through it (BouncyCastle has switched the key to its precomputed form), a leaf with a
   * bad signature under the same intermediate is still refused, and a good one still accepted.
   */
  @Test
  void aSharedValidatorStillChecksEverySignatureAfterManyChains() throws TlsAlertException {
    ChainValidator shared = ca.validator();
    for (int i = 0; i < 20; i++) {
      assertThat(shared.validate(server.chainDer(), PeerRole.server(HOST), NOW).path()).isEqualTo(server.chainDer());
    }
    byte[] leaf = server.leafDer().toByteArray();
    leaf[leaf.length - 1] ^= 0x01;
    assertThatThrownBy(() -> shared.validate(List.of(Bytes.wrap(leaf), server.chainDer().get(1)), PeerRole.server(HOST), NOW))
        .isInstanceOfSatisfying(TlsAlertException.class, e -> assertThat(e.alert()).isEqualTo(AlertDescription.BAD_CERTIFICATE))
        .hasMessageContaining("signature does not verify");
    assertThat(shared.validate(server.chainDer(), PeerRole.server(HOST), NOW).path()).isEqualTo(server.chainDer());
    assertThat(shared).isEqualTo(ca.validator()).isNotEqualTo(impostor.validator());
  }

  /**
   * A shared validator keeps the intermediate as parsed, never a verdict on it: once a chain
   * through it was accepted, its validity is still checked on the next chain.
   */
  @Test
  void aSharedValidatorStillChecksACachedIntermediatesValidity() throws TlsAlertException {
    CertificateAuthority shortLived = CertificateAuthority.create(KeyType.ECDSA_P256, RandomSource.seeded(11),
        Validity.starting(NOW.minus(Duration.ofDays(30)), Duration.ofDays(20)));
    Identity leaf = shortLived.issueServer(HOST, KeyType.ECDSA_P256, RandomSource.seeded(12),
        Validity.starting(NOW.minus(Duration.ofDays(60)), Duration.ofDays(365)));
    ChainValidator shared = shortLived.validator();
    Instant whileValid = NOW.minus(Duration.ofDays(20));
    assertThat(shared.validate(leaf.chainDer(), PeerRole.server(HOST), whileValid).path()).isEqualTo(leaf.chainDer());
    assertThatThrownBy(() -> shared.validate(leaf.chainDer(), PeerRole.server(HOST), NOW))
        .isInstanceOfSatisfying(TlsAlertException.class, e -> assertThat(e.alert()).isEqualTo(AlertDescription.CERTIFICATE_EXPIRED))
        .hasMessageStartingWith("certificate 1 (O=Handshake Lab,CN=Handshake Lab Intermediate CA): expired at 2025-02-19");
  }

  @Test
  void rejectsLeafSignedByAnotherKeyUnderTheSameIssuerName() {
    Identity forged = impostor.issueServer(HOST, KeyType.ECDSA_P256, RandomSource.seeded(7), YEAR);
    refused(List.of(forged.leafDer(), server.chainDer().get(1)), PeerRole.server(HOST), NOW,
        AlertDescription.BAD_CERTIFICATE, "certificate 0 (CN=www.hslab.test): signature does not verify");
  }

  @Test
  void rejectsChainFromAnUnknownRootEvenWithTheTrustedRootsName() {
    Identity forged = impostor.issueServer(HOST, KeyType.ECDSA_P256, RandomSource.seeded(7), YEAR);
    refused(forged.chainDer(), PeerRole.server(HOST), NOW, AlertDescription.UNKNOWN_CA,
        "certificate 1 (O=Handshake Lab,CN=Handshake Lab Intermediate CA): issuer "
            + "O=Handshake Lab,CN=Handshake Lab Root CA is not a trusted CA");
  }

  @Test
  void rejectsLeafWithoutItsIntermediate() {
    refused(List.of(server.leafDer()), PeerRole.server(HOST), NOW, AlertDescription.UNKNOWN_CA,
        "certificate 0 (CN=www.hslab.test): issuer O=Handshake Lab,CN=Handshake Lab Intermediate CA");
  }

  @Test
  void rejectsExpiredLeaf() {
    Identity old = ca.issueServer(HOST, KeyType.ECDSA_P256, RandomSource.seeded(1),
        Validity.starting(NOW.minus(Duration.ofDays(30)), Duration.ofDays(10)));
    refused(old.chainDer(), PeerRole.server(HOST), NOW, AlertDescription.CERTIFICATE_EXPIRED,
        "certificate 0 (CN=www.hslab.test): expired at 2025-02-09T12:00:00Z");
  }

  @Test
  void rejectsNotYetValidLeaf() {
    Identity early = ca.issueServer(HOST, KeyType.ECDSA_P256, RandomSource.seeded(1),
        Validity.starting(NOW.plus(Duration.ofDays(1)), Duration.ofDays(10)));
    refused(early.chainDer(), PeerRole.server(HOST), NOW, AlertDescription.CERTIFICATE_EXPIRED,
        "certificate 0 (CN=www.hslab.test): not valid before 2025-03-02T12:00:00Z");
  }

  @Test
  void rejectsIntermediateWithoutTheCaFlag() throws Exception {
    AsymmetricCipherKeyPair k = KeyType.ECDSA_P256.generate(RandomSource.seeded(3));
    var notCa = TestCerts.build("CN=Not A CA", TestCerts.spki(k), TestCerts.issuer(ca.root()),
        b -> b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false)));
    var leaf = TestCerts.build("CN=" + HOST, TestCerts.spki(k),
        new CertMinter.Issuer(new org.bouncycastle.asn1.x500.X500Name("CN=Not A CA"),
            TestCerts.spki(k), k.getPrivate()), b -> { });
    refused(der(leaf, notCa), PeerRole.anyServerName(), NOW, AlertDescription.BAD_CERTIFICATE,
        "certificate 1 (CN=Not A CA): issues certificates but is not a CA");
  }

  @Test
  void rejectsIssuerWhoseKeyUsageLacksKeyCertSign() throws Exception {
    AsymmetricCipherKeyPair k = KeyType.ECDSA_P256.generate(RandomSource.seeded(3));
    var inter = TestCerts.build("CN=Signer", TestCerts.spki(k), TestCerts.issuer(ca.root()), b -> {
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
    });
    var leaf = TestCerts.build("CN=" + HOST, TestCerts.spki(k), new CertMinter.Issuer(
        new org.bouncycastle.asn1.x500.X500Name("CN=Signer"), TestCerts.spki(k), k.getPrivate()), b -> { });
    refused(der(leaf, inter), PeerRole.anyServerName(), NOW, AlertDescription.BAD_CERTIFICATE,
        "certificate 1 (CN=Signer): keyUsage lacks keyCertSign");
  }

  @Test
  void rejectsSecondIntermediateUnderPathLenZero() throws Exception {
    // ca's intermediate has pathLen 0, so it may not certify another CA (RFC 5280 §4.2.1.9).
    AsymmetricCipherKeyPair k = KeyType.ECDSA_P256.generate(RandomSource.seeded(4));
    var sub = CertMinter.mint(CertMinter.Profile.INTERMEDIATE,
        new org.bouncycastle.asn1.x500.X500Name("CN=Sub CA"), TestCerts.spki(k), false, null,
        TestCerts.issuer(ca.intermediate()), YEAR, RandomSource.seeded(5));
    var leaf = CertMinter.mint(CertMinter.Profile.SERVER,
        new org.bouncycastle.asn1.x500.X500Name("CN=" + HOST), TestCerts.spki(k), false, HOST,
        new CertMinter.Issuer(new org.bouncycastle.asn1.x500.X500Name("CN=Sub CA"), TestCerts.spki(k),
            k.getPrivate()), YEAR, RandomSource.seeded(6));
    refused(der(leaf, sub, ca.intermediate().leaf()), PeerRole.server(HOST), NOW,
        AlertDescription.BAD_CERTIFICATE,
        "certificate 2 (O=Handshake Lab,CN=Handshake Lab Intermediate CA): pathLen 0 exceeded");
  }

  @Test
  void rejectsUnrecognizedCriticalExtension() throws Exception {
    AsymmetricCipherKeyPair k = KeyType.ECDSA_P256.generate(RandomSource.seeded(3));
    var leaf = TestCerts.build("CN=" + HOST, TestCerts.spki(k), TestCerts.issuer(ca.intermediate()),
        b -> b.addExtension(new ASN1ObjectIdentifier("1.3.6.1.4.1.55555.1"), true, DERNull.INSTANCE));
    refused(der(leaf, ca.intermediate().leaf()), PeerRole.anyServerName(), NOW,
        AlertDescription.UNSUPPORTED_CERTIFICATE,
        "certificate 0 (CN=www.hslab.test): unrecognized critical extension 1.3.6.1.4.1.55555.1");
  }

  @Test
  void rejectsServerLeafPresentedByAClient() {
    refused(server.chainDer(), PeerRole.client(), NOW, AlertDescription.UNSUPPORTED_CERTIFICATE,
        "certificate 0 (CN=www.hslab.test): extendedKeyUsage lacks clientAuth");
  }

  @Test
  void rejectsClientLeafPresentedByAServer() throws TlsAlertException {
    validator.validate(client.chainDer(), PeerRole.client(), NOW);
    refused(client.chainDer(), PeerRole.anyServerName(), NOW, AlertDescription.UNSUPPORTED_CERTIFICATE,
        "certificate 0 (CN=alice): extendedKeyUsage lacks serverAuth");
  }

  @Test
  void rejectsWrongHostNameButIgnoresCaseAndTheRootDot() throws TlsAlertException {
    validator.validate(server.chainDer(), PeerRole.server("WWW.Hslab.Test."), NOW);
    refused(server.chainDer(), PeerRole.server("mail.hslab.test"), NOW, AlertDescription.CERTIFICATE_UNKNOWN,
        "certificate 0 (CN=www.hslab.test): host name mail.hslab.test matches none of its "
            + "subjectAltName dNSNames [www.hslab.test]");
  }

  /** A chain of a leaf CN={@code cn} under ca's intermediate whose subjectAltName holds {@code names}. */
  private static List<Bytes> sanChain(String cn, GeneralName... names) throws Exception {
    AsymmetricCipherKeyPair k = KeyType.ECDSA_P256.generate(RandomSource.seeded(5));
    var leaf = TestCerts.build("CN=" + cn, TestCerts.spki(k), TestCerts.issuer(ca.intermediate()),
        b -> b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names)));
    return der(leaf, ca.intermediate().leaf());
  }

  @Test
  void matchesAnIpAddressAgainstTheIpAddressEntriesByteWise() throws Exception {
    List<Bytes> chain = sanChain("localhost", new GeneralName(GeneralName.dNSName, "localhost"),
        new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.iPAddress, "2001:db8::1"));
    validator.validate(chain, PeerRole.server("127.0.0.1"), NOW);
    validator.validate(chain, PeerRole.server("2001:db8::1"), NOW);
    validator.validate(chain, PeerRole.server("2001:0DB8:0:0::0001"), NOW); // same 16 bytes, other spelling
    validator.validate(chain, PeerRole.server("[2001:db8::1]"), NOW);
    validator.validate(chain, PeerRole.server("localhost"), NOW);
    refused(chain, PeerRole.server("127.0.0.2"), NOW, AlertDescription.CERTIFICATE_UNKNOWN,
        "certificate 0 (CN=localhost): IP address 127.0.0.2 matches none of its subjectAltName iPAddresses "
            + "[127.0.0.1, 2001:db8:0:0:0:0:0:1]");
    refused(chain, PeerRole.server("::1"), NOW, AlertDescription.CERTIFICATE_UNKNOWN,
        "certificate 0 (CN=localhost): IP address ::1 matches none");
  }

  @Test
  void anIpAddressNeverMatchesADnsNameNorADnsNameAnIpAddress() throws Exception {
    // RFC 6125 §6.4: "127.0.0.1" as a dNSName is no IP-ID.
    refused(sanChain("127.0.0.1", new GeneralName(GeneralName.dNSName, "127.0.0.1")), PeerRole.server("127.0.0.1"),
        NOW, AlertDescription.CERTIFICATE_UNKNOWN,
        "certificate 0 (CN=127.0.0.1): IP address 127.0.0.1 matches none of its subjectAltName iPAddresses []");
    // A host name whose address is in an iPAddress entry does not match it (no resolution).
    refused(sanChain("localhost", new GeneralName(GeneralName.iPAddress, "127.0.0.1")), PeerRole.server("localhost"),
        NOW, AlertDescription.CERTIFICATE_UNKNOWN,
        "certificate 0 (CN=localhost): host name localhost matches none of its subjectAltName dNSNames []");
  }

  @Test
  void rejectsGarbageTruncatedAndTrailingBytesAsBadCertificate() {
    Bytes inter = server.chainDer().get(1);
    Bytes leaf = server.leafDer();
    refused(List.of(Bytes.fromHex("deadbeef"), inter), PeerRole.anyServerName(), NOW,
        AlertDescription.BAD_CERTIFICATE, "certificate 0: not an X.509 certificate");
    refused(List.of(leaf.slice(0, leaf.length() - 1), inter), PeerRole.anyServerName(), NOW,
        AlertDescription.BAD_CERTIFICATE, "certificate 0: not an X.509 certificate");
    refused(List.of(leaf, Bytes.concat(inter, Bytes.of((byte) 0))), PeerRole.anyServerName(), NOW,
        AlertDescription.BAD_CERTIFICATE, "certificate 1: not an X.509 certificate");
    refused(List.of(leaf, Bytes.EMPTY), PeerRole.anyServerName(), NOW,
        AlertDescription.BAD_CERTIFICATE, "certificate 1: not an X.509 certificate");
  }

  @Test
  void everySingleBitFlipInLeafOrIntermediateIsRefusedWithoutUncheckedExceptions() {
    // Each flip must end in an alert (bad_certificate, unknown_ca, ...), never pass, never throw
    // anything unchecked.
    for (int cert = 0; cert < 2; cert++) {
      byte[] der = server.chainDer().get(cert).toByteArray();
      for (int i = 0; i < der.length; i++) {
        byte[] b = der.clone();
        b[i] ^= (byte) (1 << (i % 8));
        List<Bytes> chain = new ArrayList<>(server.chainDer());
        chain.set(cert, Bytes.wrap(b));
        assertThatThrownBy(() -> validator.validate(chain, PeerRole.server(HOST), NOW))
            .as("cert %d flip at %d", cert, i).isInstanceOf(TlsAlertException.class);
      }
    }
  }

  @Test
  void rejectsEmptyChainWithHandshakeFailure() {
    refused(List.of(), PeerRole.client(), NOW, AlertDescription.HANDSHAKE_FAILURE, "empty certificate chain");
  }

  @Test
  void keyUsageDecidesWhichKeyExchangeAServerLeafServes() throws TlsAlertException {
    Identity rsa = ca.issueServer(HOST, KeyType.RSA_2048, RandomSource.seeded(8), YEAR);
    ValidatedChain r = validator.validate(rsa.chainDer(), PeerRole.server(HOST), NOW);
    r.requireUsableFor(KeyExchange.RSA);
    r.requireUsableFor(KeyExchange.ECDHE_RSA);
    ValidatedChain ec = validator.validate(server.chainDer(), PeerRole.server(HOST), NOW);
    ec.requireUsableFor(KeyExchange.ECDHE_ECDSA);
    assertThatThrownBy(() -> ec.requireUsableFor(KeyExchange.RSA))
        .isInstanceOfSatisfying(TlsAlertException.class,
            e -> assertThat(e.alert()).isEqualTo(AlertDescription.UNSUPPORTED_CERTIFICATE))
        .hasMessage("certificate 0 (CN=www.hslab.test): keyUsage does not allow RSA key exchange");
  }

  private static void refused(List<Bytes> chain, PeerRole role, Instant now, AlertDescription alert,
      String messageStart) {
    assertThatThrownBy(() -> validator.validate(chain, role, now))
        .isInstanceOfSatisfying(TlsAlertException.class, e -> assertThat(e.alert()).isEqualTo(alert))
        .hasMessageStartingWith(messageStart);
  }
}
