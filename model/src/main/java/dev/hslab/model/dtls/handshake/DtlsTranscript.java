package dev.hslab.model.dtls.handshake;

import dev.hslab.model.crypto.Transcript;
import dev.hslab.model.message.HandshakeType;

/**
 * The handshake transcript of DTLS (RFC 6347 §4.2.6): each message hashed with its 12-byte DTLS
 * header "as if each handshake message had been sent as a single fragment" (message_seq kept,
 * fragment_offset 0, fragment_length = length), so fragmentation never changes the hash; and
 * "the initial ClientHello and HelloVerifyRequest are not included" (§4.2.1). The hash and
 * Finished computations over it are the TLS ones of {@code model.crypto}.
 */
public final class DtlsTranscript {

  private DtlsTranscript() {}

  /**
   * {@code transcript} after the reassembled message {@code message}: a HelloVerifyRequest
   * starts it again from empty, dropping itself and the ClientHello it answered; any other message
   * but HelloRequest (not hashed in TLS either) is appended in its single-fragment form.
   */
  public static Transcript append(Transcript transcript, HandshakeFragment message) {
    if (!message.isWhole()) {
      throw new IllegalArgumentException("the transcript takes whole messages, not " + message.describe());
    }
    if (message.msgType() == HelloVerifyRequest.TYPE) {
      return Transcript.empty();
    }
    if (message.msgType() == HandshakeType.HELLO_REQUEST.code()) {
      return transcript; // RFC 5246 §7.4.9: HelloRequest is not part of handshake_messages
    }
    return transcript.append(message.encode());
  }

  /** The transcript of {@code messages}, in the order they were sent and received. */
  public static Transcript of(Iterable<HandshakeFragment> messages) {
    Transcript t = Transcript.empty();
    for (HandshakeFragment m : messages) {
      t = append(t, m);
    }
    return t;
  }
}
