package dev.hslab.model.engine;

import dev.hslab.model.message.ClientHello;
import dev.hslab.model.message.ServerHello;
import dev.hslab.model.message.extension.EcPointFormatsExtension;
import dev.hslab.model.message.extension.ExtendedMasterSecretExtension;
import dev.hslab.model.message.extension.Extension;
import dev.hslab.model.message.extension.RenegotiationInfoExtension;
import dev.hslab.model.message.extension.ServerNameExtension;
import dev.hslab.model.message.extension.SessionTicketExtension;
import dev.hslab.model.message.extension.SignatureAlgorithmsExtension;
import dev.hslab.model.message.extension.SupportedGroupsExtension;
import dev.hslab.model.pki.HostNames;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.suite.NamedGroup;
import dev.hslab.model.suite.SignatureScheme;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.model.wire.TlsAlertException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The client's hello: what it offers (RFC 5246 §7.4.1.2) and how it checks the answer (§7.4.1.3). */
final class ClientHellos {

  private ClientHellos() {}

  static ClientHello build(Connection c) {
    EngineConfig cfg = c.config;
    boolean renegotiation = c.established;
    if (renegotiation) {
      c.beginNextHandshake();
    }
    HandshakeContext hs = c.hs;
    hs.clientRandom = Bytes.wrap(cfg.random().nextBytes(32));
    Optional<Session> resume = renegotiation ? Optional.empty() : cfg.resume();
    Bytes ticket = null;
    if (resume.isPresent()) {
      Session s = resume.get();
      if (s.ticket().isPresent() && cfg.tickets()) {
        // RFC 5077 §3.4: with a ticket, a fresh session ID lets us see whether the server resumed.
        ticket = s.ticket().get();
        hs.offeredSessionId = Bytes.wrap(cfg.random().nextBytes(32));
      } else {
        hs.offeredSessionId = s.id();
      }
    }
    List<Integer> suites = new ArrayList<>();
    List<CipherSuite> offered = offeredSuites(cfg);
    for (CipherSuite s : offered) {
      suites.add(s.code());
    }
    if (!renegotiation) {
      suites.add(CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV); // RFC 5746 §3.4
    }
    List<Extension> ext = new ArrayList<>();
    if (renegotiation && c.secureRenegotiation) {
      ext.add(new RenegotiationInfoExtension(c.lastClientVerifyData)); // RFC 5746 §3.5
    }
    if (cfg.maxVersion().compareTo(ProtocolVersion.SSL3) > 0) {
      if (cfg.serverName() != null && !cfg.serverName().isEmpty() && !HostNames.isIpLiteral(cfg.serverName())) {
        ext.add(ServerNameExtension.ofHostName(cfg.serverName()));
      }
      // RFC 8422 §5.1.1: the curves a client names also bound the curve of an ECDSA certificate it
      // may present, whatever the suites; OpenSSL refuses (illegal_parameter) a client certificate
      // on a curve the ClientHello did not name, e.g. with DHE_RSA suites only.
      boolean ecdsaCertificate = cfg.identities().stream()
          .anyMatch(id -> !(id.privateKey() instanceof java.security.interfaces.RSAKey));
      boolean ecc = ecdsaCertificate || offered.stream().anyMatch(s -> s.keyExchange().elliptic());
      boolean dhe = offered.stream().anyMatch(s -> s.keyExchange().finiteFieldDh());
      List<Integer> groups = cfg.groups().stream().filter(g -> g.elliptic() ? ecc : dhe).map(NamedGroup::code).toList();
      if (!groups.isEmpty()) {
        ext.add(new SupportedGroupsExtension(groups));
      }
      if (ecc) {
        ext.add(EcPointFormatsExtension.uncompressedOnly());
      }
      if (cfg.maxVersion().isTls12OrLater()) {
        ext.add(new SignatureAlgorithmsExtension(cfg.signatureSchemes().stream().map(SignatureScheme::code).toList()));
      }
      if (cfg.tickets() && !renegotiation) {
        ext.add(ticket != null ? new SessionTicketExtension(ticket) : SessionTicketExtension.EMPTY);
      }
      if (cfg.extendedMasterSecret()) {
        ext.add(ExtendedMasterSecretExtension.INSTANCE);
      }
    }
    ClientHello ch = new ClientHello(cfg.maxVersion(), hs.clientRandom, hs.offeredSessionId, suites, List.of(0),
        ext.isEmpty() ? Optional.empty() : Optional.of(ext));
    hs.clientHello = ch;
    return ch;
  }

  /** The configured suites that some version in range can carry; PSK only with an identity. */
  static List<CipherSuite> offeredSuites(EngineConfig cfg) {
    List<ProtocolVersion> versions = cfg.versions();
    List<CipherSuite> out = new ArrayList<>(cfg.cipherSuites().size());
    for (CipherSuite s : cfg.cipherSuites()) {
      if ((!s.keyExchange().psk() || cfg.pskIdentity().isPresent()) && supportedByAny(s, versions)) {
        out.add(s);
      }
    }
    return out;
  }

  private static boolean supportedByAny(CipherSuite s, List<ProtocolVersion> versions) {
    for (ProtocolVersion v : versions) {
      if (s.supportedBy(v)) {
        return true;
      }
    }
    return false;
  }

  /** RFC 5246 §7.4.1.3 and Appendix E.1, RFC 5746 §3.4–3.5: what the client accepts. */
  static void checkServerHello(Connection c, ServerHello sh) throws TlsAlertException {
    EngineConfig cfg = c.config;
    HandshakeContext hs = c.hs;
    ProtocolVersion v = sh.serverVersion();
    if (!cfg.versions().contains(v)) {
      throw new TlsAlertException(AlertDescription.PROTOCOL_VERSION, "ServerHello: version " + v.displayName()
          + " outside " + cfg.minVersion().displayName() + ".." + cfg.maxVersion().displayName());
    }
    CipherSuite suite = sh.knownSuite().filter(s -> hs.clientHello.cipherSuites().contains(s.code()))
        .orElseThrow(() -> new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
            "ServerHello: cipher suite " + CipherSuite.nameOf(sh.cipherSuite()) + " was not offered"));
    if (!suite.supportedBy(v)) {
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "ServerHello: " + suite + " cannot run over " + v.displayName());
    }
    if (sh.compressionMethod() != 0) {
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "ServerHello: compression " + sh.compressionMethod() + " was not offered");
    }
    for (Extension e : sh.extensionList()) {
      boolean offered = hs.clientHello.extension(e.typeCode()).isPresent()
          || (e instanceof RenegotiationInfoExtension && hs.clientHello.cipherSuites().contains(CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV));
      if (!offered) {
        // RFC 5246 §7.4.1.4: an extension the client did not offer.
        throw new TlsAlertException(AlertDescription.UNSUPPORTED_EXTENSION, "ServerHello: extension " + e.describe() + " was not offered");
      }
    }
    Optional<RenegotiationInfoExtension> ri = sh.extension(RenegotiationInfoExtension.class);
    Bytes expected = c.established ? Bytes.concat(c.lastClientVerifyData, c.lastServerVerifyData) : Bytes.EMPTY;
    if (c.established && c.secureRenegotiation && ri.isEmpty()) {
      throw new TlsAlertException(AlertDescription.HANDSHAKE_FAILURE, "ServerHello: renegotiation without renegotiation_info");
    }
    if (ri.isPresent() && !ri.get().renegotiatedConnection().constantTimeEquals(expected)) {
      throw new TlsAlertException(AlertDescription.HANDSHAKE_FAILURE, "ServerHello: renegotiation_info does not match");
    }
    hs.secureRenegotiation = ri.isPresent();
    hs.extendedMasterSecret = sh.extension(ExtendedMasterSecretExtension.class).isPresent() && !v.isSsl3();
    hs.ticket = sh.extension(SessionTicketExtension.class).isPresent();
  }
}
