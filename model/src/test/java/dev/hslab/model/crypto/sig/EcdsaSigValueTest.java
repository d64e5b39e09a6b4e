package dev.hslab.model.crypto.sig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.junit.jupiter.api.Test;

/**
 * The Ecdsa-Sig-Value codec against BouncyCastle's StandardDSAEncoding, which re-encodes to prove
 * DER: the same bytes out, the same encodings accepted, over random values and every one-byte
 * mutation, truncation and extension of real encodings.
 */
class EcdsaSigValueTest {

  private static final BigInteger P256_N = ECNamedCurveTable.getByName("P-256").getN();
  private static final BigInteger P521_N = ECNamedCurveTable.getByName("P-521").getN();

  @Test
  void encodesAsBouncyCastleDoes() throws IOException {
    Random random = new Random(11);
    for (BigInteger n : new BigInteger[] {P256_N, P521_N}) {
      for (int i = 0; i < 2000; i++) {
        // Short values too, so that short and long forms and leading zeros all occur.
        BigInteger r = new BigInteger(1 + random.nextInt(n.bitLength()), random).mod(n);
        BigInteger s = new BigInteger(1 + random.nextInt(n.bitLength()), random).mod(n);
        byte[] ours = new EcdsaSigValue(r, s).encoded();
        assertThat(ours).isEqualTo(StandardDSAEncoding.INSTANCE.encode(n, r, s));
        assertThat(EcdsaSigValue.decode(ours, n)).isEqualTo(new EcdsaSigValue(r, s));
      }
    }
  }

  @Test
  void acceptsExactlyWhatBouncyCastleAccepts() {
    Random random = new Random(12);
    int accepted = 0;
    int refused = 0;
    for (BigInteger n : new BigInteger[] {P256_N, P521_N}) {
      for (int i = 0; i < 300; i++) {
        BigInteger r = new BigInteger(n.bitLength() - random.nextInt(16), random).mod(n);
        BigInteger s = new BigInteger(n.bitLength() - random.nextInt(16), random).mod(n);
        byte[] good = new EcdsaSigValue(r, s).encoded();
        for (byte[] candidate : mutations(good, random)) {
          boolean bc = bouncyCastleAccepts(candidate, n);
          assertThat(oursAccepts(candidate, n)).as(HexFormat.of().formatHex(candidate)).isEqualTo(bc);
          if (bc) {
            accepted++;
          } else {
            refused++;
          }
        }
      }
    }
    assertThat(accepted).isGreaterThan(1000);
    assertThat(refused).isGreaterThan(10_000);
  }

  @Test
  void namesWhatIsWrong() {
    assertThatThrownBy(() -> EcdsaSigValue.decode(HexFormat.of().parseHex("3006020101020101ff"), P256_N))
        .hasMessage("bytes after the encoding at offset 8");
    assertThatThrownBy(() -> EcdsaSigValue.decode(HexFormat.of().parseHex("30070202000102010a"), P256_N))
        .hasMessage("INTEGER not minimal at offset 2");
    assertThatThrownBy(() -> EcdsaSigValue.decode(HexFormat.of().parseHex("3080020101020101"), P256_N))
        .hasMessage("indefinite length at offset 1");
    assertThatThrownBy(() -> EcdsaSigValue.decode(HexFormat.of().parseHex("3003020101"), P256_N))
        .hasMessage("not a SEQUENCE of two INTEGERs");
    assertThatThrownBy(() -> EcdsaSigValue.decode(HexFormat.of().parseHex("3009020101020101020101"), P256_N))
        .hasMessage("not a SEQUENCE of two INTEGERs");
    assertThatThrownBy(() -> EcdsaSigValue.decode(HexFormat.of().parseHex("3006020101040101"), P256_N))
        .hasMessage("not a SEQUENCE of two INTEGERs");
    assertThatThrownBy(() -> EcdsaSigValue.decode(HexFormat.of().parseHex("3106020101020101"), P256_N))
        .hasMessage("not a SEQUENCE");
    assertThatThrownBy(() -> EcdsaSigValue.decode(HexFormat.of().parseHex("3006020101020181"), P256_N))
        .hasMessage("signature value out of range");
    BigInteger n = P256_N;
    assertThatThrownBy(() -> EcdsaSigValue.decode(new EcdsaSigValue(n, BigInteger.ONE).encoded(), n))
        .hasMessage("signature value out of range");
  }

  /** Every single-byte change (a few values per position), every truncation, and appended bytes. */
  private static java.util.List<byte[]> mutations(byte[] good, Random random) {
    java.util.List<byte[]> out = new java.util.ArrayList<>();
    out.add(good);
    for (int i = 0; i < good.length; i++) {
      for (int v : new int[] {0x00, 0x7f, 0x80, 0x81, 0xff, random.nextInt(256), (good[i] & 0xff) ^ 1}) {
        byte[] m = good.clone();
        m[i] = (byte) v;
        out.add(m);
      }
      out.add(Arrays.copyOf(good, i));
    }
    out.add(Arrays.copyOf(good, good.length + 1));
    return out;
  }

  private static boolean oursAccepts(byte[] der, BigInteger n) {
    try {
      EcdsaSigValue.decode(der, n);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean bouncyCastleAccepts(byte[] der, BigInteger n) {
    try {
      StandardDSAEncoding.INSTANCE.decode(n, der);
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
