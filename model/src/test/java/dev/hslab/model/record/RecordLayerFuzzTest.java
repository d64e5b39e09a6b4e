package dev.hslab.model.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hslab.model.message.HandshakeReassembler;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.TlsAlertException;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Fuzzes the incoming record layer: arbitrary bytes in arbitrary chunks through {@link RecordReader}
 * and, for handshake records, {@link HandshakeReassembler}. Allowed outcomes: records and messages,
 * or a {@link TlsAlertException} after which both stay failed. Memory must follow the bytes
 * received, not the lengths the headers claim. The corpus is in
 * {@code src/test/resources/dev/hslab/model/record/RecordLayerFuzzTestInputs/}.
 */
class RecordLayerFuzzTest {

  /** What a buffer may hold beyond twice the received bytes (the first reservation). */
  private static final int SLACK = 1024;

  /**
   * Byte 0 chooses the chunk sizes, byte 1 the reassembler's maximum (the engine's or the
   * protocol's 2^24-1); the rest is the stream.
   */
  @FuzzTest(maxDuration = "30m")
  void recordStreamAndReassemblyFailOnlyWithAlertsAndBufferOnlyWhatArrived(byte[] data) throws Exception {
    if (data.length < 2) {
      return;
    }
    int chunkSeed = data[0] & 0xff;
    int max = (data[1] & 1) == 0 ? 1 << 17 : HandshakeReassembler.PROTOCOL_MAX_MESSAGE_LENGTH;
    byte[] stream = Arrays.copyOfRange(data, 2, data.length);
    RecordReader reader = new RecordReader();
    HandshakeReassembler reassembler = new HandshakeReassembler(max);
    ByteArrayOutputStream handshakeIn = new ByteArrayOutputStream();
    ByteArrayOutputStream messagesOut = new ByteArrayOutputStream();
    int off = 0;
    int chunkNo = 0;
    try {
      while (off < stream.length) {
        int chunk = Math.min(stream.length - off, 1 + ((chunkSeed * 31 + chunkNo++ * 17) & 0x3f));
        int end = off + chunk;
        while (off < end) {
          off += reader.feed(stream, off, end - off);
          assertThat(reader.bufferedCapacity()).isLessThanOrEqualTo(SLACK + 2 * off);
          var rec = reader.take();
          if (rec.isPresent() && rec.get().type() == ContentType.HANDSHAKE) {
            Bytes f = rec.get().fragment();
            handshakeIn.write(f.toByteArray());
            for (HandshakeReassembler.Message m : reassembler.add(f)) {
              assertThat(m.fullEncoding().length()).isEqualTo(4 + m.body().length());
              messagesOut.write(m.fullEncoding().toByteArray());
            }
            assertThat(reassembler.bufferedCapacity()).isLessThanOrEqualTo(SLACK + 2 * handshakeIn.size());
          }
        }
      }
    } catch (TlsAlertException e) {
      // Fatal (RFC 5246 §7.2.2): the failed part repeats its alert on every later call.
      assertThatThrownBy(() -> {
        reader.feed(new byte[] {22});
        reassembler.add(Bytes.EMPTY);
        throw new AssertionError("neither reader nor reassembler is failed after " + e.getMessage());
      }).isInstanceOf(TlsAlertException.class);
    }
    // The messages are exactly the handshake stream, in order, up to a message still incomplete.
    byte[] in = handshakeIn.toByteArray();
    byte[] outBytes = messagesOut.toByteArray();
    assertThat(Arrays.copyOf(in, outBytes.length)).isEqualTo(outBytes);
  }
}
