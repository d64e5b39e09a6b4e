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

  /** A renegotiation starts a new handshake over the protected connection. */
  void beginNextHandshake() {
    hs = new HandshakeContext();
    facts = facts.nextHandshake();
  }
}
