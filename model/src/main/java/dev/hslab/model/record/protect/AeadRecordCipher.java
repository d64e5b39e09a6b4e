package dev.hslab.model.record.protect;

import dev.hslab.model.crypto.TrafficKeys;
import dev.hslab.model.record.TlsRecord;
import dev.hslab.model.suite.BulkCipher;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.TlsAlertException;

/**
 * AEAD record protection (RFC 5246 §6.2.3.3) with the nonce rules of RFC 5288 §3 (AES-GCM: the
 * 4-byte salt from the key block and an 8-byte explicit nonce sent before the ciphertext; we use
 * the sequence number as explicit nonce, as RFC 5288 §3 suggests) and RFC 7905 §2
 * (ChaCha20-Poly1305: the 12-byte IV XORed with the left-padded sequence number, nothing
 * explicit). Additional data: seq_num + type + version + plaintext length.
 */
final class AeadRecordCipher extends RecordCipher {

  private final Aead aead;
  private final byte[] fixedIv;
  private final int explicitLength;
  private final byte[] nonce = new byte[12];
  private final byte[] aad = new byte[13];

  AeadRecordCipher(BulkCipher cipher, TrafficKeys keys, boolean writer) {
    super(writer, !writer);
    byte[] key = keys.key().toByteArray();
    this.aead = cipher == BulkCipher.CHACHA20_POLY1305 ? BcAead.chacha20Poly1305(key) : BcAead.aesGcm(key);
    this.fixedIv = keys.iv().toByteArray();
    this.explicitLength = cipher.explicitNonceLength();
  }

  @Override
  TlsRecord seal(TlsRecord plaintext, long seq) {
    int n = plaintext.fragment().length();
    byte[] out = new byte[explicitLength + n + aead.tagLength()];
    System.arraycopy(fixedIv, 0, nonce, 0, fixedIv.length);
    if (explicitLength > 0) {
      writeLong(nonce, fixedIv.length, seq);
      System.arraycopy(nonce, fixedIv.length, out, 0, explicitLength);
    } else {
      xorLong(nonce, seq);
    }
    plaintext.fragment().copyTo(out, explicitLength);
    writeHeader(aad, seq, plaintext.type(), plaintext.version(), n);
    aead.seal(nonce, aad, out, explicitLength, n);
    return new TlsRecord(plaintext.type(), plaintext.version(), Bytes.wrap(out));
  }

  @Override
  Bytes open(TlsRecord ciphertext, long seq) throws TlsAlertException {
    int len = ciphertext.fragment().length();
    int plainLength = len - explicitLength - aead.tagLength();
    if (plainLength < 0) {
      // RFC 5246 §7.2.2: a ciphertext that cannot be decrypted is bad_record_mac, like any other.
      throw badRecordMac();
    }
    byte[] buf = ciphertext.fragment().toByteArray();
    System.arraycopy(fixedIv, 0, nonce, 0, fixedIv.length);
    if (explicitLength > 0) {
      // RFC 5288 §3: the receiver takes the explicit nonce from the record.
      System.arraycopy(buf, 0, nonce, fixedIv.length, explicitLength);
    } else {
      xorLong(nonce, seq);
    }
    // The expected sequence number in the additional data rejects replayed and reordered records.
    writeHeader(aad, seq, ciphertext.type(), ciphertext.version(), plainLength);
    if (aead.open(nonce, aad, buf, explicitLength, len - explicitLength) != plainLength) {
      throw badRecordMac();
    }
    return Bytes.of(buf, explicitLength, plainLength);
  }

  private static void writeLong(byte[] b, int off, long v) {
    for (int i = 0; i < 8; i++) {
      b[off + i] = (byte) (v >>> (56 - 8 * i));
    }
  }

  /** RFC 7905 §2: the 64-bit sequence number, left-padded to 12 bytes, XORed into the IV. */
  private static void xorLong(byte[] nonce, long v) {
    for (int i = 0; i < 8; i++) {
      nonce[4 + i] ^= (byte) (v >>> (56 - 8 * i));
    }
  }
}
