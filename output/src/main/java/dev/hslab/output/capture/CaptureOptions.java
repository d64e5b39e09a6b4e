package dev.hslab.output.capture;

import java.util.Objects;

/**
 * How {@link Pcap} frames a trace.
 *
 * @param endpoints the addresses and ports of the synthetic connection
 * @param maxSegment the TCP maximum segment size: a record longer than this is split over
 *     several segments, as a real stack on Ethernet (MTU 1500) would (RFC 879: 1500 - 40 = 1460)
 */
public record CaptureOptions(TcpEndpoints endpoints, int maxSegment) {

  public static final int ETHERNET_MSS = 1460;

  /** The largest payload whose frame (14 + 20 + 24 header bytes) fits the 65535-byte snapshot length. */
  public static final int MAX_SEGMENT = 65535 - 14 - 20 - 24;

  public CaptureOptions {
    Objects.requireNonNull(endpoints, "endpoints");
    if (maxSegment < 64 || maxSegment > MAX_SEGMENT) {
      throw new IllegalArgumentException("maximum segment size out of range: " + maxSegment);
    }
  }

  public static CaptureOptions defaults() {
    return new CaptureOptions(TcpEndpoints.DEFAULT, ETHERNET_MSS);
  }

  public CaptureOptions withEndpoints(TcpEndpoints e) {
    return new CaptureOptions(e, maxSegment);
  }
}
