package dev.hslab.output.capture;

import dev.hslab.model.handshake.Side;
import dev.hslab.model.wire.Bytes;

/**
 * One TCP segment of the synthetic connection, at a capture time in microseconds.
 *
 * @param seq the sequence number of the first payload byte (or of the SYN/FIN)
 * @param ack the acknowledgment number, meaningful when {@link #ACK} is set
 */
record Segment(long timeMicros, Side from, int flags, long seq, long ack, Bytes payload) {

  // RFC 9293 §3.1: the control bits.
  static final int FIN = 0x01;
  static final int SYN = 0x02;
  static final int RST = 0x04;
  static final int PSH = 0x08;
  static final int ACK = 0x10;
}
