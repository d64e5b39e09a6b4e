package dev.hslab.model.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.config.Credentials;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.junit.jupiter.api.Test;

/**
 * The DER walk against what it replaced (BouncyCastle parses, re-encodes in DER, and compares):
 * over every one-byte change of real certificates, whatever BouncyCastle parses is refused by
 * one exactly when refused by the other, except where the walk is the stricter one (a BOOLEAN
 * TRUE other than FF, which BouncyCastle re-encodes as it came).
 */
class StrictDerTest {

  private static final Credentials CREDS = Credentials.forSeed(7);

  @Test
  void refusesWhatReEncodingRefused() throws IOException {
    Random random = new Random(5);
    List<Bytes> certs = new ArrayList<>();
    certs.addAll(CREDS.serverRsa().chainDer());
    certs.addAll(CREDS.serverEcdsa().chainDer());
    int parsed = 0;
    int notDer = 0;
    for (Bytes cert : certs) {
      byte[] good = cert.toByteArray();
      assertThat(StrictDer.problem(good)).isNull();
      for (int i = 0; i < good.length; i++) {
        for (int v : new int[] {0x00, 0x01, 0x80, 0x81, 0xff, random.nextInt(256), (good[i] & 0xff) ^ (1 << (i % 8))}) {
          byte[] m = good.clone();
          m[i] = (byte) v;
          ASN1Primitive p;
          try {
            p = ASN1Primitive.fromByteArray(m);
          } catch (IOException | RuntimeException e) {
            continue; // refused before the DER question arises, then and now
          }
          parsed++;
          boolean reEncodes = Arrays.equals(p.getEncoded(ASN1Encoding.DER), m);
          String problem = StrictDer.problem(m);
          if (!reEncodes) {
            notDer++;
          }
          if (reEncodes && problem != null) {
            assertThat(problem).as(HexFormat.of().formatHex(m)).startsWith("BOOLEAN not DER");
          } else {
            assertThat(problem == null).as("%s: %s", HexFormat.of().formatHex(m), problem).isEqualTo(reEncodes);
          }
        }
      }
    }
    assertThat(parsed).isGreaterThan(5_000);
    assertThat(notDer).isGreaterThan(50);
  }

  @Test
  void namesTheRuleAndTheOffset() {
    assertThat(problem("3080020101")).isEqualTo("indefinite length at offset 1");
    assertThat(problem("308103020101")).isEqualTo("length not minimal at offset 1");
    assertThat(problem("30030201")).isEqualTo("length runs past its container at offset 0");
    assertThat(problem("3003020101" + "00")).isEqualTo("bytes after the encoding at offset 5");
    assertThat(problem("3003020201")).isEqualTo("length runs past its container at offset 2");
    assertThat(problem("300402020001")).isEqualTo("INTEGER not minimal at offset 2");
    assertThat(problem("3003010101")).isEqualTo("BOOLEAN not DER at offset 2");
    assertThat(problem("3003010100")).isNull();
    assertThat(problem("300403020101")).isEqualTo("BIT STRING not DER at offset 2");
    assertThat(problem("300403020102")).isNull();
    assertThat(problem("2403040100")).isEqualTo("constructed string at offset 0");
    assertThat(problem("3006020102020101")).isNull(); // a SEQUENCE keeps its order
    assertThat(problem("3106020102020101")).isEqualTo("SET components out of DER order at offset 5");
    assertThat(problem("3106020101020102")).isNull();
    assertThat(problem("0603800101")).isEqualTo("OBJECT IDENTIFIER sub-identifier not minimal at offset 0");
    assertThat(problem("060355801d")).isEqualTo("OBJECT IDENTIFIER sub-identifier not minimal at offset 0");
    assertThat(problem("0603551d8f")).isEqualTo("OBJECT IDENTIFIER malformed at offset 0");
    assertThat(problem("1f0500")).isEqualTo("tag number not minimal at offset 0");
    assertThat(problem("9f1f00")).isNull();
    assertThat(problem("0000")).isEqualTo("end-of-contents in a DER encoding at offset 0");
    assertThat(problem("0501ff")).isEqualTo("NULL not empty at offset 0");
    assertThat(problem("")).isEqualTo("truncated identifier at offset 0");
  }

  @Test
  void boundsNesting() {
    // NULL in 64 SEQUENCEs is fine; in 65 it is refused, not a stack overflow.
    byte[] b = {0x05, 0x00};
    for (int i = 0; i < 64; i++) {
      b = sequenceOf(b);
    }
    assertThat(StrictDer.problem(b)).isNull();
    assertThat(StrictDer.problem(sequenceOf(b))).isEqualTo("nested too deeply at offset 130");
  }

  private static byte[] sequenceOf(byte[] inner) {
    byte[] header = inner.length < 0x80 ? new byte[] {0x30, (byte) inner.length}
        : new byte[] {0x30, (byte) 0x81, (byte) inner.length};
    byte[] out = Arrays.copyOf(header, header.length + inner.length);
    System.arraycopy(inner, 0, out, header.length, inner.length);
    return out;
  }

  private static String problem(String hex) {
    return StrictDer.problem(HexFormat.of().parseHex(hex));
  }
}
