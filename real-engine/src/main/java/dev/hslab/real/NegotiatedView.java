package dev.hslab.real;

import dev.hslab.model.engine.Negotiated;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.message.ClientHello;
import dev.hslab.model.message.ServerHello;
import dev.hslab.model.message.extension.ExtendedMasterSecretExtension;
import dev.hslab.model.message.extension.RenegotiationInfoExtension;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import java.security.cert.Certificate;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * A {@link Negotiated} for a real engine: the hellos as our codec decoded them where they are
 * visible (version, suite, session ID, client random, extensions), the {@link SSLSession} for what
 * the wire does not show (whether the client authenticated). The master secret stays unknown.
 */
final class NegotiatedView {

  private NegotiatedView() {}

  static Negotiated of(WireObserver wire, SSLSession session, Side side) {
    return of(wire.clientHello(), wire.serverHello(), wire.abbreviated(), session, side);
  }

  /** The same from the hellos as a stream or datagram observer decoded them. */
  static Negotiated of(Optional<ClientHello> ch, Optional<ServerHello> sh, boolean abbreviated, SSLSession session,
      Side side) {
    ProtocolVersion version = sh.map(ServerHello::serverVersion).orElseGet(() -> fromJsse(session.getProtocol()));
    CipherSuite suite = sh.flatMap(ServerHello::knownSuite)
        .or(() -> CipherSuite.fromIanaName(session.getCipherSuite()))
        .orElseThrow(() -> new IllegalStateException("negotiated an unknown suite " + session.getCipherSuite()));
    boolean ems = sh.isPresent() && ch.isPresent()
        && sh.get().extension(ExtendedMasterSecretExtension.class).isPresent()
        && ch.get().extension(ExtendedMasterSecretExtension.class).isPresent();
    boolean secureRenegotiation = sh.isPresent() && sh.get().extension(RenegotiationInfoExtension.class).isPresent();
    Bytes sessionId = sh.map(ServerHello::sessionId).orElseGet(() -> Bytes.wrap(session.getId()));
    return new Negotiated(version, suite, abbreviated, clientAuthenticated(session, side), ems,
        secureRenegotiation, sessionId, ch.map(ClientHello::random).orElse(Bytes.EMPTY), Bytes.EMPTY);
  }

  private static boolean clientAuthenticated(SSLSession session, Side side) {
    if (side == Side.CLIENT) {
      Certificate[] local = session.getLocalCertificates();
      return local != null && local.length > 0;
    }
    try {
      return session.getPeerCertificates().length > 0;
    } catch (SSLPeerUnverifiedException e) {
      return false;
    }
  }

  private static ProtocolVersion fromJsse(String name) {
    for (ProtocolVersion v : ProtocolVersion.SUPPORTED) {
      if (v.jsseName().equals(name)) {
        return v;
      }
    }
    for (ProtocolVersion v : ProtocolVersion.DTLS) {
      if (v.jsseName().equals(name)) {
        return v;
      }
    }
    throw new IllegalStateException("negotiated an unknown protocol " + name);
  }
}
