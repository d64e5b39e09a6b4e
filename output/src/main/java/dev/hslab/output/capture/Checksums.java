package dev.hslab.output.capture;

/** The Internet checksum (RFC 1071) of IPv4 headers and TCP segments. */
final class Checksums {

  private Checksums() {}

  /**
   * The one's complement of the one's complement sum of the 16-bit words of {@code b[off, off+len)}
   * (an odd last byte padded with zero), starting from {@code initial}. The checksum field must be
   * zero while it is computed; a receiver summing the same bytes with it filled in gets 0.
   */
  static int internet(byte[] b, int off, int len, long initial) {
    long sum = initial;
    int i = off;
    for (; i + 1 < off + len; i += 2) {
      sum += ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
    }
    if (i < off + len) {
      sum += (b[i] & 0xff) << 8;
    }
    while ((sum >>> 16) != 0) {
      sum = (sum & 0xffff) + (sum >>> 16);
    }
    return (int) (~sum & 0xffff);
  }

  /** RFC 9293 §3.1: the TCP checksum also covers source, destination, protocol and TCP length. */
  static long pseudoHeader(byte[] src, byte[] dst, int protocol, int tcpLength) {
    long sum = 0;
    for (int i = 0; i < 4; i += 2) {
      sum += ((src[i] & 0xff) << 8) | (src[i + 1] & 0xff);
      sum += ((dst[i] & 0xff) << 8) | (dst[i + 1] & 0xff);
    }
    return sum + protocol + tcpLength;
  }
}
