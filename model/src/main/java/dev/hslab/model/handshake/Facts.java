package dev.hslab.model.handshake;

import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.ProtocolVersion;

/**
 * What one side knows about the current handshake, as far as the transition tables care: the
 * guards read only these. The model engine fills them from real messages, the explorer from
 * abstract ones, so both execute the same rows.
 *
 * @param version the negotiated version (null before the hellos)
 * @param keyExchange the negotiated key exchange (null before the hellos)
 * @param resumed the server accepted a session ID or ticket: abbreviated handshake (RFC 5246 §7.3)
 * @param ticket a NewSessionTicket is part of this handshake (RFC 5077 §3.3)
 * @param pskHint the server sends a PSK identity hint (RFC 4279 §2)
 * @param certificateRequested the server requests a client certificate (RFC 5246 §7.4.4)
 * @param clientCertificate the client sends a non-empty Certificate (RFC 5246 §7.4.6)
 * @param renegotiationAllowed this side accepts renegotiation started by its peer
 * @param renegotiating a handshake has completed on this connection before this one
 */
public record Facts(
    ProtocolVersion version,
    KeyExchange keyExchange,
    boolean resumed,
    boolean ticket,
    boolean pskHint,
    boolean certificateRequested,
    boolean clientCertificate,
    boolean renegotiationAllowed,
    boolean renegotiating) {

  public static Facts initial(boolean renegotiationAllowed) {
    return new Facts(null, null, false, false, false, false, false, renegotiationAllowed, false);
  }

  public boolean ssl3() {
    return ProtocolVersion.SSL3.equals(version);
  }

  public Facts withHello(ProtocolVersion v, KeyExchange kex, boolean resumed, boolean ticket) {
    return new Facts(v, kex, resumed, ticket, pskHint, certificateRequested, clientCertificate, renegotiationAllowed, renegotiating);
  }

  public Facts withPskHint(boolean hint) {
    return new Facts(version, keyExchange, resumed, ticket, hint, certificateRequested, clientCertificate, renegotiationAllowed, renegotiating);
  }

  public Facts withCertificateRequested(boolean requested) {
    return new Facts(version, keyExchange, resumed, ticket, pskHint, requested, clientCertificate, renegotiationAllowed, renegotiating);
  }

  public Facts withClientCertificate(boolean sent) {
    return new Facts(version, keyExchange, resumed, ticket, pskHint, certificateRequested, sent, renegotiationAllowed, renegotiating);
  }

  public Facts withRenegotiationAllowed(boolean allowed) {
    return new Facts(version, keyExchange, resumed, ticket, pskHint, certificateRequested, clientCertificate, allowed, renegotiating);
  }

  /** A new handshake on the same connection starts from scratch but keeps the policy. */
  public Facts nextHandshake() {
    return new Facts(null, null, false, false, false, false, false, renegotiationAllowed, true);
  }
}
