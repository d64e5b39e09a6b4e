package dev.hslab.model.record.protect;

import dev.hslab.model.record.TlsRecord;
import dev.hslab.model.wire.Bytes;

/** RFC 5246 §6.1: the initial epoch, TLS_NULL_WITH_NULL_NULL; records pass unchanged. */
final class NullRecordCipher extends RecordCipher {

  NullRecordCipher() {
    super(true, true); // both directions share the null state
  }

  @Override
  TlsRecord seal(TlsRecord plaintext, long seq) {
    return plaintext;
  }

  @Override
  Bytes open(TlsRecord ciphertext, long seq) {
    return ciphertext.fragment();
  }
}
