package dev.hslab.model.engine;

import dev.hslab.model.message.ClientHello;
import dev.hslab.model.message.extension.ExtendedMasterSecretExtension;
import dev.hslab.model.message.extension.RenegotiationInfoExtension;
import dev.hslab.model.message.extension.SessionTicketExtension;
import dev.hslab.model.message.extension.SignatureAlgorithmsExtension;
import dev.hslab.model.message.extension.SupportedGroupsExtension;
import dev.hslab.model.pki.Identity;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.suite.NamedGroup;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.model.wire.TlsAlertException;
import java.util.List;
import java.util.Optional;

/** The server's decisions on a ClientHello: version, suite, resumption (RFC 5246 §7.4.1.2–7.4.1.3). */
final class ServerNegotiation {

  private ServerNegotiation() {}

  /** RFC 5246 Appendix E.1: the highest version both support; below our minimum is protocol_version. */
  static ProtocolVersion version(EngineConfig cfg, ClientHello ch) throws TlsAlertException {
    ProtocolVersion offered = ch.clientVersion();
    if (offered.compareTo(cfg.minVersion()) < 0 || (cfg.dtls() && !offered.isDtls())) {
      throw new TlsAlertException(AlertDescription.PROTOCOL_VERSION, "ClientHello: version " + offered.displayName()
          + " below our minimum " + cfg.minVersion().displayName());
    }
    return offered.compareTo(cfg.maxVersion()) > 0 ? cfg.maxVersion() : offered;
  }

  /** The server's preferred suite that the client offers and the server can serve. */
  static CipherSuite suite(EngineConfig cfg, ClientHello ch, ProtocolVersion v) throws TlsAlertException {
    for (CipherSuite s : cfg.cipherSuites()) {
      if (ch.offersSuite(s.code()) && s.supportedBy(v) && canServe(cfg, ch, s, v)) {
        return s;
      }
    }
    throw new TlsAlertException(AlertDescription.HANDSHAKE_FAILURE, "ClientHello: no cipher suite in common at " + v.displayName());
  }

  private static boolean canServe(EngineConfig cfg, ClientHello ch, CipherSuite s, ProtocolVersion v) {
    KeyExchange kex = s.keyExchange();
    if (kex.serverCertificate()) {
      Optional<Identity> id = identity(cfg, kex);
      if (id.isEmpty()) {
        return false;
      }
      if (kex.signedServerKeyExchange() && v.isTls12OrLater()) {
        try {
          Flow.chooseScheme(cfg.signatureSchemes(), clientSchemes(ch), kex != KeyExchange.ECDHE_ECDSA);
        } catch (TlsAlertException e) {
          return false;
        }
      }
    }
    if (kex.elliptic() && ecGroup(cfg, ch).isEmpty()) {
      return false;
    }
    return !kex.psk() || !cfg.psks().keys().isEmpty();
  }

  /** The identity whose key type the key exchange needs: RSA for *_RSA and RSA, EC for ECDHE_ECDSA. */
  static Optional<Identity> identity(EngineConfig cfg, KeyExchange kex) {
    // The key's algorithm name is enough to pick one: this runs for every candidate suite, and
    // converting the PKCS#8 key there would parse it again each time.
    boolean wantRsa = kex != KeyExchange.ECDHE_ECDSA;
    return cfg.identities().stream().filter(i -> "RSA".equals(i.privateKey().getAlgorithm()) == wantRsa).findFirst();
  }

  static List<Integer> clientSchemes(ClientHello ch) {
    return ch.extension(SignatureAlgorithmsExtension.class).map(SignatureAlgorithmsExtension::schemes).orElse(List.of());
  }

  /** RFC 8422 §5.1.1: our preferred curve among the client's; without the extension, secp256r1 (RFC 4492 §4). */
  static Optional<NamedGroup> ecGroup(EngineConfig cfg, ClientHello ch) {
    List<Integer> offered = ch.extension(SupportedGroupsExtension.class).map(SupportedGroupsExtension::groups)
        .orElse(List.of(NamedGroup.SECP256R1.code()));
    return cfg.groups().stream().filter(g -> g.elliptic() && offered.contains(g.code())).findFirst();
  }

  /** RFC 7919 §4: an ffdhe group the client named, else ffdhe2048. */
  static NamedGroup dhGroup(EngineConfig cfg, ClientHello ch) {
    List<Integer> offered = ch.extension(SupportedGroupsExtension.class).map(SupportedGroupsExtension::groups).orElse(List.of());
    return cfg.groups().stream().filter(g -> !g.elliptic() && offered.contains(g.code())).findFirst().orElse(NamedGroup.FFDHE2048);
  }

  /** A session the client offers (ticket first, RFC 5077 §3.4, then ID) that we can resume at {@code v}. */
  static Optional<Session> resumable(EngineConfig cfg, ClientHello ch, ProtocolVersion v, boolean ems) throws TlsAlertException {
    Optional<Session> s = Optional.empty();
    Optional<SessionTicketExtension> t = ch.extension(SessionTicketExtension.class);
    if (cfg.tickets() && t.isPresent() && !t.get().ticket().isEmpty()) {
      s = Tickets.open(t.get().ticket(), cfg.ticketKey());
    }
    if (s.isEmpty() && cfg.sessionCache() != null && !ch.sessionId().isEmpty()) {
      s = cfg.sessionCache().get(ch.sessionId());
    }
    if (s.isEmpty() || !s.get().version().equals(v) || !ch.offersSuite(s.get().cipherSuite().code())
        || !cfg.cipherSuites().contains(s.get().cipherSuite())) {
      return Optional.empty();
    }
    // RFC 7627 §5.3: an EMS session offered without EMS must not be resumed; the reverse means a full handshake.
    if (s.get().extendedMasterSecret() && !ems) {
      throw new TlsAlertException(AlertDescription.HANDSHAKE_FAILURE, "ClientHello: resuming an extended-master-secret session without the extension");
    }
    return s.get().extendedMasterSecret() == ems ? s : Optional.empty();
  }

  /** RFC 5746 §3.6–3.7: the client's renegotiation_info / SCSV must fit the connection. */
  static boolean secureRenegotiation(Connection c, ClientHello ch) throws TlsAlertException {
    Optional<RenegotiationInfoExtension> ri = ch.extension(RenegotiationInfoExtension.class);
    boolean scsv = ch.cipherSuites().contains(CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV);
    if (!c.established) {
      if (ri.isPresent() && !ri.get().renegotiatedConnection().isEmpty()) {
        throw new TlsAlertException(AlertDescription.HANDSHAKE_FAILURE, "ClientHello: non-empty renegotiation_info in an initial handshake");
      }
      return ri.isPresent() || scsv;
    }
    if (scsv) {
      throw new TlsAlertException(AlertDescription.HANDSHAKE_FAILURE, "ClientHello: SCSV in a renegotiation");
    }
    if (ri.isEmpty() || !ri.get().renegotiatedConnection().constantTimeEquals(c.lastClientVerifyData)) {
      throw new TlsAlertException(AlertDescription.HANDSHAKE_FAILURE, "ClientHello: renegotiation_info does not match the connection");
    }
    return true;
  }

  static boolean extendedMasterSecret(EngineConfig cfg, ClientHello ch, ProtocolVersion v) {
    return cfg.extendedMasterSecret() && !v.isSsl3() && ch.extension(ExtendedMasterSecretExtension.class).isPresent();
  }

  static Bytes newSessionId(EngineConfig cfg) {
    return cfg.sessionCache() != null || cfg.tickets() ? Bytes.wrap(cfg.random().nextBytes(32)) : Bytes.EMPTY;
  }
}
