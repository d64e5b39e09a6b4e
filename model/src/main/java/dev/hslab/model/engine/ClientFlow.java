package dev.hslab.model.engine;

import dev.hslab.model.crypto.KeyDerivation;
import dev.hslab.model.crypto.Sender;
import dev.hslab.model.crypto.Transcript;
import dev.hslab.model.crypto.kex.DhGroup;
import dev.hslab.model.crypto.kex.DhKeyShare;
import dev.hslab.model.crypto.kex.KeyShare;
import dev.hslab.model.crypto.kex.PskPremaster;
import dev.hslab.model.crypto.kex.RsaPremaster;
import dev.hslab.model.crypto.sig.KeyAlgorithm;
import dev.hslab.model.crypto.sig.SigningKey;
import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.message.CertificateMessage;
import dev.hslab.model.message.CertificateRequest;
import dev.hslab.model.message.CertificateVerify;
import dev.hslab.model.message.ClientCertificateType;
import dev.hslab.model.message.ClientExchangeKeys;
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
import dev.hslab.model.message.ServerHello;
import dev.hslab.model.message.ServerKeyExchange;
import dev.hslab.model.pki.Identity;
import dev.hslab.model.record.Alert;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.suite.NamedGroup;
import dev.hslab.model.suite.SignatureScheme;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.TlsAlertException;
import java.util.Optional;

/** The client's actions (RFC 5246 §7.4, seen from the client). */
final class ClientFlow extends Flow {

  ClientFlow(Connection c) {
    super(c, Sender.CLIENT);
  }

  @Override
  void absorb(Incoming in) throws TlsAlertException {
    switch (in.kind()) {
      case SERVER_HELLO -> serverHello((ServerHello) in.message());
      case CERTIFICATE -> hs().peerKey = PeerCertificates.server(c.config,
          ((CertificateMessage) in.message()).certificates(), hs().suite.keyExchange());
      case SERVER_KEY_EXCHANGE -> serverKeyExchange((ServerKeyExchange) in.message());
      case CERTIFICATE_REQUEST -> certificateRequest((CertificateRequest) in.message());
      case NEW_SESSION_TICKET -> hs().newTicket = ((NewSessionTicket) in.message()).ticket();
      case CHANGE_CIPHER_SPEC -> c.records.activateRead();
      case FINISHED -> verifyFinished((Finished) in.message());
      default -> { } // HelloRequest, ServerHelloDone, application data and warnings carry nothing to absorb
    }
  }

  @Override
  Outgoing produce(MessageKind kind) throws TlsAlertException {
    return switch (kind) {
      // RFC 6347 §4.2.1: the ClientHello after a HelloVerifyRequest repeats the first (same random).
      case CLIENT_HELLO -> Outgoing.handshake(c.config.dtls() && !c.established && hs().clientHello != null
          ? hs().clientHello : ClientHellos.build(c));
      case CERTIFICATE -> Outgoing.handshake(new CertificateMessage(
          hs().identity == null ? java.util.List.of() : hs().identity.chainDer()));
      case NO_CERTIFICATE_ALERT -> Outgoing.alert(Alert.warning(AlertDescription.NO_CERTIFICATE));
      case CLIENT_KEY_EXCHANGE -> clientKeyExchange();
      case CERTIFICATE_VERIFY -> certificateVerify();
      case CHANGE_CIPHER_SPEC -> Outgoing.changeCipherSpec();
      case FINISHED -> finished();
      default -> Sides.common(c, kind);
    };
  }

  private void serverHello(ServerHello sh) throws TlsAlertException {
    HandshakeContext hs = hs();
    ClientHellos.checkServerHello(c, sh);
    hs.version = sh.serverVersion();
    hs.suite = sh.knownSuite().orElseThrow();
    hs.serverRandom = sh.random();
    hs.sessionId = sh.sessionId();
    hs.derivation = KeyDerivation.of(hs.version, hs.suite);
    c.records.setVersion(hs.version);
    boolean resumed = resumes(sh);
    if (resumed) {
      Session s = c.config.resume().get();
      // RFC 5246 §7.4.1.3: a resumed session keeps its version and cipher suite.
      if (!s.version().equals(hs.version) || s.cipherSuite() != hs.suite) {
        throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
            "ServerHello: resumed session was " + s.version().displayName() + " " + s.cipherSuite());
      }
      // RFC 7627 §5.3: the extended master secret must match the resumed session's.
      if (s.extendedMasterSecret() != hs.extendedMasterSecret) {
        throw new TlsAlertException(AlertDescription.HANDSHAKE_FAILURE, "ServerHello: extended_master_secret differs from the session's");
      }
      hs.resumedSession = s;
      hs.masterSecret = s.masterSecret();
      hs.clientAuthenticated = s.clientAuthenticated();
      installKeys();
    }
    c.facts = c.facts.withHello(hs.version, hs.suite.keyExchange(), resumed, hs.ticket);
  }

  /** RFC 5246 §7.4.1.3: a ServerHello that echoes the session ID this client offered resumes it. */
  private boolean resumes(ServerHello sh) {
    HandshakeContext hs = hs();
    return c.config.resume().isPresent() && !c.established && !hs.offeredSessionId.isEmpty()
        && sh.sessionId().equals(hs.offeredSessionId);
  }

  /**
   * A real server that resumes sends its ServerHello, ChangeCipherSpec and Finished in one flight,
   * before this client has read the ServerHello: the offered session's secret, when that
   * ServerHello accepts it (RFC 5246 §7.3). A full handshake needs this client's own
   * ClientKeyExchange first, so there is nothing to know ahead.
   */
  @Override
  Optional<Bytes> masterSecretAhead(Transcript seen) throws TlsAlertException {
    Optional<Transcript> through = through(seen, HandshakeType.SERVER_HELLO);
    if (through.isEmpty()) {
      return Optional.empty();
    }
    ServerHello sh = (ServerHello) HandshakeCodec.decode(last(through.get()), DecodeContext.of(c.config.maxVersion()));
    return resumes(sh) ? c.config.resume().map(Session::masterSecret) : Optional.empty();
  }

  private void serverKeyExchange(ServerKeyExchange ske) throws TlsAlertException {
    HandshakeContext hs = hs();
    KeyExchange kex = hs.suite.keyExchange();
    if (kex.signedServerKeyExchange()) {
      // RFC 5246 §7.4.3: the signature covers both randoms and the parameters.
      verify(hs.version, ske.signature().orElseThrow(), hs.peerKey, ske.signatureInput(hs.clientRandom, hs.serverRandom),
          null, c.config.signatureSchemes(), "ServerKeyExchange");
    }
    hs.serverParams = ske.params();
    if (ske.params() instanceof PskIdentityHint h) {
      hs.pskIdentityHint = h.hint();
    } else if (ske.params() instanceof EcdhePskServerParams p) {
      hs.pskIdentityHint = p.hint();
      checkGroup(p.ecdh());
    } else if (ske.params() instanceof ServerEcdhParams p) {
      checkGroup(p);
    } else if (ske.params() instanceof ServerDhParams p) {
      DhGroup.fromServerParams(p.p(), p.g()).checkPeerPublic(p.ys());
    }
  }

  /** RFC 8422 §5.4: the server must pick one of the groups the client offered. */
  private void checkGroup(ServerEcdhParams p) throws TlsAlertException {
    NamedGroup g = p.knownGroup().filter(c.config.groups()::contains).orElseThrow(() -> new TlsAlertException(
        AlertDescription.ILLEGAL_PARAMETER, "ServerKeyExchange: group " + p.namedGroup() + " was not offered"));
    if (!g.elliptic()) {
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "ServerKeyExchange: " + g.rfcName() + " is not a curve");
    }
  }

  /** RFC 5246 §7.4.6: answer with a certificate whose type and signature algorithm the server accepts. */
  private void certificateRequest(CertificateRequest cr) throws TlsAlertException {
    HandshakeContext hs = hs();
    hs.requestedSchemes = cr.signatureAlgorithms().orElse(java.util.List.of());
    Identity chosen = null;
    for (Identity id : c.config.identities()) {
      SigningKey key = id.signer();
      boolean rsa = key.type() == KeyAlgorithm.RSA;
      ClientCertificateType type = rsa ? ClientCertificateType.RSA_SIGN : ClientCertificateType.ECDSA_SIGN;
      // SSL 3.0 (RFC 6101 §5.6.4) has no ECDSA client certificates.
      if (!cr.certificateTypes().contains(type.code()) || (!rsa && hs.version.isSsl3())) {
        continue;
      }
      if (hs.version.isTls12OrLater()) {
        try {
          hs.chosenScheme = chooseScheme(c.config.signatureSchemes(), requestedOrNone(cr), rsa);
        } catch (TlsAlertException e) {
          continue; // no common scheme: this certificate cannot answer
        }
      }
      chosen = id;
      break;
    }
    hs.identity = chosen;
    c.facts = c.facts.withCertificateRequested(true).withClientCertificate(chosen != null);
  }

  private static java.util.List<Integer> requestedOrNone(CertificateRequest cr) throws TlsAlertException {
    java.util.List<Integer> l = cr.signatureAlgorithms().orElse(java.util.List.of());
    if (l.isEmpty()) {
      throw new TlsAlertException(AlertDescription.HANDSHAKE_FAILURE, "CertificateRequest without algorithms");
    }
    return l;
  }

  private Outgoing clientKeyExchange() throws TlsAlertException {
    HandshakeContext hs = hs();
    var random = c.config.random();
    KeyExchange kex = hs.suite.keyExchange();
    Bytes premaster;
    ClientExchangeKeys keys;
    switch (kex) {
      case RSA -> {
        premaster = RsaPremaster.create(hs.clientHello.clientVersion(), random);
        keys = ClientExchangeKeys.Rsa.forVersion(hs.version, RsaPremaster.encrypt(premaster, hs.peerKey, random));
      }
      case DHE_RSA, DH_ANON -> {
        ServerDhParams p = (ServerDhParams) hs.serverParams;
        DhKeyShare share = DhKeyShare.generate(DhGroup.fromServerParams(p.p(), p.g()), random);
        premaster = share.agree(p.ys());
        keys = new ClientExchangeKeys.Dh(share.publicValue());
      }
      case ECDHE_RSA, ECDHE_ECDSA, ECDH_ANON -> {
        ServerEcdhParams p = (ServerEcdhParams) hs.serverParams;
        KeyShare share = KeyShare.generate(p.knownGroup().orElseThrow(), random);
        premaster = share.agree(p.point());
        keys = new ClientExchangeKeys.Ecdh(share.publicValue());
      }
      case PSK -> {
        Bytes identity = pskIdentity();
        premaster = PskPremaster.plain(c.config.psks().lookup(identity));
        keys = new ClientExchangeKeys.Psk(identity);
      }
      case ECDHE_PSK -> {
        Bytes identity = pskIdentity();
        ServerEcdhParams p = ((EcdhePskServerParams) hs.serverParams).ecdh();
        KeyShare share = KeyShare.generate(p.knownGroup().orElseThrow(), random);
        premaster = PskPremaster.withOtherSecret(share.agree(p.point()), c.config.psks().lookup(identity));
        keys = new ClientExchangeKeys.EcdhePsk(identity, share.publicValue());
      }
      default -> throw new IllegalStateException(kex.name());
    }
    ClientKeyExchange cke = new ClientKeyExchange(keys);
    deriveKeys(premaster, c.transcriptForm(cke.encode()));
    return Outgoing.handshake(cke);
  }

  private Bytes pskIdentity() throws TlsAlertException {
    return c.config.pskIdentity().orElseThrow(() ->
        new TlsAlertException(AlertDescription.INTERNAL_ERROR, "PSK key exchange without a PSK identity"));
  }

  /** RFC 5246 §7.4.8: sign every handshake message so far; SSL 3.0 signs its own hash (RFC 6101 §5.6.8). */
  private Outgoing certificateVerify() throws TlsAlertException {
    HandshakeContext hs = hs();
    SigningKey key = hs.identity.signer();
    Bytes legacy = hs.version.isSsl3() ? hs.transcript.ssl3CertificateVerify(hs.masterSecret)
        : key.type() == KeyAlgorithm.RSA ? hs.transcript.md5Sha1() : hs.transcript.sha1();
    SignatureScheme scheme = hs.chosenScheme;
    hs.clientAuthenticated = true;
    return Outgoing.handshake(new CertificateVerify(
        sign(hs.version, scheme, key, hs.transcript.handshakeMessages(), legacy, c.config.random())));
  }
}
