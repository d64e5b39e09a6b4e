package dev.hslab.model.message;

import dev.hslab.model.message.HandshakeType;
import dev.hslab.model.record.ChangeCipherSpec;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.TlsAlertException;
import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds handshake messages from handshake record fragments (RFC 5246 §6.2.1: message
 * boundaries are not preserved; several messages may share a record and one message may span
 * several, its four-byte header included). The declared length is checked against the configured
 * maximum, and the body buffer then grows with the bytes that actually arrive (at most doubling),
 * never with the length a header merely claims: a peer cannot make us reserve 2^24 bytes by
 * sending four.
 *
 * <p>After an error the reassembler is failed and repeats the alert.
 */
public final class HandshakeReassembler {

  /** RFC 5246 §7.4: the handshake length is a uint24. */
  public static final int PROTOCOL_MAX_MESSAGE_LENGTH = 0xffffff;

  private static final int HEADER_LENGTH = 4;

  /** One complete message: its type, its body and its exact bytes with header (for the transcript). */
  public record Message(HandshakeType type, Bytes body, Bytes fullEncoding) {}

  /** Bytes the first fragment of a body may reserve before more of it has arrived. */
  private static final int INITIAL_BUFFER = 1024;

  private final int maxMessageLength;
  private final byte[] header = new byte[HEADER_LENGTH];
  private int headerFill;
  private HandshakeType type;
  private byte[] body;
  private int bodyLength;
  private int bodyFill;
  private TlsAlertException failure;

  public HandshakeReassembler(int maxMessageLength) {
    if (maxMessageLength < 0 || maxMessageLength > PROTOCOL_MAX_MESSAGE_LENGTH) {
      throw new IllegalArgumentException("maximum out of range: " + maxMessageLength);
    }
    this.maxMessageLength = maxMessageLength;
  }

  /**
   * Adds the fragment of one handshake record and returns the messages it completes, in order.
   * An empty fragment completes nothing (it may not be sent, RFC 5246 §6.2.1, but real stacks
   * tolerate it on receipt).
   */
  public List<Message> add(Bytes fragment) throws TlsAlertException {
    if (failure != null) {
      throw new TlsAlertException(failure.alert(), failure.getMessage());
    }
    List<Message> out = new ArrayList<>(2);
    try {
      byte[] in = fragment.toByteArray();
      int pos = 0;
      int len = in.length;
      while (pos < len) {
        if (headerFill < HEADER_LENGTH) {
          header[headerFill++] = in[pos++];
          if (headerFill == HEADER_LENGTH) {
            startBody();
          }
        } else {
          int n = Math.min(len - pos, bodyLength - bodyFill);
          ensureCapacity(bodyFill + n);
          System.arraycopy(in, pos, body, bodyFill, n);
          bodyFill += n;
          pos += n;
        }
        if (headerFill == HEADER_LENGTH && bodyFill == bodyLength) {
          out.add(complete());
        }
      }
    } catch (TlsAlertException e) {
      failure = e;
      throw e;
    }
    return out;
  }

  /**
   * Whether part of a message is buffered. RFC 5246 §7.1: a ChangeCipherSpec (and, as real stacks
   * do, an alert or application data) arriving while a handshake message is incomplete is
   * unexpected_message; the engine asks this before accepting one.
   */
  public boolean hasPartialMessage() {
    return headerFill > 0;
  }

  /** The bytes reserved for the message in progress (0 between messages): bounded by what arrived. */
  public int bufferedCapacity() {
    return body == null ? 0 : body.length;
  }

  private void ensureCapacity(int needed) {
    if (needed > body.length) {
      body = java.util.Arrays.copyOf(body, Math.min(bodyLength, Math.max(needed, 2 * body.length)));
    }
  }

  private void startBody() throws TlsAlertException {
    // RFC 5246 §7.4: an unknown HandshakeType is unexpected_message.
    type = HandshakeType.fromCode(header[0] & 0xff);
    int length = ((header[1] & 0xff) << 16) | ((header[2] & 0xff) << 8) | (header[3] & 0xff);
    if (length > maxMessageLength) {
      // The RFC allows 2^24-1; stacks cap it and answer illegal_parameter (OpenSSL's
      // read_state_machine: SSL_R_EXCESSIVE_MESSAGE_SIZE with SSL_AD_ILLEGAL_PARAMETER).
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
          "handshake: " + type.rfcName() + " length " + length + " exceeds the maximum " + maxMessageLength);
    }
    bodyLength = length;
    body = new byte[Math.min(length, INITIAL_BUFFER)];
    bodyFill = 0;
  }

  private Message complete() {
    byte[] full = new byte[HEADER_LENGTH + bodyLength];
    System.arraycopy(header, 0, full, 0, HEADER_LENGTH);
    System.arraycopy(body, 0, full, HEADER_LENGTH, bodyLength);
    Message m = new Message(type, Bytes.wrap(body), Bytes.wrap(full));
    headerFill = 0;
    body = null;
    bodyFill = 0;
    type = null;
    return m;
  }
}
