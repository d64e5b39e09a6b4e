package dev.hslab.model.engine;

import dev.hslab.model.crypto.KeyDerivation;
import dev.hslab.model.crypto.RandomSource;
import dev.hslab.model.crypto.Sender;
import dev.hslab.model.crypto.Transcript;
import dev.hslab.model.crypto.kex.DhGroup;
import dev.hslab.model.crypto.kex.DhKeyShare;
import dev.hslab.model.crypto.kex.KeyShare;
import dev.hslab.model.crypto.kex.PskPremaster;
import dev.hslab.model.crypto.kex.RsaPremaster;
import dev.hslab.model.crypto.sig.KeyAlgorithm;
import dev.hslab.model.crypto.sig.SigningKey;
import dev.hslab.model.handshake.ClientAuth;
import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.message.CertificateMessage;
import dev.hslab.model.message.CertificateRequest;
import dev.hslab.model.message.CertificateVerify;
import dev.hslab.model.message.ClientCertificateType;
import dev.hslab.model.message.ClientExchangeKeys;
import dev.hslab.model.message.ClientHello;
import dev.hslab.model.message.ClientKeyExchange;
import dev.hslab.model.message.EcdhePskServerParams;
import dev.hslab.model.message.DecodeContext;
import dev.hslab.model.message.Finished;
import dev.hslab.model.message.HandshakeCodec;
import dev.hslab.model.message.HandshakeType;
import dev.hslab.model.message.NewSessionTicket;
import dev.hslab.model.message.PskIdentityHint;
import dev.hslab.model.message.ServerDhParams;
import dev.hslab.model.message.ServerEcdhParams;
import dev.hslab.model.message.ServerHelloDone;
import dev.hslab.model.message.ServerKeyExchange;
import dev.hslab.model.message.ServerKeyExchangeParams;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.suite.NamedGroup;
import dev.hslab.model.suite.SignatureScheme;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.model.wire.TlsAlertException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The server's actions (RFC 5246 §7.4, seen from the server). */
final class ServerFlow extends Flow {

  /** RFC 5077 §3.3: a lifetime hint in seconds. */
  static final long TICKET_LIFETIME = 7200;

  ServerFlow(Connection c) {
    super(c, Sender.SERVER);
  }

  @Override
  void absorb(Incoming in) throws TlsAlertException {
    switch (in.kind()) {
      case CLIENT_HELLO -> clientHello((ClientHello) in.message());
      case CERTIFICATE -> clientCertificate(((CertificateMessage) in.message()).certificates());
      case NO_CERTIFICATE_ALERT -> clientCertificate(List.of());
      case CLIENT_KEY_EXCHANGE -> clientKeyExchange((ClientKeyExchange) in.message(), in.encoding());
      case CERTIFICATE_VERIFY -> certificateVerify((CertificateVerify) in.message());
      case CHANGE_CIPHER_SPEC -> c.records.activateRead();
      case FINISHED -> verifyFinished((Finished) in.message());
      default -> { } // application data and warnings carry nothing to absorb
    }
  }

  @Override
  Outgoing produce(MessageKind kind) throws TlsAlertException {
    return switch (kind) {
      case SERVER_HELLO -> Outgoing.handshake(ServerHellos.build(c));
      case CERTIFICATE -> Outgoing.handshake(new CertificateMessage(hs().identity.chainDer()));
      case SERVER_KEY_EXCHANGE -> serverKeyExchange();
      case CERTIFICATE_REQUEST -> certificateRequest();
      case SERVER_HELLO_DONE -> Outgoing.handshake(ServerHelloDone.INSTANCE);
      case NEW_SESSION_TICKET -> Outgoing.handshake(new NewSessionTicket(TICKET_LIFETIME,
          Tickets.seal(ModelEngine.sessionOf(hs()), c.config.ticketKey(), c.config.random())));
      case CHANGE_CIPHER_SPEC -> Outgoing.changeCipherSpec();
      case FINISHED -> finished();
      default -> Sides.common(c, kind);
    };
  }

  private void clientHello(ClientHello ch) throws TlsAlertException {
    if (c.established) {
      if (!c.facts.renegotiationAllowed()) {
        return; // the table answers no_renegotiation; the connection goes on unchanged
      }
      ServerNegotiation.secureRenegotiation(c, ch);
      c.beginNextHandshake();
    }
    EngineConfig cfg = c.config;
    HandshakeContext hs = hs();
    hs.clientHello = ch;
    hs.clientRandom = ch.random();
    hs.secureRenegotiation = ServerNegotiation.secureRenegotiation(c, ch);
    hs.version = ServerNegotiation.version(cfg, ch);
    hs.extendedMasterSecret = ServerNegotiation.extendedMasterSecret(cfg, ch, hs.version);
    hs.clientOffersTicket = ch.extension(dev.hslab.model.message.extension.SessionTicketExtension.class).isPresent();
    hs.peerSchemes = ServerNegotiation.clientSchemes(ch);
    Optional<Session> resumed = c.established ? Optional.empty()
        : ServerNegotiation.resumable(cfg, ch, hs.version, hs.extendedMasterSecret);
    if (resumed.isPresent()) {
      Session s = resumed.get();
      hs.resumedSession = s;
      hs.suite = s.cipherSuite();
      hs.masterSecret = s.masterSecret();
      hs.clientAuthenticated = s.clientAuthenticated();
      // RFC 5077 §3.4: echo the client's session ID when resuming from a ticket.
      hs.sessionId = s.ticket().isPresent() ? ch.sessionId() : s.id();
      hs.ticket = s.ticket().isPresent() && hs.clientOffersTicket; // renew the ticket
    } else {
      hs.suite = ServerNegotiation.suite(cfg, ch, hs.version);
      hs.sessionId = ServerNegotiation.newSessionId(cfg);
      hs.ticket = cfg.tickets() && hs.clientOffersTicket && !c.established;
    }
    hs.derivation = KeyDerivation.of(hs.version, hs.suite);
    KeyExchange kex = hs.suite.keyExchange();
    hs.identity = kex.serverCertificate() ? ServerNegotiation.identity(cfg, kex).orElseThrow() : null;
    c.records.setVersion(hs.version);
    // RFC 5246 §7.4.4: only an authenticated server may ask for a client certificate.
    boolean request = resumed.isEmpty() && cfg.clientAuth() != ClientAuth.NONE && kex.serverCertificate();
    c.facts = c.facts.withHello(hs.version, kex, resumed.isPresent(), hs.ticket)
        .withPskHint(kex == KeyExchange.PSK && cfg.pskHint().isPresent())
        .withCertificateRequested(request)
        .withClientCertificate(false);
  }

  /** RFC 5246 §7.4.3: fresh (EC)DH parameters, signed over both randoms when authenticated. */
  private Outgoing serverKeyExchange() throws TlsAlertException {
    EngineConfig cfg = c.config;
    HandshakeContext hs = hs();
    KeyExchange kex = hs.suite.keyExchange();
    ServerKeyExchangeParams params;
    if (kex.finiteFieldDh()) {
      DhKeyShare share = DhKeyShare.generate(DhGroup.of(ServerNegotiation.dhGroup(cfg, hs.clientHello)).orElseThrow(), cfg.random());
      hs.keyShare = share;
      params = new ServerDhParams(unsigned(share.group().p()), unsigned(share.group().g()), share.publicValue());
    } else if (kex == KeyExchange.PSK) {
      params = new PskIdentityHint(cfg.pskHint().orElseThrow());
    } else {
      NamedGroup g = ServerNegotiation.ecGroup(cfg, hs.clientHello).orElseThrow();
      hs.keyShare = KeyShare.generate(g, cfg.random());
      ServerEcdhParams ecdh = new ServerEcdhParams(g.code(), hs.keyShare.publicValue());
      params = kex == KeyExchange.ECDHE_PSK ? new EcdhePskServerParams(cfg.pskHint().orElse(Bytes.EMPTY), ecdh) : ecdh;
    }
    if (!kex.signedServerKeyExchange()) {
      return Outgoing.handshake(ServerKeyExchange.unsigned(params));
    }
    SigningKey key = hs.identity.signer();
    SignatureScheme scheme = hs.version.isTls12OrLater()
        ? chooseScheme(cfg.signatureSchemes(), hs.peerSchemes, key.type() == KeyAlgorithm.RSA) : null;
    ServerKeyExchange unsigned = ServerKeyExchange.unsigned(params);
    Bytes input = unsigned.signatureInput(hs.clientRandom, hs.serverRandom);
    return Outgoing.handshake(ServerKeyExchange.signed(params, sign(hs.version, scheme, key, input, null, cfg.random())));
  }

  private static Bytes unsigned(BigInteger n) {
    byte[] b = n.toByteArray();
    return b.length > 1 && b[0] == 0 ? Bytes.of(b, 1, b.length - 1) : Bytes.wrap(b);
  }

  /** RFC 5246 §7.4.4 (TLS 1.2 form) and RFC 4346 §7.4.4 / RFC 6101 §5.6.4 (earlier form). */
  private Outgoing certificateRequest() {
    ProtocolVersion v = hs().version;
    List<Integer> types = v.isSsl3() ? List.of(ClientCertificateType.RSA_SIGN.code())
        : List.of(ClientCertificateType.RSA_SIGN.code(), ClientCertificateType.ECDSA_SIGN.code());
    Optional<List<Integer>> schemes = v.isTls12OrLater()
        ? Optional.of(c.config.signatureSchemes().stream().map(SignatureScheme::code).toList()) : Optional.empty();
    List<Bytes> authorities = new ArrayList<>();
    for (var anchor : c.config.trustAnchors()) {
      authorities.add(Bytes.wrap(anchor.getSubjectX500Principal().getEncoded()));
    }
    return Outgoing.handshake(new CertificateRequest(types, schemes, authorities));
  }

  /** RFC 5246 §7.4.6: an empty answer to a required certificate is handshake_failure. */
  private void clientCertificate(List<Bytes> chain) throws TlsAlertException {
    if (chain.isEmpty()) {
      if (c.config.clientAuth() == ClientAuth.REQUIRE) {
        throw new TlsAlertException(AlertDescription.HANDSHAKE_FAILURE, "Certificate: client certificate required");
      }
      return;
    }
    hs().peerKey = PeerCertificates.client(c.config, chain);
    hs().peerChain = chain;
    c.facts = c.facts.withClientCertificate(true);
  }

  private void clientKeyExchange(ClientKeyExchange cke, Bytes encoding) throws TlsAlertException {
    deriveKeys(premaster(cke.keys(), c.config.random()), encoding);
  }

  /**
   * The premaster secret of a ClientKeyExchange under this server's key: its RSA private key or its
   * (EC)DH share, and the PSK the identity names. {@code random} only blinds RSA and makes its
   * fallback.
   */
  private Bytes premaster(ClientExchangeKeys k, RandomSource random) throws TlsAlertException {
    EngineConfig cfg = c.config;
    HandshakeContext hs = hs();
    if (k instanceof ClientExchangeKeys.Rsa rsa) {
      // RFC 5246 §7.4.7.1: never reveal whether decryption or the version check failed.
      return RsaPremaster.decrypt(rsa.encrypted(), hs.identity.signer(),
          hs.clientHello.clientVersion(), RsaPremaster.VersionCheck.ALWAYS, random);
    } else if (k instanceof ClientExchangeKeys.Dh dh) {
      return hs.keyShare.agree(dh.yc());
    } else if (k instanceof ClientExchangeKeys.Ecdh ec) {
      return hs.keyShare.agree(ec.point());
    } else if (k instanceof ClientExchangeKeys.Psk psk) {
      return PskPremaster.plain(cfg.psks().lookup(psk.identity()));
    }
    ClientExchangeKeys.EcdhePsk ep = (ClientExchangeKeys.EcdhePsk) k;
    return PskPremaster.withOtherSecret(hs.keyShare.agree(ep.point()), cfg.psks().lookup(ep.identity()));
  }

  /**
   * A real client sends its ClientKeyExchange, ChangeCipherSpec and Finished in one flight, before
   * this server has read any of them: the secret it will derive from that ClientKeyExchange (as
   * Wireshark derives it with the server's RSA key). A throwaway random source blinds the RSA
   * decryption, so the run's own draws are untouched; a wrong premaster only fails to decrypt.
   */
  @Override
  Optional<Bytes> masterSecretAhead(Transcript seen) throws TlsAlertException {
    HandshakeContext hs = hs();
    Optional<Transcript> through = through(seen, HandshakeType.CLIENT_KEY_EXCHANGE);
    if (hs.derivation == null || hs.resumedSession != null || through.isEmpty()) {
      return Optional.empty();
    }
    ClientKeyExchange cke = (ClientKeyExchange) HandshakeCodec.decode(last(through.get()),
        new DecodeContext(hs.version, hs.suite.keyExchange()));
    return Optional.of(masterSecret(premaster(cke.keys(), RandomSource.seeded(0)), through.get()));
  }

  /** RFC 5246 §7.4.8: the signature over every handshake message before CertificateVerify. */
  private void certificateVerify(CertificateVerify cv) throws TlsAlertException {
    HandshakeContext hs = hs();
    Bytes legacy = hs.version.isSsl3() ? hs.transcript.ssl3CertificateVerify(hs.masterSecret)
        : hs.peerKey.type() == KeyAlgorithm.RSA ? hs.transcript.md5Sha1() : hs.transcript.sha1();
    verify(hs.version, cv.signature(), hs.peerKey, hs.transcript.handshakeMessages(), legacy,
        c.config.signatureSchemes(), "CertificateVerify");
    hs.clientAuthenticated = true;
  }
}
