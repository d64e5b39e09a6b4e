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
 * What the capture shows of each network fault is described on {@link TcpConversation}.
 */
public final class Pcap {

  /** The libpcap magic for microsecond timestamps, written little-endian. */
  static final int MAGIC = 0xa1b2c3d4;
  static final int LINKTYPE_ETHERNET = 1;
  static final int SNAPLEN = 65535;
  static final int GLOBAL_HEADER = 24;
  static final int RECORD_HEADER = 16;

  private Pcap() {}

  public static void write(Trace trace, Path file) throws IOException {
    write(trace, CaptureOptions.defaults(), file);
  }

  public static void write(Trace trace, CaptureOptions options, Path file) throws IOException {
    Files.write(file, encode(trace, options));
  }

  /** The capture file's bytes. */
  public static byte[] encode(Trace trace, CaptureOptions options) {
    List<Segment> segments = TcpConversation.of(trace, options.maxSegment());
    Frames frames = new Frames(options.endpoints(), options.maxSegment());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    // https://wiki.wireshark.org/Development/LibpcapFileFormat: the global header.
    int32(out, MAGIC);
    int16(out, 2);
    int16(out, 4);
    int32(out, 0); // thiszone: timestamps are UTC
    int32(out, 0); // sigfigs
    int32(out, SNAPLEN);
    int32(out, LINKTYPE_ETHERNET);
    for (Segment s : segments) {
      byte[] frame = frames.encode(s);
      int32(out, (int) (s.timeMicros() / 1_000_000));
      int32(out, (int) (s.timeMicros() % 1_000_000));
      int32(out, frame.length);
      int32(out, frame.length);
      out.writeBytes(frame);
    }
    return out.toByteArray();
  }

  private static void int16(ByteArrayOutputStream out, int v) {
    out.write(v);
    out.write(v >>> 8);
  }

  private static void int32(ByteArrayOutputStream out, int v) {
    int16(out, v);
    int16(out, v >>> 16);
  }
}
