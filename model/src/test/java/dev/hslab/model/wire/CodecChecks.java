package dev.hslab.model.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.Random;
import java.util.function.Function;

/**
 * The codec property every message and record type must satisfy: an exact round trip, and for
 * every truncation and random bit flips of the encoding, decoding gives either a typed alert or a
 * value that re-encodes to exactly the input bytes — never an unchecked exception.
 */
public final class CodecChecks {

  /** A strict decoder of one value from exactly these bytes. */
  @FunctionalInterface
  public interface Decoder<T> {
    T decode(Bytes bytes) throws TlsAlertException;
  }

  private CodecChecks() {}

  /**
   * Checks the round trip of {@code value} and its mutations; {@code flips} random single and
   * multi-bit flips are drawn from {@code random}. Returns the encoding.
   */
  public static <T> Bytes check(T value, Function<T, Bytes> encoder, Decoder<T> decoder, Random random, int flips) {
    Bytes encoded = encoder.apply(value);
    T decoded = decodeOrFail(decoder, encoded, "round trip of " + value);
    assertThat(decoded).as("decode(encode(m)) of %s", value).isEqualTo(value);
    assertThat(encoder.apply(decoded)).as("re-encoding of %s", value).isEqualTo(encoded);

    for (int len = 0; len < encoded.length(); len++) {
      mutation(encoded.slice(0, len), encoder, decoder, "truncation to " + len + " bytes");
    }
    if (encoded.length() > 0) {
      for (int i = 0; i < flips; i++) {
        byte[] b = encoded.toByteArray();
        int bits = 1 + random.nextInt(3);
        for (int j = 0; j < bits; j++) {
          b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
        }
        mutation(Bytes.wrap(b), encoder, decoder, "bit flips");
      }
      // Trailing bytes are always a decode error or a different valid message.
      mutation(Bytes.concat(encoded, Bytes.of((byte) 0)), encoder, decoder, "one trailing byte");
    }
    return encoded;
  }

  private static <T> void mutation(Bytes input, Function<T, Bytes> encoder, Decoder<T> decoder, String what) {
    T m;
    try {
      m = decoder.decode(input);
    } catch (TlsAlertException e) {
      assertThat(e.alert()).isNotNull();
      return;
    } catch (RuntimeException e) {
      throw new AssertionError(what + " of " + input + " threw " + e, e);
    }
    assertThat(encoder.apply(m)).as("%s decoded to %s which must re-encode to the input", what, m).isEqualTo(input);
  }

  private static <T> T decodeOrFail(Decoder<T> decoder, Bytes input, String what) {
    try {
      return decoder.decode(input);
    } catch (TlsAlertException e) {
      return fail(what + " failed: " + e, e);
    }
  }
}
