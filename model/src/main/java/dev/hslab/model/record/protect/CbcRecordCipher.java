package dev.hslab.model.record.protect;

import dev.hslab.model.crypto.RandomSource;
import dev.hslab.model.crypto.TrafficKeys;
import dev.hslab.model.record.TlsRecord;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.model.wire.TlsAlertException;
import java.util.Arrays;

/**
 * MAC-then-encrypt AES-CBC (RFC 5246 §6.2.3.2, RFC 4346, RFC 2246, RFC 6101 §5.2.3.2):
 * {@code [IV] E(content + MAC + padding + padding_length)}. SSL 3.0 and TLS 1.0 chain the IV (the
 * first from the key block, then the last ciphertext block of the previous record); TLS 1.1+ send
 * a fresh random IV in front of each record (RFC 4346 §6.2.3.2).
 *
 * <p>Decryption checks padding and MAC without an early exit and decides once (RFC 5246
 * §6.2.3.2 implementation note): with bad padding the MAC is computed as if the pad were empty.
 * The MAC input length still depends on the padding length, the small timing channel that RFC
 * notes (Lucky Thirteen); this model does not add dummy compression rounds.
 */
final class CbcRecordCipher extends RecordCipher {

  private static final int BS = AesCbc.BLOCK_SIZE;

  private final AesCbc cbc;
  private final RecordMac mac;
  private final boolean ssl3;
  private final int ivLength;
  private final RandomSource random;
  private byte[] chainedIv;
  private final byte[] macBuf;

  CbcRecordCipher(CipherSuite suite, ProtocolVersion version, TrafficKeys keys, RandomSource random, boolean writer) {
    super(writer, !writer);
    this.cbc = new AesCbc(keys.key().toByteArray(), writer);
    this.mac = RecordMac.of(suite.mac(), version, keys.macKey().toByteArray());
    this.ssl3 = version.isSsl3();
    this.ivLength = version.hasExplicitIv() ? BS : 0;
    this.chainedIv = version.hasExplicitIv() ? null : keys.iv().toByteArray();
    if (writer && ivLength > 0 && random == null) {
      throw new IllegalArgumentException("TLS 1.1+ CBC needs a random source for explicit IVs");
    }
    this.random = random;
    this.macBuf = new byte[mac.length()];
  }

  @Override
  TlsRecord seal(TlsRecord p, long seq) {
    int n = p.fragment().length();
    int content = n + mac.length();
    // Minimal padding: padding_length < block size, valid for SSL 3.0 (RFC 6101 §5.2.3.2) and TLS.
    int padLength = BS - 1 - content % BS;
    byte[] out = new byte[ivLength + content + padLength + 1];
    byte[] iv;
    if (ivLength > 0) {
      iv = random.nextBytes(BS);
      System.arraycopy(iv, 0, out, 0, BS);
    } else {
      iv = chainedIv;
    }
    p.fragment().copyTo(out, ivLength);
    mac.compute(seq, p.type(), p.version(), out, ivLength, n, out, ivLength + n);
    // RFC 5246 §6.2.3.2: every padding byte holds the padding length; SSL 3.0 allows any value.
    Arrays.fill(out, ivLength + content, out.length, (byte) padLength);
    cbc.process(iv, out, ivLength, out.length - ivLength);
    if (ivLength == 0) {
      chainedIv = Arrays.copyOfRange(out, out.length - BS, out.length);
    }
    return new TlsRecord(p.type(), p.version(), Bytes.wrap(out));
  }

  @Override
  Bytes open(TlsRecord c, long seq) throws TlsAlertException {
    int len = c.fragment().length();
    int macLength = mac.length();
    int body = len - ivLength;
    // RFC 5246 §7.2.2: a ciphertext that is not a whole number of blocks is bad_record_mac, and so
    // (as in OpenSSL) is one too short to hold MAC and padding_length.
    if (body < macLength + 1 || body % BS != 0) {
      throw badRecordMac();
    }
    byte[] buf = c.fragment().toByteArray();
    byte[] iv = ivLength > 0 ? Arrays.copyOf(buf, BS) : chainedIv;
    byte[] nextIv = ivLength > 0 ? null : Arrays.copyOfRange(buf, len - BS, len);
    cbc.process(iv, buf, ivLength, body);

    int padLength = buf[len - 1] & 0xff;
    int good = lessOrEqual(padLength + 1 + macLength, body);
    if (ssl3) {
      good &= lessOrEqual(padLength + 1, BS); // RFC 6101 §5.2.3.2: padding_length < block size
    } else {
      // Every byte that could be padding is read; those within padding_length must equal it.
      int diff = 0;
      int span = Math.min(256, body);
      for (int i = 1; i < span; i++) {
        diff |= lessOrEqual(i, padLength) & ((buf[len - 1 - i] & 0xff) ^ padLength);
      }
      good &= lessOrEqual(diff, 0);
    }
    // RFC 5246 §6.2.3.2: with bad padding, MAC as if the pad were empty (drop only padding_length).
    int strip = 1 + (padLength & good);
    int contentLength = body - macLength - strip;
    mac.compute(seq, c.type(), c.version(), buf, ivLength, contentLength, macBuf, 0);
    int macDiff = 0;
    for (int i = 0; i < macLength; i++) {
      macDiff |= macBuf[i] ^ buf[ivLength + contentLength + i];
    }
    if ((good & lessOrEqual(macDiff & 0xff, 0)) == 0) {
      throw badRecordMac();
    }
    if (nextIv != null) {
      chainedIv = nextIv;
    }
    return Bytes.of(buf, ivLength, contentLength);
  }

  /** All ones if {@code a <= b}, else zero, without a branch (both in 0..2^30). */
  private static int lessOrEqual(int a, int b) {
    return ~((b - a) >> 31);
  }
}
