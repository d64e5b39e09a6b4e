package dev.hslab.model.pki;

import static dev.hslab.model.pki.TestCerts.HOST;
import static dev.hslab.model.pki.TestCerts.YEAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hslab.model.crypto.RandomSource;
import dev.hslab.model.pki.CertificateAuthorityTest.OpenSsl;
import dev.hslab.model.wire.Bytes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PEM export and import (RFC 7468), cross-checked with openssl, and its errors naming the file. */
class PemTest {

  private static CertificateAuthority ca;
  private static Identity server;

  @TempDir Path dir;

  @BeforeAll
  static void issue() {
    RandomSource r = RandomSource.seeded(99);
    ca = CertificateAuthority.create(KeyType.ECDSA_P256, r.fork("ca"), YEAR);
    server = ca.issueServer(HOST, KeyType.ECDSA_P256, r.fork("server"), YEAR);
  }

  @Test
  void identityRoundTripsThroughPemFiles() throws Exception {
    server.save(dir.resolve("chain.pem"), dir.resolve("key.pem"));
    Identity back = Identity.load(dir.resolve("chain.pem"), dir.resolve("key.pem"));
    assertThat(back.chainDer()).isEqualTo(server.chainDer());
    assertThat(back.privateKeyPkcs8()).isEqualTo(server.privateKeyPkcs8());
    assertThat(back).isEqualTo(server);
  }

  @Test
  void pemLayoutFollowsRfc7468() {
    String pem = Pem.encode("CERTIFICATE", server.leafDer());
    List<String> lines = pem.lines().toList();
    assertThat(lines.get(0)).isEqualTo("-----BEGIN CERTIFICATE-----");
    assertThat(lines.get(lines.size() - 1)).isEqualTo("-----END CERTIFICATE-----");
    // RFC 7468 §2: every base64 line but the last has exactly 64 characters.
    lines.subList(1, lines.size() - 2).forEach(l -> assertThat(l).hasSize(64));
    assertThat(lines.get(lines.size() - 2).length()).isBetween(1, 64);
  }

  @Test
  void openSslReadsOurFilesAndWeReadItsKeys() throws Exception {
    assumeTrue(OpenSsl.available(), "openssl not on PATH");
    server.save(dir.resolve("chain.pem"), dir.resolve("key.pem"));
    // openssl's DER of our first PEM certificate is our DER.
    OpenSsl.run(dir, "x509", "-in", "chain.pem", "-outform", "DER", "-out", "leaf.der");
    assertThat(Bytes.wrap(Files.readAllBytes(dir.resolve("leaf.der")))).isEqualTo(server.leafDer());
    // openssl derives from our PKCS#8 key the public key that is in our certificate.
    OpenSsl.run(dir, "pkey", "-in", "key.pem", "-pubout", "-outform", "DER", "-out", "pub.der");
    assertThat(Files.readAllBytes(dir.resolve("pub.der"))).isEqualTo(server.leaf().getPublicKey().getEncoded());
    // OpenSSL's traditional "EC PRIVATE KEY" form (RFC 5915) loads as the same key.
    OpenSsl.Result r = OpenSsl.run(dir, "pkey", "-in", "key.pem", "-traditional", "-out", "trad.pem");
    assertThat(r.exitCode()).isZero();
    assertThat(Files.readString(dir.resolve("trad.pem"))).contains("-----BEGIN EC PRIVATE KEY-----");
    PrivateKey trad = Pem.readPrivateKey(dir.resolve("trad.pem"));
    assertThat(Jca.matches(trad, org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(
        server.leaf().getPublicKey().getEncoded()))).isTrue();
  }

  @Test
  void garbageFileIsOneErrorNamingTheFile() throws Exception {
    Path f = dir.resolve("garbage.pem");
    Files.write(f, new byte[] {0x30, (byte) 0x82, 0x01, 0x00, 0x7f});
    assertThatThrownBy(() -> Pem.readCertificates(f)).isInstanceOf(PemException.class)
        .hasMessage(f + ": no -----BEGIN CERTIFICATE----- block");
  }

  @Test
  void brokenBlocksNameFileAndLine() throws Exception {
    Path f = dir.resolve("bad.pem");
    Files.writeString(f, "comment\n-----BEGIN CERTIFICATE-----\nMIIB\n");
    assertThatThrownBy(() -> Pem.readCertificates(f))
        .hasMessage(f + ": line 2: BEGIN CERTIFICATE without END");
    Files.writeString(f, "-----BEGIN CERTIFICATE-----\nMII!B\n-----END CERTIFICATE-----\n");
    assertThatThrownBy(() -> Pem.readCertificates(f))
        .hasMessage(f + ": line 1: CERTIFICATE block is not valid base64");
    Files.writeString(f, "-----BEGIN CERTIFICATE-----\nMIIB\n-----END PRIVATE KEY-----\n");
    assertThatThrownBy(() -> Pem.readCertificates(f))
        .hasMessage(f + ": line 3: END PRIVATE KEY does not match BEGIN CERTIFICATE");
    String notACert = Base64.getEncoder().encodeToString(new byte[] {0x30, 0x03, 0x02, 0x01, 0x05});
    Files.writeString(f, "-----BEGIN CERTIFICATE-----\n" + notACert + "\n-----END CERTIFICATE-----\n");
    assertThatThrownBy(() -> Pem.readCertificates(f))
        .isInstanceOf(PemException.class).hasMessageStartingWith(f + ": line 1: not an X.509 certificate");
  }

  @Test
  void keyErrorsNameTheFile() throws Exception {
    Path f = dir.resolve("key.pem");
    assertThatThrownBy(() -> Pem.readPrivateKey(f)).isInstanceOf(PemException.class)
        .hasMessageStartingWith(f + ": cannot read");
    Pem.writeCertificates(f, server.chain());
    assertThatThrownBy(() -> Pem.readPrivateKey(f))
        .hasMessage(f + ": expected one -----BEGIN PRIVATE KEY----- block, found 0");
    Files.writeString(f, Pem.encode("PRIVATE KEY", Bytes.fromHex("300100")));
    assertThatThrownBy(() -> Pem.readPrivateKey(f)).hasMessageStartingWith(f + ": line 1: unusable PRIVATE KEY");
  }

  @Test
  void keyOfAnotherCertificateIsRefusedNamingBothFiles() throws Exception {
    Path chain = dir.resolve("chain.pem");
    Path key = dir.resolve("key.pem");
    server.save(chain, key);
    Pem.writePrivateKey(key, ca.intermediate().privateKey());
    assertThatThrownBy(() -> Identity.load(chain, key)).isInstanceOf(PemException.class)
        .hasMessage(key + ": the private key does not belong to the leaf CN=" + HOST + " in " + chain);
  }
}
