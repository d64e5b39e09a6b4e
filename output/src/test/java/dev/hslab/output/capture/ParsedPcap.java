package dev.hslab.output.capture;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** An independent reader of the captures under test: global header, records, IPv4 and TCP fields. */
public record ParsedPcap(int magic, int versionMajor, int versionMinor, int snaplen, int linkType, List<Packet> packets) {

  public record Packet(long timeMicros, int capturedLength, int originalLength, byte[] frame) {
    int etherType() {
      return u16(12);
    }

    int ip() {
      return 14;
    }

    int ipTotalLength() {
      return u16(ip() + 2);
    }

    String srcIp() {
      return ipString(ip() + 12);
    }

    String dstIp() {
      return ipString(ip() + 16);
    }

    int tcp() {
      return ip() + (frame[ip()] & 0x0f) * 4;
    }

    public int srcPort() {
      return u16(tcp());
    }

    public int dstPort() {
      return u16(tcp() + 2);
    }

    public long seq() {
      return u32(tcp() + 4);
    }

    long ack() {
      return u32(tcp() + 8);
    }

    public int flags() {
      return frame[tcp() + 13] & 0xff;
    }

    int tcpHeaderLength() {
      return ((frame[tcp() + 12] & 0xff) >>> 4) * 4;
    }

    public byte[] payload() {
      return Arrays.copyOfRange(frame, tcp() + tcpHeaderLength(), ip() + ipTotalLength());
    }

    /** RFC 1071: summing a header with its checksum in place gives 0xffff (complement 0). */
    public boolean ipChecksumValid() {
      return onesComplementSum(frame, ip(), (frame[ip()] & 0x0f) * 4, 0) == 0xffff;
    }

    public boolean tcpChecksumValid() {
      int tcpLen = ipTotalLength() - (tcp() - ip());
      long pseudo = 0;
      for (int i = 0; i < 8; i += 2) {
        pseudo += u16(ip() + 12 + i);
      }
      pseudo += 6 + tcpLen;
      return onesComplementSum(frame, tcp(), tcpLen, pseudo) == 0xffff;
    }

    private int u16(int off) {
      return ((frame[off] & 0xff) << 8) | (frame[off + 1] & 0xff);
    }

    private long u32(int off) {
      return ((long) u16(off) << 16) | u16(off + 2);
    }

    private String ipString(int off) {
      return (frame[off] & 0xff) + "." + (frame[off + 1] & 0xff) + "." + (frame[off + 2] & 0xff) + "." + (frame[off + 3] & 0xff);
    }
  }

  static int onesComplementSum(byte[] b, int off, int len, long initial) {
    long sum = initial;
    for (int i = 0; i < len; i += 2) {
      int hi = b[off + i] & 0xff;
      int lo = i + 1 < len ? b[off + i + 1] & 0xff : 0;
      sum += (hi << 8) | lo;
    }
    while ((sum >>> 16) != 0) {
      sum = (sum & 0xffff) + (sum >>> 16);
    }
    return (int) sum;
  }

  public static ParsedPcap parse(byte[] file) {
    ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    int magic = b.getInt();
    int major = b.getShort() & 0xffff;
    int minor = b.getShort() & 0xffff;
    b.getInt();
    b.getInt();
    int snaplen = b.getInt();
    int link = b.getInt();
    List<Packet> packets = new ArrayList<>();
    while (b.hasRemaining()) {
      long sec = b.getInt() & 0xffffffffL;
      long usec = b.getInt() & 0xffffffffL;
      int incl = b.getInt();
      int orig = b.getInt();
      byte[] frame = new byte[incl];
      b.get(frame);
      packets.add(new Packet(sec * 1_000_000 + usec, incl, orig, frame));
    }
    return new ParsedPcap(magic, major, minor, snaplen, link, packets);
  }
}
