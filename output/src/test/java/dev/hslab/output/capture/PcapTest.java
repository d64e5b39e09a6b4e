package dev.hslab.output.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.handshake.Side;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.trace.TraceEvent;
import dev.hslab.model.trace.TraceEvent.NetworkAction;
import dev.hslab.model.wire.Bytes;
import dev.hslab.output.testkit.BcHandshake;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.bouncycastle.tls.CipherSuite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PcapTest {

  private static Trace real;

  @BeforeAll
  static void handshake() throws Exception {
    real = BcHandshake.run(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, 1);
  }

  private static ParsedPcap capture(Trace t, CaptureOptions o) {
    return ParsedPcap.parse(Pcap.encode(t, o));
  }

  @Test
  void writesClassicLibpcapGlobalHeaderForEthernet() {
    ParsedPcap p = capture(real, CaptureOptions.defaults());
    assertThat(Integer.toHexString(p.magic())).isEqualTo("a1b2c3d4");
    assertThat(p.versionMajor()).isEqualTo(2);
    assertThat(p.versionMinor()).isEqualTo(4);
    assertThat(p.snaplen()).isEqualTo(65535);
    assertThat(p.linkType()).isEqualTo(1);
  }

  @Test
  void everyFrameIsIpv4TcpBetweenTheEndpointsWithValidChecksums() {
    ParsedPcap p = capture(real, CaptureOptions.defaults());
    assertThat(p.packets()).isNotEmpty();
    for (ParsedPcap.Packet pk : p.packets()) {
      assertThat(pk.capturedLength()).isEqualTo(pk.originalLength()).isEqualTo(pk.frame().length);
      assertThat(pk.etherType()).isEqualTo(0x0800);
      assertThat(pk.ipTotalLength()).isEqualTo(pk.frame().length - 14);
      assertThat(pk.ipChecksumValid()).as("IPv4 checksum").isTrue();
      assertThat(pk.tcpChecksumValid()).as("TCP checksum").isTrue();
      boolean fromClient = pk.srcIp().equals("10.0.0.1");
      assertThat(fromClient ? pk.dstIp() : pk.srcIp()).isEqualTo("10.0.0.2");
      assertThat(fromClient ? pk.dstPort() : pk.srcPort()).isEqualTo(443);
      assertThat(fromClient ? pk.srcPort() : pk.dstPort()).isEqualTo(49152);
    }
  }

  @Test
  void opensWithThreeWayHandshakeAndEndsWithFinExchange() {
    List<ParsedPcap.Packet> ps = capture(real, CaptureOptions.defaults()).packets();
    assertThat(ps.get(0).flags()).isEqualTo(0x02); // SYN
    assertThat(ps.get(1).flags()).isEqualTo(0x12); // SYN, ACK
    assertThat(ps.get(1).ack()).isEqualTo(ps.get(0).seq() + 1);
    assertThat(ps.get(2).flags()).isEqualTo(0x10); // ACK
    assertThat(ps.get(2).ack()).isEqualTo(ps.get(1).seq() + 1);
    int n = ps.size();
    assertThat(ps.get(n - 3).flags()).isEqualTo(0x11); // FIN, ACK from the client
    assertThat(ps.get(n - 3).srcIp()).isEqualTo("10.0.0.1");
    assertThat(ps.get(n - 2).flags()).isEqualTo(0x11);
    assertThat(ps.get(n - 2).ack()).isEqualTo(ps.get(n - 3).seq() + 1);
    assertThat(ps.get(n - 1).flags()).isEqualTo(0x10);
    assertThat(ps.get(n - 1).ack()).isEqualTo(ps.get(n - 2).seq() + 1);
  }

  @Test
  void sequenceNumbersAreContinuousAndPayloadIsTheRecordStreamOfEachSide() {
    List<ParsedPcap.Packet> ps = capture(real, CaptureOptions.defaults()).packets();
    long[] next = {ps.get(0).seq() + 1, ps.get(1).seq() + 1};
    ByteArrayOutputStream[] stream = {new ByteArrayOutputStream(), new ByteArrayOutputStream()};
    for (ParsedPcap.Packet pk : ps.subList(2, ps.size())) {
      int dir = pk.srcIp().equals("10.0.0.1") ? 0 : 1;
      assertThat(pk.seq()).as("seq continues the %s stream", dir == 0 ? "client" : "server").isEqualTo(next[dir]);
      assertThat(pk.ack()).as("ack covers all the peer sent").isEqualTo(next[1 - dir]);
      next[dir] += pk.payload().length + ((pk.flags() & 0x01) != 0 ? 1 : 0);
      stream[dir].writeBytes(pk.payload());
    }
    assertThat(stream[0].toByteArray()).isEqualTo(recordsOf(real, Side.CLIENT));
    assertThat(stream[1].toByteArray()).isEqualTo(recordsOf(real, Side.SERVER));
  }

  @Test
  void timestampsStrictlyIncreaseEvenWhenVirtualTimeStandsStill() {
    Trace allAtZero = new Trace(List.of(
        net(0, Side.CLIENT, 1, NetworkAction.DELIVERED, 100),
        net(0, Side.SERVER, 1, NetworkAction.DELIVERED, 200),
        net(0, Side.CLIENT, 2, NetworkAction.DELIVERED, 50)));
    List<ParsedPcap.Packet> ps = capture(allAtZero, CaptureOptions.defaults()).packets();
    for (int i = 1; i < ps.size(); i++) {
      assertThat(ps.get(i).timeMicros()).isGreaterThan(ps.get(i - 1).timeMicros());
    }
  }

  @Test
  void timestampsFollowVirtualTimeWhenItAdvances() {
    Trace t = new Trace(List.of(
        net(5.0, Side.CLIENT, 1, NetworkAction.DELIVERED, 100),
        net(250.5, Side.SERVER, 1, NetworkAction.DELIVERED, 200)));
    List<ParsedPcap.Packet> ps = capture(t, CaptureOptions.defaults()).packets();
    assertThat(ps.get(3).timeMicros()).isEqualTo(5_000);
    assertThat(ps.get(4).timeMicros()).isEqualTo(250_500);
  }

  @Test
  void droppedRecordIsNotInTheCaptureAndLeavesNoHoleInTheStream() {
    Trace t = new Trace(List.of(
        net(1, Side.CLIENT, 1, NetworkAction.DELIVERED, 10),
        new TraceEvent.OfNetwork(2, Side.CLIENT, 2, NetworkAction.DROPPED, "", Bytes.EMPTY),
        net(3, Side.CLIENT, 2, NetworkAction.DELAYED, 20),
        net(4, Side.CLIENT, 3, NetworkAction.DUPLICATED, 30)));
    List<ParsedPcap.Packet> ps = capture(t, CaptureOptions.defaults()).packets();
    List<ParsedPcap.Packet> data = ps.subList(3, ps.size() - 3);
    assertThat(data).extracting(p -> p.payload().length).containsExactly(10, 20, 30);
    assertThat(data.get(1).seq()).isEqualTo(data.get(0).seq() + 10);
    assertThat(data.get(2).seq()).isEqualTo(data.get(1).seq() + 20);
  }

  @Test
  void recordLongerThanTheMssIsSplitIntoContinuousSegments() {
    Trace t = new Trace(List.of(net(1, Side.SERVER, 1, NetworkAction.DELIVERED, 4000)));
    List<ParsedPcap.Packet> ps = capture(t, CaptureOptions.defaults()).packets();
    List<ParsedPcap.Packet> data = ps.subList(3, ps.size() - 3);
    assertThat(data).extracting(p -> p.payload().length).containsExactly(1460, 1460, 1080);
    assertThat(data.get(2).seq() - data.get(0).seq()).isEqualTo(2920);
  }

  @Test
  void seedChoosesAStableEphemeralPort() {
    TcpEndpoints a = TcpEndpoints.forSeed(1);
    assertThat(a).isEqualTo(TcpEndpoints.forSeed(1));
    assertThat(a.clientPort()).isBetween(49152, 65535);
    assertThat(TcpEndpoints.forSeed(2).clientPort()).isNotEqualTo(a.clientPort());
    ParsedPcap.Packet syn = capture(real, CaptureOptions.defaults().withEndpoints(a)).packets().get(0);
    assertThat(syn.srcPort()).isEqualTo(a.clientPort());
  }

  @Test
  void sameTraceGivesByteIdenticalCapture() {
    assertThat(Pcap.encode(real, CaptureOptions.defaults())).isEqualTo(Pcap.encode(real, CaptureOptions.defaults()));
  }

  private static TraceEvent.OfNetwork net(double t, Side from, int no, NetworkAction a, int len) {
    byte[] b = new byte[len];
    for (int i = 0; i < len; i++) {
      b[i] = (byte) (no * 31 + i);
    }
    return new TraceEvent.OfNetwork(t, from, no, a, "", Bytes.wrap(b));
  }

  private static byte[] recordsOf(Trace t, Side side) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (TraceEvent e : t.events()) {
      if (e instanceof TraceEvent.OfNetwork n && n.from() == side) {
        out.writeBytes(n.bytes().toByteArray());
      }
    }
    return out.toByteArray();
  }
}
