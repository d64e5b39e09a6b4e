package dev.hslab.actors.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.wire.Bytes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Segmentation, window, ACKs, the timer and its give-up, fast retransmit. */
class SenderTest {

  private static final TcpOptions OPTIONS = TcpOptions.defaults();

  private static Sender sender(int bytes) {
    Sender s = new Sender(OPTIONS, new RtoEstimator(OPTIONS), 1);
    byte[] b = new byte[bytes];
    for (int i = 0; i < bytes; i++) {
      b[i] = (byte) i;
    }
    s.write(Bytes.wrap(b));
    return s;
  }

  @Test
  void theStreamIsCutIntoSegmentsOfAtMostTheMss() {
    List<Sender.Chunk> c = sender(4000).sendable(0);
    assertThat(c).extracting(x -> x.payload().length()).containsExactly(1460, 1460, 1080);
    assertThat(c).extracting(Sender.Chunk::seq).containsExactly(1L, 1461L, 2921L);
    assertThat(c).noneMatch(Sender.Chunk::retransmission);
    assertThat(c.get(1).payload().toByteArray()[0]).isEqualTo((byte) 1460); // the stream's own bytes
  }

  @Test
  void theInitialWindowIsTenSegmentsAndSlowStartGrowsItPerAck() {
    Sender s = sender(30 * 1460);
    assertThat(s.sendable(0)).hasSize(10); // RFC 6928
    // RFC 5681 §3.1: each ACK of a full segment adds one MSS: that ACK lets two segments go.
    assertThat(s.onAck(1 + 1460, false, 10).send()).hasSize(2);
  }

  @Test
  void theTimerRunsWhileDataIsOutstandingAndStopsWhenAllIsAcknowledged() {
    Sender s = sender(100);
    assertThat(s.deadline()).isNaN();
    s.sendable(5);
    assertThat(s.deadline()).isEqualTo(1005); // §5.1, RTO 1 s
    s.onAck(101, false, 7);
    assertThat(s.deadline()).isNaN(); // §5.2
    assertThat(s.rto().srtt()).isEqualTo(2); // the sample: sent at 5, acknowledged at 7
  }

  @Test
  void aTimeoutResendsTheFirstUnacknowledgedSegmentAndKarnSkipsItsSample() {
    Sender s = sender(3000);
    s.sendable(0);
    Sender.Result r = s.onTimeout(1000);
    assertThat(r.send()).hasSize(1); // a window of one segment (RFC 5681 §3.1)
    assertThat(r.send().get(0).seq()).isEqualTo(1);
    assertThat(r.send().get(0).retransmission()).isTrue();
    assertThat(s.deadline()).isEqualTo(1000 + 2000); // backed off
    s.onAck(3001, false, 1001);
    assertThat(s.rto().srtt()).isNaN(); // Karn: the ACK may answer either copy
  }

  @Test
  void theSenderGivesUpAfterTheBoundedNumberOfRetransmissions() {
    Sender s = sender(10);
    s.sendable(0);
    double t = 0;
    for (int i = 0; i < OPTIONS.maxRetransmissions(); i++) {
      t = s.deadline();
      assertThat(s.onTimeout(t).gaveUp()).isFalse();
    }
    assertThat(s.retries()).isEqualTo(15);
    assertThat(s.onTimeout(s.deadline()).gaveUp()).isTrue();
  }

  @Test
  void theThirdDuplicateAckResendsTheMissingSegmentAtOnce() {
    Sender s = sender(5 * 1460);
    s.sendable(0);
    // The first segment is lost: each later one brings a duplicate ACK for byte 1.
    assertThat(s.onAck(1, true, 2).send()).isEmpty();
    assertThat(s.onAck(1, true, 2).send()).isEmpty();
    List<Sender.Chunk> third = s.onAck(1, true, 2).send();
    assertThat(third).hasSize(1);
    assertThat(third.get(0).seq()).isEqualTo(1);
    assertThat(third.get(0).retransmission()).isTrue();
    // An ACK with data is no duplicate (RFC 5681 §2).
    Sender t = sender(5 * 1460);
    t.sendable(0);
    for (int i = 0; i < 5; i++) {
      assertThat(t.onAck(1, false, 2).send()).isEmpty();
    }
  }
}
