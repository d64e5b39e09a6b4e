package dev.hslab.model.dtls;

/**
 * What the DTLS record layer decided about one record: accepted, or silently discarded with the
 * reason (RFC 6347 §4.1.2.7: "invalid records SHOULD be silently discarded, thus preserving the
 * association"). A value, not an exception: a datagram stack that threw on a forged or stale
 * record would let anyone with a socket end the connection, which is what §4.1.2.7 avoids. The
 * caller decides what to log, count or (for a record of the next epoch) buffer.
 */
public sealed interface RecordDecision {

  /** Why a record was discarded. */
  enum Reason {
    /** Fewer bytes left in the datagram than a record header (RFC 6347 §4.1.1: records never span datagrams). */
    TRUNCATED_HEADER,
    /** The header's length runs past the end of the datagram. */
    LENGTH_BEYOND_DATAGRAM,
    /** A content type RFC 6347 §4.1 does not define. */
    UNKNOWN_CONTENT_TYPE,
    /** Not a DTLS version of this connection (RFC 6347 §4.1: the version field). */
    BAD_VERSION,
    /** Longer than 2^14 + 2048 protected or 2^14 plaintext bytes (RFC 5246 §6.2.3, §6.2.1). */
    RECORD_OVERFLOW,
    /** An epoch this side has no keys for yet (RFC 6347 §4.1: "MAY ... discard ... or buffer"). */
    FUTURE_EPOCH,
    /** An epoch whose keys are gone. */
    OLD_EPOCH,
    /** A sequence number already received, or left of the window (RFC 6347 §4.1.2.6). */
    REPLAYED,
    /** The MAC or AEAD tag did not verify, or the padding was bad (RFC 6347 §4.1.2.7). */
    BAD_RECORD_MAC
  }

  /** The record, framed (from a datagram) or opened (from a read state). */
  record Accepted(DtlsRecord record) implements RecordDecision {}

  /** A record dropped without an alert; {@code detail} says what was seen, for traces. */
  record Discarded(Reason reason, String detail) implements RecordDecision {}
}
