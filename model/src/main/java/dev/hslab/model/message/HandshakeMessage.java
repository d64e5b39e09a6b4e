package dev.hslab.model.message;

import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.WireWriter;

/**
 * A handshake message (RFC 5246 §7.4): an immutable value that encodes to its exact RFC bytes.
 * Each implementation has a {@code static X decode(WireReader body, DecodeContext ctx)} that
 * consumes the whole body or throws the alert to send.
 */
public sealed interface HandshakeMessage
    permits HelloRequest, ClientHello, ServerHello, NewSessionTicket, CertificateMessage, ServerKeyExchange,
        CertificateRequest, ServerHelloDone, CertificateVerify, ClientKeyExchange, Finished {

  HandshakeType type();

  /** Writes the body, without the four-byte handshake header. */
  void encodeBody(WireWriter w);

  /** A stable one-line description for traces, e.g. {@code ServerHello TLSv1.2 TLS_...}. */
  String describe();

  default Bytes body() {
    WireWriter w = new WireWriter();
    encodeBody(w);
    return w.toBytes();
  }

  /** The message with its header: {@code msg_type(1) length(3) body} (RFC 5246 §7.4). */
  default Bytes encode() {
    return HandshakeCodec.frame(type(), body());
  }
}
