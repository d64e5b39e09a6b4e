package dev.hslab.model.record.protect;

import dev.hslab.model.record.ContentType;
import dev.hslab.model.suite.MacAlgorithm;
import dev.hslab.model.wire.ProtocolVersion;

/** The record MAC of a CBC suite: TLS HMAC (RFC 5246 §6.2.3.1) or the SSL 3.0 MAC (RFC 6101 §5.2.3.1). */
public interface RecordMac {

  int length();

  /** MACs {@code content[off, off+len)} of the record {@code seq}/{@code type}/{@code version} into {@code out[outOff..]}. */
  void compute(long seq, ContentType type, ProtocolVersion version, byte[] content, int off, int len, byte[] out, int outOff);

  /** The MAC {@code version} uses: the SSL 3.0 MAC under SSL 3.0, HMAC from TLS 1.0 on. */
  static RecordMac of(MacAlgorithm algorithm, ProtocolVersion version, byte[] key) {
    if (version.isSsl3()) {
      return Ssl3Mac.of(algorithm, key);
    }
    Hmac hmac = new Hmac(algorithm, key);
    byte[] header = new byte[13];
    return new RecordMac() {
      @Override
      public int length() {
        return hmac.length();
      }

      @Override
      public void compute(long seq, ContentType type, ProtocolVersion v, byte[] content, int off, int len, byte[] out, int outOff) {
        // RFC 5246 §6.2.3.1: HMAC(MAC_write_key, seq_num + type + version + length + fragment).
        RecordCipher.writeHeader(header, seq, type, v, len);
        hmac.update(header, 0, header.length).update(content, off, len).doFinal(out, outOff);
      }
    };
  }
}
