package dev.hslab.model.engine;

import dev.hslab.model.handshake.Facts;
import dev.hslab.model.wire.Bytes;
import java.util.Optional;

/**
 * The state one engine keeps across handshakes of one connection: configuration, record layer,
 * the table facts, the current handshake, and what RFC 5746 binds a renegotiation to.
 */
final class Connection {

  final EngineConfig config;
  final RecordLayer records;
  Facts facts;
  HandshakeContext hs = new HandshakeContext();
  /** A handshake has completed on this connection. */
  boolean established;
  /** RFC 5746 was negotiated on the last completed handshake. */
  boolean secureRenegotiation;
  Bytes lastClientVerifyData = Bytes.EMPTY;
  Bytes lastServerVerifyData = Bytes.EMPTY;
  Negotiated negotiated;
  /** The client's session after a completed handshake, to resume later. */
  Optional<Session> session = Optional.empty();
  /** Application data waiting for the SEND_DATA row. */
  Bytes pendingData = Bytes.EMPTY;

  Connection(EngineConfig config, RecordLayer records) {
    this.config = config;
    this.records = records;
    this.facts = Facts.initial(config.allowRenegotiation());
  }

  /**
   * The form of one of our handshake messages that the transcript hashes: the TLS encoding itself,
   * or for DTLS the message as one fragment with the message_seq it is about to be sent with
   * (RFC 6347 §4.2.6). For a message produced and hashed before it is sent (the ClientKeyExchange
   * an extended master secret covers, RFC 7627 §4).
   */
  Bytes transcriptForm(Bytes tlsEncoding) {
    DtlsRecords d = records.dtls();
    if (d == null) {
      return tlsEncoding;
    }
    return dev.hslab.model.dtls.handshake.HandshakeFragment.whole(tlsEncoding.getUnsigned(0), d.sendSeq,
        tlsEncoding.slice(4, tlsEncoding.length())).encode();
  }

  /** A renegotiation starts a new handshake over the protected connection. */
  void beginNextHandshake() {
    hs = new HandshakeContext();
    facts = facts.nextHandshake();
  }
}
