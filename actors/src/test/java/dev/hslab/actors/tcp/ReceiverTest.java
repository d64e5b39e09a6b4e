package dev.hslab.actors.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.wire.Bytes;
import org.junit.jupiter.api.Test;

/** The receiver hands over bytes in order only, once each (RFC 9293 §3.10.7.4). */
class ReceiverTest {

  private static Bytes b(String s) {
    return Bytes.wrap(s.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  private static String s(Bytes b) {
    return new String(b.toByteArray(), java.nio.charset.StandardCharsets.US_ASCII);
  }

  @Test
  void inOrderBytesAreDeliveredAtOnce() {
    Receiver r = new Receiver(1);
    assertThat(s(r.accept(1, b("abc")).delivered())).isEqualTo("abc");
    assertThat(r.next()).isEqualTo(4);
    assertThat(s(r.accept(4, b("de")).delivered())).isEqualTo("de");
  }

  @Test
  void bytesAfterAGapWaitForItThenComeOutTogether() {
    Receiver r = new Receiver(1);
    assertThat(r.accept(4, b("def")).delivered().isEmpty()).isTrue();
    assertThat(r.accept(7, b("gh")).delivered().isEmpty()).isTrue();
    assertThat(r.next()).isEqualTo(1);
    assertThat(s(r.accept(1, b("abc")).delivered())).isEqualTo("abcdefgh");
    assertThat(r.next()).isEqualTo(9);
  }

  @Test
  void duplicatesAreDiscardedAndOverlapsTrimmed() {
    Receiver r = new Receiver(1);
    r.accept(1, b("abc"));
    Receiver.Accepted again = r.accept(1, b("abc"));
    assertThat(again.delivered().isEmpty()).isTrue();
    assertThat(again.duplicate()).isTrue();
    // A retransmission that starts before RCV.NXT and goes beyond it: only the new part.
    assertThat(s(r.accept(2, b("bcde")).delivered())).isEqualTo("de");
    assertThat(r.accept(7, b("g")).duplicate()).isFalse();
    assertThat(r.accept(7, b("g")).duplicate()).isTrue();
  }
}
