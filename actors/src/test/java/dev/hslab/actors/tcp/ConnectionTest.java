package dev.hslab.actors.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.trace.TraceEvent.TcpFlag;
import dev.hslab.model.wire.Bytes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The three-way handshake, SYN retransmission, data both ways and the checksum. */
class ConnectionTest {

  private static final TcpOptions OPTIONS = TcpOptions.defaults();

  @Test
  void threeWayHandshakeThenDataWithCumulativeAcks() {
    Connection c = Connection.client(OPTIONS);
    Connection s = Connection.server(OPTIONS);
    Segment syn = c.open(0).send().get(0);
    assertThat(syn.flags()).containsExactly(TcpFlag.SYN);
    assertThat(syn.seq()).isEqualTo(0);
    Segment synAck = s.onSegment(syn, 1).send().get(0);
    assertThat(synAck.flags()).containsExactlyInAnyOrder(TcpFlag.SYN, TcpFlag.ACK);
    assertThat(synAck.ack()).isEqualTo(1); // the SYN takes one sequence number
    Connection.Output connected = c.onSegment(synAck, 2);
    assertThat(connected.connected()).isTrue();
    assertThat(c.state()).isEqualTo(Connection.State.ESTABLISHED);
    assertThat(c.rto().srtt()).isEqualTo(2); // sampled from the SYN, sent once
    assertThat(connected.send()).singleElement().satisfies(a -> assertThat(a.flags()).containsExactly(TcpFlag.ACK));

    c.write(Bytes.of((byte) 22, (byte) 3, (byte) 1));
    Segment data = c.flush(2).send().get(0);
    assertThat(data.seq()).isEqualTo(1);
    assertThat(data.ack()).isEqualTo(1);
    Connection.Output got = s.onSegment(data, 3);
    assertThat(got.connected()).isTrue(); // the data's ACK completes the server's handshake
    assertThat(got.delivered().toByteArray()).containsExactly(22, 3, 1);
    List<Segment> ack = s.ackIfOwed();
    assertThat(ack).singleElement().satisfies(a -> assertThat(a.ack()).isEqualTo(4));
    assertThat(s.ackIfOwed()).isEmpty();
    c.onSegment(ack.get(0), 4);
    assertThat(c.busy()).isFalse();
    assertThat(c.deadline()).isNaN();
  }

  @Test
  void theSynIsResentAfterOneSecondThenTwoThenFourAndTheConnectFailsAfterTheRetries() {
    Connection c = Connection.client(OPTIONS);
    c.open(0);
    double[] at = {1000, 3000, 7000, 15_000, 31_000, 63_000};
    for (double t : at) {
      assertThat(c.deadline()).isEqualTo(t);
      Segment again = c.onTimeout(t).send().get(0);
      assertThat(again.has(TcpFlag.SYN)).isTrue();
      assertThat(again.retransmission()).isTrue();
    }
    assertThat(c.deadline()).isEqualTo(127_000);
    Connection.Output out = c.onTimeout(127_000);
    assertThat(out.failure()).contains("no SYN-ACK after 6 retransmissions");
    assertThat(c.state()).isEqualTo(Connection.State.CLOSED);
  }

  @Test
  void aCorruptedSegmentFailsItsChecksumAndIsDropped() {
    Connection c = Connection.client(OPTIONS);
    Connection s = Connection.server(OPTIONS);
    Segment synAck = s.onSegment(c.open(0).send().get(0), 0).send().get(0);
    c.onSegment(synAck, 0);
    c.write(Bytes.of((byte) 1, (byte) 2, (byte) 3, (byte) 4));
    Segment data = c.flush(0).send().get(0);
    Segment bad = data.withPayloadBitFlipped(9);
    assertThat(bad.intact()).isFalse();
    Connection.Output out = s.onSegment(bad, 1);
    assertThat(out.delivered().isEmpty()).isTrue();
    assertThat(s.state()).isEqualTo(Connection.State.SYN_RECEIVED); // not even its ACK was read
    assertThat(s.onSegment(data, 2).delivered().length()).isEqualTo(4);
  }
}
