package dev.hslab.model.dtls;

/**
 * The datagram budget: the largest datagram a DTLS endpoint sends (RFC 6347 §4.1.1.1, the PMTU
 * estimate). Each DTLS record must fit a datagram (§4.1.1), so a handshake message longer than
 * the budget is fragmented (§4.2.3).
 */
public record Pmtu(int bytes) {

  /**
   * 1,200 bytes: below the IPv6 minimum MTU (1,280, RFC 8200 §5) minus the IP and UDP headers,
   * the figure QUIC (RFC 9000 §14) and DTLS stacks use when they know nothing better.
   */
  public static final Pmtu DEFAULT = new Pmtu(1200);

  /** A record header, a handshake header and one byte: the smallest budget that still makes progress. */
  private static final int MIN = DtlsRecord.HEADER_LENGTH + 12 + 1;

  public Pmtu {
    if (bytes < MIN || bytes > 0xffff) {
      throw new IllegalArgumentException("PMTU of " + bytes + " bytes, must be " + MIN + "..65535");
    }
  }

  /**
   * The payload one record may carry in a datagram of its own: the budget less the record header
   * and {@code protectionOverhead} (explicit IV or nonce, MAC or tag, padding: at most what the
   * epoch's cipher adds).
   */
  public int recordPayload(int protectionOverhead) {
    int n = bytes - DtlsRecord.HEADER_LENGTH - protectionOverhead;
    if (n <= 0) {
      throw new IllegalArgumentException("PMTU " + bytes + " leaves no room after " + protectionOverhead + " bytes of protection");
    }
    return n;
  }
}
