package dev.hslab.output.capture;

import dev.hslab.model.trace.Trace;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a trace as a classic libpcap capture (LINKTYPE_ETHERNET) of one synthetic TCP
 * connection that Wireshark and tshark dissect as TLS; with the {@link KeyLog} they decrypt it.
 * What the capture shows of each network fault is described on {@link TcpConversation}. A DTLS
 * trace is written as UDP datagrams to port {@link UdpDatagrams#DTLS_PORT} instead
 * ({@link UdpDatagrams}), which tshark dissects as DTLS with {@code -d udp.port==4433,dtls}.
 */
public final class Pcap {

  /** The libpcap magic for microsecond timestamps, written little-endian. */
  static final int MAGIC = 0xa1b2c3d4;
  static final int LINKTYPE_ETHERNET = 1;
  static final int SNAPLEN = 65535;
  static final int GLOBAL_HEADER = 24;
  static final int RECORD_HEADER = 16;
  /** The pause between two connections of one capture. */
  static final long GAP_MICROS = 1_000_000;

  private Pcap() {}

  public static void write(Trace trace, Path file) throws IOException {
    write(trace, CaptureOptions.defaults(), file);
  }

  public static void write(Trace trace, CaptureOptions options, Path file) throws IOException {
    Files.write(file, encode(trace, options));
  }

  /**
   * Several connections of one run in one capture: connection k (from 0) uses the seed's
   * endpoints ({@link TcpEndpoints#forSeed}) with client port + k.
   */
  public static void write(List<Trace> traces, long seed, Path file) throws IOException {
    TcpEndpoints base = TcpEndpoints.forSeed(seed);
    List<CaptureOptions> options = new java.util.ArrayList<>();
    for (int k = 0; k < traces.size(); k++) {
      int port = TcpEndpoints.FIRST_EPHEMERAL_PORT + (base.clientPort() - TcpEndpoints.FIRST_EPHEMERAL_PORT + k) % 16384;
      options.add(CaptureOptions.defaults().withEndpoints(
          new TcpEndpoints(base.client(), port, base.server(), base.serverPort())));
    }
    Files.write(file, encode(traces, options));
  }

  /** The capture file's bytes. */
  public static byte[] encode(Trace trace, CaptureOptions options) {
    return encode(List.of(trace), List.of(options));
  }

  /**
   * One capture of several connections (a full handshake and its resumption), each its own TCP
   * connection with its own endpoints (give them different client ports), one after the other:
   * each starts a second after the previous one's last packet, so timestamps only increase.
   */
  public static byte[] encode(List<Trace> traces, List<CaptureOptions> options) {
    if (traces.size() != options.size() || traces.isEmpty()) {
      throw new IllegalArgumentException("one capture option per connection, at least one connection");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    // https://wiki.wireshark.org/Development/LibpcapFileFormat: the global header.
    int32(out, MAGIC);
    int16(out, 2);
    int16(out, 4);
    int32(out, 0); // thiszone: timestamps are UTC
    int32(out, 0); // sigfigs
    int32(out, SNAPLEN);
    int32(out, LINKTYPE_ETHERNET);
    long end = Long.MIN_VALUE;
    for (int i = 0; i < traces.size(); i++) {
      Frames frames = new Frames(options.get(i).endpoints(), options.get(i).maxSegment());
      List<Packet> packets = new java.util.ArrayList<>();
      if (UdpDatagrams.isDtls(traces.get(i))) {
        for (UdpDatagrams.Datagram d : UdpDatagrams.of(traces.get(i))) {
          packets.add(new Packet(d.timeMicros(), frames.encodeUdp(d.from(), d.payload(), UdpDatagrams.DTLS_PORT)));
        }
      } else {
        for (Segment s : TcpConversation.of(traces.get(i), options.get(i).maxSegment())) {
          packets.add(new Packet(s.timeMicros(), frames.encode(s)));
        }
      }
      if (packets.isEmpty()) {
        continue;
      }
      long shift = end == Long.MIN_VALUE ? 0 : Math.max(0, end + GAP_MICROS - packets.get(0).timeMicros());
      for (Packet p : packets) {
        long t = p.timeMicros() + shift;
        byte[] frame = p.frame();
        int32(out, (int) (t / 1_000_000));
        int32(out, (int) (t % 1_000_000));
        int32(out, frame.length);
        int32(out, frame.length);
        out.writeBytes(frame);
        end = t;
      }
    }
    return out.toByteArray();
  }

  /** One frame of the capture at its time. */
  private record Packet(long timeMicros, byte[] frame) {}

  private static void int16(ByteArrayOutputStream out, int v) {
    out.write(v);
    out.write(v >>> 8);
  }

  private static void int32(ByteArrayOutputStream out, int v) {
    int16(out, v);
    int16(out, v >>> 16);
  }
}
