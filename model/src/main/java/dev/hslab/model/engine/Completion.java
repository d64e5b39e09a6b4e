package dev.hslab.model.engine;

import dev.hslab.model.handshake.Side;
import java.util.Optional;

/** What a completed handshake leaves on the connection: parameters, session, RFC 5746 binding. */
final class Completion {

  private Completion() {}

  static void complete(Connection c) {
    HandshakeContext hs = c.hs;
    boolean resumed = hs.resumedSession != null;
    c.negotiated = new Negotiated(hs.version, hs.suite, resumed, hs.clientAuthenticated, hs.extendedMasterSecret,
        hs.secureRenegotiation, hs.sessionId, hs.clientRandom, hs.masterSecret);
    c.established = true;
    c.secureRenegotiation = hs.secureRenegotiation;
    c.lastClientVerifyData = hs.clientVerifyData;
    c.lastServerVerifyData = hs.serverVerifyData;
    // RFC 5746 §4.4: renegotiate only over a connection that negotiated secure renegotiation.
    c.facts = c.facts.withRenegotiationAllowed(c.config.allowRenegotiation() && hs.secureRenegotiation);
    Session session = ModelEngine.sessionOf(hs);
    if (c.config.side() == Side.SERVER) {
      if (!resumed && c.config.sessionCache() != null) {
        c.config.sessionCache().put(session);
      }
      return;
    }
    if (hs.newTicket != null) {
      session = session.withTicket(hs.newTicket);
    } else if (resumed && hs.resumedSession.ticket().isPresent()) {
      session = session.withTicket(hs.resumedSession.ticket().get());
    }
    c.session = Optional.of(session);
  }
}
