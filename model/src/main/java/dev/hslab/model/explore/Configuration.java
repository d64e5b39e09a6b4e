package dev.hslab.model.explore;

import dev.hslab.model.handshake.ClientAuth;
import dev.hslab.model.handshake.ClientCertificate;
import dev.hslab.model.handshake.Renegotiation;
import dev.hslab.model.handshake.Resumption;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.Optional;

/**
 * One point of the configuration space: what both endpoints are set up to do. The explorer runs
 * one connection per configuration; {@link #legal()} says whether the combination is one a real
 * deployment can have (and is written in its canonical form, so the space has no duplicates).
 *
 * @param clientMin lowest version the client offers (RFC 5246 Appendix E.1)
 * @param clientMax highest version the client offers, sent as ClientHello.client_version
 * @param serverMin lowest version the server accepts
 * @param serverMax highest version the server speaks
 * @param keyExchange the one key exchange both sides enable
 * @param clientAuth the server's client-authentication policy
 * @param clientCertificate the certificate the client holds; SSL 3.0 has no ECDSA client
 *     certificates (RFC 6101 §5.6.4)
 * @param pskHint a PSK server sends an identity hint (RFC 4279 §2); only for plain PSK
 * @param resumption how the run this connection belongs to uses sessions: {@code --resume}'s
 *     value. The explorer explores one connection, and the first connection of a session-ID run is
 *     a plain full handshake, so that one is written {@code NONE} (canonical form)
 * @param resumed this connection is the run's second one, the abbreviated handshake of RFC 5246
 *     §7.3 Figure 2, whose server already has the session from the earlier full handshake (in its
 *     cache, or sealed in the client's ticket); without it, a {@code TICKET} connection is that
 *     earlier full handshake, which issues the ticket (RFC 5077 §3.1 Figure 1)
 * @param renegotiation who starts a second handshake once the first is established
 * @param renegotiationAllowed the responder accepts that renegotiation (RFC 5746, RFC 5246 §7.4.1.1)
 * @param closer who sends the first close_notify (RFC 5246 §7.2.1)
 */
public record Configuration(
    ProtocolVersion clientMin,
    ProtocolVersion clientMax,
    ProtocolVersion serverMin,
    ProtocolVersion serverMax,
    KeyExchange keyExchange,
    ClientAuth clientAuth,
    ClientCertificate clientCertificate,
    boolean pskHint,
    Resumption resumption,
    boolean resumed,
    Renegotiation renegotiation,
    boolean renegotiationAllowed,
    Side closer) {

  /** Both sides at exactly {@code version}, no client authentication, no sessions, client closes. */
  public static Configuration of(ProtocolVersion version, KeyExchange kex) {
    return new Configuration(version, version, version, version, kex, ClientAuth.NONE, ClientCertificate.NONE, false,
        Resumption.NONE, false, Renegotiation.NONE, false, Side.CLIENT);
  }

  public Configuration withVersions(ProtocolVersion cMin, ProtocolVersion cMax, ProtocolVersion sMin, ProtocolVersion sMax) {
    return new Configuration(cMin, cMax, sMin, sMax, keyExchange, clientAuth, clientCertificate, pskHint, resumption,
        resumed, renegotiation, renegotiationAllowed, closer);
  }

  public Configuration withClientAuth(ClientAuth policy, ClientCertificate cert) {
    return new Configuration(clientMin, clientMax, serverMin, serverMax, keyExchange, policy, cert, pskHint, resumption,
        resumed, renegotiation, renegotiationAllowed, closer);
  }

  public Configuration withPskHint(boolean hint) {
    return new Configuration(clientMin, clientMax, serverMin, serverMax, keyExchange, clientAuth, clientCertificate, hint,
        resumption, resumed, renegotiation, renegotiationAllowed, closer);
  }

  /** The connection of a {@code r} run: its resumed (second) one if {@code resumedConnection}, else its first. */
  public Configuration withResumption(Resumption r, boolean resumedConnection) {
    return new Configuration(clientMin, clientMax, serverMin, serverMax, keyExchange, clientAuth, clientCertificate, pskHint,
        r, resumedConnection, renegotiation, renegotiationAllowed, closer);
  }

  public Configuration withRenegotiation(Renegotiation who, boolean allowed) {
    return new Configuration(clientMin, clientMax, serverMin, serverMax, keyExchange, clientAuth, clientCertificate, pskHint,
        resumption, resumed, who, allowed, closer);
  }

  public Configuration withCloser(Side who) {
    return new Configuration(clientMin, clientMax, serverMin, serverMax, keyExchange, clientAuth, clientCertificate, pskHint,
        resumption, resumed, renegotiation, renegotiationAllowed, who);
  }

  /** A NewSessionTicket is part of this connection's full handshake, or its abbreviated one resumes from a ticket (RFC 5077 §3.1, §3.3). */
  public boolean ticket() {
    return resumption == Resumption.TICKET;
  }

  /** RFC 5246 Appendix E.1: the server answers with the highest version both support. */
  public Optional<ProtocolVersion> negotiatedVersion() {
    ProtocolVersion v = clientMax.compareTo(serverMax) <= 0 ? clientMax : serverMax;
    ProtocolVersion floor = clientMin.compareTo(serverMin) >= 0 ? clientMin : serverMin;
    return v.compareTo(floor) >= 0 ? Optional.of(v) : Optional.empty();
  }

  /** ECC suites (RFC 4492 §1, RFC 8422) and PSK suites (RFC 4279 §1) are defined for TLS only. */
  public static boolean keyExchangeAllowed(KeyExchange kex, ProtocolVersion v) {
    return !v.isSsl3() || !(kex.elliptic() || kex.psk());
  }

  /** Whether the client's certificate can answer a CertificateRequest at {@code v}. */
  public boolean clientCertificateUsable(ProtocolVersion v) {
    return clientCertificate != ClientCertificate.NONE
        && !(v != null && v.isSsl3() && clientCertificate == ClientCertificate.ECDSA);
  }

  /**
   * The server sends CertificateRequest in a full handshake: RFC 5246 §7.4.4 forbids it for
   * anonymous servers, and this model never asks for certificates under PSK (RFC 4279 §2).
   */
  public boolean certificateRequested() {
    return clientAuth != ClientAuth.NONE && keyExchange.serverCertificate();
  }

  /**
   * The fatal alert the server sends on a perfect network, if this configuration cannot complete:
   * no common version (protocol_version, RFC 5246 §7.4.1.3), no common suite (handshake_failure),
   * or a required client certificate that is missing (handshake_failure, RFC 5246 §7.4.6).
   */
  public Optional<AlertDescription> expectedServerAlert() {
    Optional<ProtocolVersion> v = negotiatedVersion();
    if (v.isEmpty()) {
      return Optional.of(AlertDescription.PROTOCOL_VERSION);
    } else if (!keyExchangeAllowed(keyExchange, v.get())) {
      return Optional.of(AlertDescription.HANDSHAKE_FAILURE);
    } else if (!resumed && clientAuth == ClientAuth.REQUIRE && certificateRequested()
        && !clientCertificateUsable(v.get())) {
      return Optional.of(AlertDescription.HANDSHAKE_FAILURE);
    }
    return Optional.empty();
  }

  /** A combination a deployment can have, in canonical form (irrelevant choices at their default). */
  public boolean legal() {
    if (clientMin.compareTo(clientMax) > 0 || serverMin.compareTo(serverMax) > 0) {
      return false;
    }
    boolean fails = expectedServerAlert().isPresent();
    ProtocolVersion v = negotiatedVersion().orElse(null);
    return (clientAuth != ClientAuth.NONE || clientCertificate == ClientCertificate.NONE)
        && (keyExchange.serverCertificate() || clientAuth == ClientAuth.NONE)
        && (keyExchange == KeyExchange.PSK || !pskHint)
        && (!ticket() || v == null || !v.isSsl3())
        // Only a run with sessions has a resumed connection; the first connection of a session-ID run
        // is a plain full handshake, written NONE.
        && (resumption != Resumption.NONE || !resumed)
        && (resumption != Resumption.ID || resumed)
        && (renegotiation != Renegotiation.NONE || !renegotiationAllowed)
        // A session can only come from a handshake that completed: a server requiring a certificate
        // the client cannot give never created one.
        && !(resumed && clientAuth == ClientAuth.REQUIRE && !clientCertificateUsable(v))
        // A connection that fails in its first handshake never renegotiates, resumes or closes.
        && (!fails || (resumption == Resumption.NONE && renegotiation == Renegotiation.NONE && closer == Side.CLIENT));
  }

  /** A stable one-line name, e.g. {@code tls1.2 ecdhe_rsa auth=require/rsa resume=none reneg=none close=client}. */
  public String label() {
    String versions = clientMin.equals(clientMax) && clientMin.equals(serverMin) && serverMin.equals(serverMax)
        ? clientMax.cliName()
        : "client=" + clientMin.cliName() + "-" + clientMax.cliName() + ",server=" + serverMin.cliName() + "-" + serverMax.cliName();
    String reneg = renegotiation == Renegotiation.NONE ? "none"
        : renegotiation.cliName() + (renegotiationAllowed ? "/allowed" : "/refused");
    return versions + " " + keyExchange.cliName()
        + " auth=" + clientAuth.cliName() + "/" + clientCertificate.cliName()
        + (keyExchange == KeyExchange.PSK ? (pskHint ? " hint" : " no-hint") : "")
        + " resume=" + (ticket() && !resumed ? "ticket_issued" : resumption.cliName()) + " reneg=" + reneg + " close=" + closer.label();
  }

  @Override
  public String toString() {
    return label();
  }
}
