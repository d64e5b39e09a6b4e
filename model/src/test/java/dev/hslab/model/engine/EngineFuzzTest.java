package dev.hslab.model.engine;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hslab.model.record.ContentType;
import dev.hslab.model.wire.Bytes;
import java.util.Arrays;

/**
 * Fuzzes both model engines in any state {@link FuzzDrive} can reach with a real handshake: the
 * rest of the input arrives as bytes from the peer ({@link Engine#receive}), or as opened record
 * plaintexts of any content type ({@link ModelEngine#receivePlaintext}, which bypasses record
 * protection so a fuzzer reaches the protected states too and which, unlike {@code receive},
 * lets an unchecked exception escape). Corpus:
 * {@code src/test/resources/dev/hslab/model/engine/EngineFuzzTestInputs/}.
 */
class EngineFuzzTest {

  private static final ContentType[] TYPES = ContentType.values();

  @FuzzTest(maxDuration = "30m")
  void engineInAnyStateFedArbitraryBytesProgressesOrFailsWithAFatalAlert(byte[] data) {
    FuzzDrive d = FuzzDrive.drive(data);
    if (d == null) {
      return;
    }
    for (byte[] chunk : d.chunks()) {
      boolean was = d.target.terminal();
      FuzzDrive.assertAllowed(d.target, d.target.receive(Bytes.wrap(chunk)), was);
    }
  }

  /** After the drive, records: type (1 byte, mod 4), length (1 byte), fragment. */
  @FuzzTest(maxDuration = "30m")
  void engineInAnyStateFedArbitraryPlaintextsProgressesOrFailsWithAFatalAlert(byte[] data) {
    FuzzDrive d = FuzzDrive.drive(data);
    if (d == null) {
      return;
    }
    byte[] r = d.rest;
    int off = 0;
    while (off + 2 <= r.length) {
      ContentType type = TYPES[(r[off] & 0xff) % TYPES.length];
      int len = Math.min(r[off + 1] & 0xff, r.length - off - 2);
      Bytes fragment = Bytes.wrap(Arrays.copyOfRange(r, off + 2, off + 2 + len));
      off += 2 + len;
      boolean was = d.target.terminal();
      FuzzDrive.assertAllowed(d.target, d.target.receivePlaintext(type, fragment), was);
    }
  }
}
