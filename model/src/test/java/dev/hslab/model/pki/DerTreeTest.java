package dev.hslab.model.pki;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.config.Credentials;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.StrictDer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;

/**
 * DerTree against BouncyCastle's parser, on real certificates and on every one-byte change of them
 * that is still DER: the same refusals, the same trees, and the same certificate read from them
 * (names, validity, extensions as ParsedCert reads them).
 */
class DerTreeTest {

  private static final Credentials CREDS = Credentials.forSeed(7);

  @Test
  void buildsTheTreeBouncyCastlesParserBuilds() {
    Random random = new Random(6);
    List<Bytes> certs = new ArrayList<>();
    certs.addAll(CREDS.serverRsa().chainDer());
    certs.addAll(CREDS.serverEcdsa().chainDer());
    certs.addAll(CREDS.clientRsa().chainDer());
    int compared = 0;
    int certificates = 0;
    for (Bytes cert : certs) {
      byte[] good = cert.toByteArray();
      assertThat(read(DerTreeTest::ours, good)).isEqualTo(read(ASN1Primitive::fromByteArray, good)).startsWith("certificate");
      for (int i = 0; i < good.length; i++) {
        for (int v : new int[] {0x00, 0x01, 0x7f, 0x80, 0xff, random.nextInt(256), (good[i] & 0xff) ^ (1 << (i % 8))}) {
          byte[] m = good.clone();
          m[i] = (byte) v;
          if (StrictDer.problem(m) != null) {
            continue; // ParsedCert hands these to BouncyCastle's parser, as before
          }
          compared++;
          String ours = read(DerTreeTest::ours, m);
          assertThat(ours).as(HexFormat.of().formatHex(m)).isEqualTo(read(ASN1Primitive::fromByteArray, m));
          if (ours.startsWith("certificate")) {
            certificates++;
          }
        }
      }
    }
    assertThat(compared).isGreaterThan(10_000);
    assertThat(certificates).isGreaterThan(5_000);
  }

  private interface Parser {
    ASN1Primitive parse(byte[] der) throws IOException;
  }

  private static ASN1Primitive ours(byte[] der) throws IOException {
    return DerTree.parse(der);
  }

  /** What a parser makes of {@code der}, as a string that is equal exactly when the readings are. */
  private static String read(Parser parser, byte[] der) {
    ASN1Primitive p;
    try {
      p = parser.parse(der);
    } catch (IOException | RuntimeException e) {
      return "refused";
    }
    StringBuilder out = new StringBuilder();
    try {
      out.append(HexFormat.of().formatHex(p.getEncoded(ASN1Encoding.DER))).append(' ').append(p.getClass().getSimpleName());
    } catch (IOException | RuntimeException e) {
      return "unencodable";
    }
    Certificate c;
    try {
      c = Certificate.getInstance(p);
    } catch (RuntimeException e) {
      return "not a certificate " + out;
    }
    out.insert(0, "certificate ");
    for (Step step : List.<Step>of(
        () -> c.getSubject().toString(), () -> c.getIssuer().toString(),
        () -> c.getStartDate().getDate().toString(), () -> c.getEndDate().getDate().toString(),
        () -> String.valueOf(c.getSignatureAlgorithm().equals(c.getTBSCertificate().getSignature())),
        () -> c.getSubjectPublicKeyInfo().getAlgorithm().getAlgorithm().getId(),
        () -> Arrays.toString(c.getTBSCertificate().getExtensions().getCriticalExtensionOIDs()),
        () -> String.valueOf(BasicConstraints.fromExtensions(c.getTBSCertificate().getExtensions())),
        () -> String.valueOf(KeyUsage.fromExtensions(c.getTBSCertificate().getExtensions())),
        () -> String.valueOf(ExtendedKeyUsage.fromExtensions(c.getTBSCertificate().getExtensions())),
        () -> String.valueOf(GeneralNames.fromExtensions(c.getTBSCertificate().getExtensions(),
            Extension.subjectAlternativeName)),
        () -> String.valueOf(extensionCount(c.getTBSCertificate().getExtensions())))) {
      try {
        out.append(" | ").append(step.run());
      } catch (Exception e) {
        out.append(" | ").append(e.getClass().getSimpleName());
      }
    }
    return out.toString();
  }

  private interface Step {
    String run() throws Exception;
  }

  private static int extensionCount(Extensions e) {
    return e == null ? -1 : e.getExtensionOIDs().length;
  }
}
