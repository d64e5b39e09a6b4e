package dev.hslab.real.conform;

import dev.hslab.model.handshake.Facts;
import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.message.CertificateMessage;
import dev.hslab.model.message.ClientHello;
import dev.hslab.model.message.DecodeContext;
import dev.hslab.model.message.HandshakeCodec;
import dev.hslab.model.message.ServerHello;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.List;

/**
 * The table {@link Facts} of one handshake, read from its messages: version and key exchange from
 * the ServerHello's content, resumption from the echoed session ID (RFC 5246 §7.4.1.3) or, for a
 * ticket with a fresh ID (RFC 5077 §3.4), from the server going to ChangeCipherSpec without a
 * ServerHelloDone; ticket, certificate request and client certificate from the messages present.
 * The facts say which optional messages this handshake has; the table then checks their order.
 */
final class SequenceFacts {

  private SequenceFacts() {}

  /**
   * @param segment one handshake's messages, from its ClientHello to the next one (or the end),
   *     in the order of an endpoint whose own messages are {@code sent}
   * @param clientSent whether the client's messages are the segment's sent ones
   */
  static Facts of(List<Observed> segment, boolean clientSent, boolean renegotiating) {
    ClientHello ch = null;
    ServerHello sh = null;
    boolean helloDone = false;
    boolean serverCcs = false;
    boolean ticket = false;
    boolean requested = false;
    boolean clientCert = false;
    boolean refused = false;
    for (Observed o : segment) {
      MessageKind k = o.message().kind();
      boolean fromClient = o.sent() == clientSent;
      if (k == null) {
        continue;
      }
      switch (k) {
        case CLIENT_HELLO -> ch = decode(o, ClientHello.class, null);
        case SERVER_HELLO -> sh = decode(o, ServerHello.class, null);
        case SERVER_HELLO_DONE -> helloDone = true;
        case CHANGE_CIPHER_SPEC -> serverCcs |= !fromClient;
        case NEW_SESSION_TICKET -> ticket = true;
        case CERTIFICATE_REQUEST -> requested = true;
        case CERTIFICATE -> {
          if (fromClient) {
            CertificateMessage c = decode(o, CertificateMessage.class, sh);
            clientCert = c != null && !c.certificates().isEmpty();
          }
        }
        case NO_RENEGOTIATION_ALERT -> refused = true;
        default -> { }
      }
    }
    ProtocolVersion v = sh == null ? null : sh.serverVersion();
    KeyExchange kex = sh == null ? null : sh.knownSuite().map(CipherSuite::keyExchange).orElse(null);
    boolean echoed = sh != null && ch != null && !sh.sessionId().isEmpty() && sh.sessionId().equals(ch.sessionId());
    boolean resumed = echoed || (sh != null && !helloDone && serverCcs);
    boolean hint = kex == KeyExchange.PSK && segment.stream().anyMatch(o -> o.message().kind() == MessageKind.SERVER_KEY_EXCHANGE);
    return new Facts(v, kex, resumed, ticket, hint, requested, clientCert, !refused, renegotiating);
  }

  private static <T> T decode(Observed o, Class<T> type, ServerHello sh) {
    try {
      ProtocolVersion v = sh == null ? ProtocolVersion.TLS12 : sh.serverVersion();
      KeyExchange kex = sh == null ? null : sh.knownSuite().map(CipherSuite::keyExchange).orElse(null);
      Object m = HandshakeCodec.decode(o.message().encoding(), new DecodeContext(v, kex));
      return type.isInstance(m) ? type.cast(m) : null;
    } catch (Exception e) {
      return null; // undecodable content: the fact stays at its default, the table still checks order
    }
  }

  static boolean isFatalAlert(Observed o) {
    return o.message().alert() != null
        && o.message().alert().level() == dev.hslab.model.wire.AlertLevel.FATAL;
  }

  static boolean isIgnoredWarning(Observed o) {
    var a = o.message().alert();
    return a != null && o.message().kind() == null && a.description() != AlertDescription.CLOSE_NOTIFY;
  }
}
