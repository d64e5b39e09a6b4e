package dev.hslab.output.capture;

import dev.hslab.model.handshake.Side;
import dev.hslab.model.wire.Bytes;

/**
 * Encodes a {@link Segment} as an Ethernet II frame carrying IPv4 and TCP, or a DTLS datagram as
 * one carrying IPv4 and UDP, with valid checksums, so Wireshark reports no bad checksum and
 * reassembles the stream.
 */
final class Frames {

  static final int ETHERNET_HEADER = 14;
  static final int IPV4_HEADER = 20;
  static final int TCP_HEADER = 20;
  /** The SYN segments carry one option, the MSS (RFC 9293 §3.7.1): kind 2, length 4. */
  static final int MSS_OPTION = 4;

  // Locally administered unicast MACs (IEEE 802: bit 1 of the first octet set, bit 0 clear).
  private static final byte[] CLIENT_MAC = {0x02, 0, 0, 0, 0, 0x01};
  private static final byte[] SERVER_MAC = {0x02, 0, 0, 0, 0, 0x02};
  private static final int ETHERTYPE_IPV4 = 0x0800;
  private static final int PROTOCOL_TCP = 6;
  private static final int PROTOCOL_UDP = 17;
  static final int UDP_HEADER = 8;
  private static final int TTL = 64;
  /** IPv4 "don't fragment" (RFC 791 §3.1), as stacks doing path MTU discovery set it. */
  private static final int DONT_FRAGMENT = 0x4000;
  private static final int WINDOW = 65535;

  private final TcpEndpoints endpoints;
  private final int mss;
  private int clientIpId;
  private int serverIpId;

  Frames(TcpEndpoints endpoints, int mss) {
    this.endpoints = endpoints;
    this.mss = mss;
  }

  byte[] encode(Segment s) {
    boolean client = s.from() == Side.CLIENT;
    int options = (s.flags() & Segment.SYN) != 0 ? MSS_OPTION : 0;
    int tcpLength = TCP_HEADER + options + s.payload().length();
    byte[] f = ipv4(client, PROTOCOL_TCP, tcpLength);
    byte[] src = (client ? endpoints.client() : endpoints.server()).getAddress();
    byte[] dst = (client ? endpoints.server() : endpoints.client()).getAddress();
    int ip = ETHERNET_HEADER;
    // TCP (RFC 9293 §3.1).
    int tcp = ip + IPV4_HEADER;
    put16(f, tcp, client ? endpoints.clientPort() : endpoints.serverPort());
    put16(f, tcp + 2, client ? endpoints.serverPort() : endpoints.clientPort());
    put32(f, tcp + 4, s.seq());
    put32(f, tcp + 8, (s.flags() & Segment.ACK) != 0 ? s.ack() : 0);
    f[tcp + 12] = (byte) (((TCP_HEADER + options) / 4) << 4);
    f[tcp + 13] = (byte) s.flags();
    put16(f, tcp + 14, WINDOW);
    if (options > 0) {
      f[tcp + TCP_HEADER] = 2;
      f[tcp + TCP_HEADER + 1] = 4;
      put16(f, tcp + TCP_HEADER + 2, mss);
    }
    s.payload().copyTo(f, tcp + TCP_HEADER + options);
    put16(f, tcp + 16, Checksums.internet(f, tcp, tcpLength, Checksums.pseudoHeader(src, dst, PROTOCOL_TCP, tcpLength)));
    return f;
  }

  /**
   * One UDP datagram (RFC 768) from {@code from} to the peer's {@code serverPort} (or back to the
   * client's port), its payload a whole DTLS datagram.
   */
  byte[] encodeUdp(Side from, Bytes payload, int serverPort) {
    boolean client = from == Side.CLIENT;
    int udpLength = UDP_HEADER + payload.length();
    byte[] f = ipv4(client, PROTOCOL_UDP, udpLength);
    byte[] src = (client ? endpoints.client() : endpoints.server()).getAddress();
    byte[] dst = (client ? endpoints.server() : endpoints.client()).getAddress();
    int udp = ETHERNET_HEADER + IPV4_HEADER;
    put16(f, udp, client ? endpoints.clientPort() : serverPort);
    put16(f, udp + 2, client ? serverPort : endpoints.clientPort());
    put16(f, udp + 4, udpLength);
    payload.copyTo(f, udp + UDP_HEADER);
    int sum = Checksums.internet(f, udp, udpLength, Checksums.pseudoHeader(src, dst, PROTOCOL_UDP, udpLength));
    put16(f, udp + 6, sum == 0 ? 0xffff : sum); // RFC 768: a computed 0 is sent as all ones
    return f;
  }

  /** The Ethernet II and IPv4 headers of a frame for {@code transportLength} bytes of {@code protocol}. */
  private byte[] ipv4(boolean client, int protocol, int transportLength) {
    int ipLength = IPV4_HEADER + transportLength;
    if (ipLength > 0xffff) {
      throw new IllegalArgumentException("payload of " + transportLength + " bytes does not fit an IPv4 packet");
    }
    byte[] f = new byte[ETHERNET_HEADER + ipLength];
    // Ethernet II: destination, source, EtherType.
    System.arraycopy(client ? SERVER_MAC : CLIENT_MAC, 0, f, 0, 6);
    System.arraycopy(client ? CLIENT_MAC : SERVER_MAC, 0, f, 6, 6);
    put16(f, 12, ETHERTYPE_IPV4);
    byte[] src = (client ? endpoints.client() : endpoints.server()).getAddress();
    byte[] dst = (client ? endpoints.server() : endpoints.client()).getAddress();
    // IPv4 (RFC 791 §3.1).
    int ip = ETHERNET_HEADER;
    f[ip] = 0x45; // version 4, header of 5 words
    put16(f, ip + 2, ipLength);
    put16(f, ip + 4, client ? ++clientIpId : ++serverIpId);
    put16(f, ip + 6, DONT_FRAGMENT);
    f[ip + 8] = (byte) TTL;
    f[ip + 9] = (byte) protocol;
    System.arraycopy(src, 0, f, ip + 12, 4);
    System.arraycopy(dst, 0, f, ip + 16, 4);
    put16(f, ip + 10, Checksums.internet(f, ip, IPV4_HEADER, 0));
    return f;
  }

  static void put16(byte[] b, int off, int v) {
    b[off] = (byte) (v >>> 8);
    b[off + 1] = (byte) v;
  }

  static void put32(byte[] b, int off, long v) {
    b[off] = (byte) (v >>> 24);
    b[off + 1] = (byte) (v >>> 16);
    b[off + 2] = (byte) (v >>> 8);
    b[off + 3] = (byte) v;
  }
}
