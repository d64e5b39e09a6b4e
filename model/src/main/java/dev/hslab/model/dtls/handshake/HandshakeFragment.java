package dev.hslab.model.dtls.handshake;

import dev.hslab.model.message.HandshakeType;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.TlsAlertException;
import dev.hslab.model.wire.WireReader;
import dev.hslab.model.wire.WireWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * One DTLS handshake fragment (RFC 6347 §4.2.2): {@code msg_type(1) length(3) message_seq(2)
 * fragment_offset(3) fragment_length(3)} then the fragment. A whole message is the fragment with
 * offset 0 and fragment_length = length; that form is also what the transcript hashes (§4.2.6).
 * {@code msgType} stays a code, because hello_verify_request(3) is a DTLS message the TLS {@link
 * HandshakeType} does not list.
 */
public record HandshakeFragment(int msgType, int length, int messageSeq, int fragmentOffset, Bytes fragment) {

  /** The 12-byte DTLS handshake header. */
  public static final int HEADER_LENGTH = 12;

  /** RFC 6347 §4.2.2: uint24 length. */
  public static final int MAX_LENGTH = 0xffffff;

  public HandshakeFragment {
    if (msgType < 0 || msgType > 0xff || messageSeq < 0 || messageSeq > 0xffff) {
      throw new IllegalArgumentException("msg_type or message_seq out of range: " + msgType + ", " + messageSeq);
    }
    if (length < 0 || length > MAX_LENGTH || fragmentOffset < 0 || fragment == null
        || (long) fragmentOffset + fragment.length() > length) {
      throw new IllegalArgumentException("fragment " + fragmentOffset + "+" + (fragment == null ? "null" : fragment.length())
          + " does not fit a message of " + length + " bytes");
    }
  }

  /** The whole message {@code body} as one fragment. */
  public static HandshakeFragment whole(int msgType, int messageSeq, Bytes body) {
    return new HandshakeFragment(msgType, body.length(), messageSeq, 0, body);
  }

  /** Whether this fragment is the whole message. */
  public boolean isWhole() {
    return fragmentOffset == 0 && fragment.length() == length;
  }

  /** fragment_length. */
  public int fragmentLength() {
    return fragment.length();
  }

  /** Header and fragment as sent. */
  public Bytes encode() {
    WireWriter w = new WireWriter(HEADER_LENGTH + fragment.length());
    w.uint8(msgType).uint24(length).uint16(messageSeq).uint24(fragmentOffset).uint24(fragment.length()).bytes(fragment);
    return w.toBytes();
  }

  /**
   * The fragments of one handshake record, in order: a record may carry several (RFC 6347 §4.2.3),
   * and none may run past the record. A fragment reaching past its message's length is
   * decode_error.
   */
  public static List<HandshakeFragment> decodeAll(Bytes recordFragment) throws TlsAlertException {
    WireReader r = WireReader.of(recordFragment, "DTLS handshake");
    List<HandshakeFragment> out = new ArrayList<>();
    while (r.hasRemaining()) {
      out.add(decode(r));
    }
    return out;
  }

  /** One fragment from {@code r}. */
  public static HandshakeFragment decode(WireReader r) throws TlsAlertException {
    int type = r.uint8("msg_type");
    int length = r.uint24("length");
    int seq = r.uint16("message_seq");
    int offset = r.uint24("fragment_offset");
    int fragmentLength = r.uint24("fragment_length");
    if ((long) offset + fragmentLength > length) {
      throw r.error(AlertDescription.DECODE_ERROR,
          "fragment " + offset + "+" + fragmentLength + " runs past the message length " + length);
    }
    Bytes fragment = r.fixed(fragmentLength, "fragment");
    return new HandshakeFragment(type, length, seq, offset, fragment);
  }

  /** The RFC name of a handshake type code, DTLS's hello_verify_request included. */
  public static String typeName(int msgType) {
    try {
      return HandshakeType.fromDtlsCode(msgType).rfcName();
    } catch (TlsAlertException e) {
      return "unknown(" + msgType + ")";
    }
  }

  /** A stable one-line description, e.g. {@code certificate seq=2 [0..1175) of 2803}. */
  public String describe() {
    return typeName(msgType) + " seq=" + messageSeq + " [" + fragmentOffset + ".." + (fragmentOffset + fragment.length())
        + ") of " + length;
  }
}
