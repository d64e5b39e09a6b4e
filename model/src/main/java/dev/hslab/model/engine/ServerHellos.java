package dev.hslab.model.engine;

import dev.hslab.model.message.ServerHello;
import dev.hslab.model.message.extension.EcPointFormatsExtension;
import dev.hslab.model.message.extension.ExtendedMasterSecretExtension;
import dev.hslab.model.message.extension.Extension;
import dev.hslab.model.message.extension.RenegotiationInfoExtension;
import dev.hslab.model.message.extension.SessionTicketExtension;
import dev.hslab.model.wire.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The server's hello (RFC 5246 §7.4.1.3): only extensions the client offered (§7.4.1.4). */
final class ServerHellos {

  private ServerHellos() {}

  static ServerHello build(Connection c) {
    HandshakeContext hs = c.hs;
    hs.serverRandom = Bytes.wrap(c.config.random().nextBytes(32));
    List<Extension> ext = new ArrayList<>();
    if (hs.secureRenegotiation) {
      // RFC 5746 §3.6–3.7: empty at first, then both Finished verify_data of the connection.
      ext.add(new RenegotiationInfoExtension(c.established
          ? Bytes.concat(c.lastClientVerifyData, c.lastServerVerifyData) : Bytes.EMPTY));
    }
    if (hs.extendedMasterSecret) {
      ext.add(ExtendedMasterSecretExtension.INSTANCE);
    }
    if (hs.ticket) {
      ext.add(SessionTicketExtension.EMPTY); // RFC 5077 §3.2: a NewSessionTicket will follow
    }
    if (hs.suite.keyExchange().elliptic() && hs.clientHello.extension(EcPointFormatsExtension.class).isPresent()) {
      ext.add(EcPointFormatsExtension.uncompressedOnly()); // RFC 8422 §5.2
    }
    ServerHello sh = new ServerHello(hs.version, hs.serverRandom, hs.sessionId, hs.suite.code(), 0,
        ext.isEmpty() ? Optional.empty() : Optional.of(ext));
    if (hs.resumedSession != null) {
      // RFC 5246 §7.3: an abbreviated handshake derives new keys from the session's master secret.
      c.records.setPending(hs.suite, hs.version,
          hs.derivation.sessionKeys(hs.masterSecret, hs.clientRandom, hs.serverRandom));
    }
    return sh;
  }
}
