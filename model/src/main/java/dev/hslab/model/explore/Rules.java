package dev.hslab.model.explore;

import dev.hslab.model.handshake.ClientAuth;
import dev.hslab.model.handshake.Facts;
import dev.hslab.model.handshake.HandshakeState;
import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.ProtocolVersion;

/**
 * The abstract semantics of messages, in one place: what a side learns from each message it
 * absorbs ({@link #absorb}) and what parameters each message it sends carries ({@link #stamp}).
 * The model engine applies the same rules to real messages. Absorbing happens before the table's
 * guards are read (see {@link dev.hslab.model.handshake.ClientTable}); a rule that detects a bad
 * message answers with the RFC's alert instead.
 */
final class Rules {

  private Rules() {}

  /** The side after absorbing {@code msg}, or the fatal alert it answers with. */
  record Absorbed(Endpoint endpoint, AlertDescription alert) {
    static Absorbed ok(Endpoint e) {
      return new Absorbed(e, null);
    }

    static Absorbed fail(AlertDescription a) {
      return new Absorbed(null, a);
    }
  }

  static Absorbed absorb(Side side, Endpoint e, int msg, Configuration c, boolean transcriptsDiffer) {
    Facts f = e.facts();
    MessageKind kind = Msg.kind(msg);
    switch (kind) {
      case CLIENT_HELLO:
        return side == Side.SERVER ? serverAbsorbsClientHello(e, c) : Absorbed.ok(e);
      case SERVER_HELLO: {
        // RFC 5246 §7.4.1.3: the client checks the version it is offered.
        ProtocolVersion v = Msg.version(msg);
        if (v.compareTo(c.clientMin()) < 0 || v.compareTo(c.clientMax()) > 0) {
          return Absorbed.fail(AlertDescription.PROTOCOL_VERSION);
        }
        Facts n = f.withHello(v, Msg.keyExchange(msg), Msg.resumed(msg), Msg.ticket(msg));
        return Absorbed.ok(e.withFacts(n).withSession(Msg.session(msg), e.done(), e.peerCcs()));
      }
      case SERVER_KEY_EXCHANGE:
        // RFC 4279 §2: a plain-PSK server sends ServerKeyExchange only to carry its identity hint.
        return Absorbed.ok(f.keyExchange() == KeyExchange.PSK ? e.withFacts(f.withPskHint(true)) : e);
      case CERTIFICATE_REQUEST:
        // RFC 5246 §7.4.6: the client answers with its certificate if it has a suitable one.
        return Absorbed.ok(e.withFacts(f.withCertificateRequested(true)
            .withClientCertificate(c.clientCertificateUsable(f.version()))));
      case CERTIFICATE:
        if (side == Side.CLIENT) {
          return Absorbed.ok(e);
        }
        // RFC 5246 §7.4.6: a server that requires a certificate rejects an empty one.
        if (!Msg.nonEmpty(msg) && c.clientAuth() == ClientAuth.REQUIRE) {
          return Absorbed.fail(AlertDescription.HANDSHAKE_FAILURE);
        }
        return Absorbed.ok(e.withFacts(f.withClientCertificate(Msg.nonEmpty(msg))));
      case NO_CERTIFICATE_ALERT:
        // RFC 6101 §5.6.6: SSL 3.0's no_certificate; fatal to a server that requires one.
        if (side == Side.SERVER && c.clientAuth() == ClientAuth.REQUIRE) {
          return Absorbed.fail(AlertDescription.HANDSHAKE_FAILURE);
        }
        return Absorbed.ok(e.withFacts(f.withClientCertificate(false)));
      case CERTIFICATE_VERIFY:
        // RFC 5246 §7.4.8: the signature covers every handshake message so far.
        return transcriptsDiffer ? Absorbed.fail(AlertDescription.DECRYPT_ERROR) : Absorbed.ok(e);
      case CHANGE_CIPHER_SPEC:
        // RFC 5246 §7.1: from now on this side reads protected records.
        return Absorbed.ok(e.withProtection(e.writeProtected(), true, true));
      case FINISHED:
        // RFC 5246 §7.4.9: verify_data is a PRF over the transcript; any difference shows here.
        return transcriptsDiffer ? Absorbed.fail(AlertDescription.DECRYPT_ERROR) : Absorbed.ok(e);
      case APPLICATION_DATA:
        return Absorbed.ok(e.withData(e.dataSent(), e.dataReceived() + 1));
      default:
        return Absorbed.ok(e);
    }
  }

  /**
   * The server decides everything at the ClientHello (RFC 5246 §7.4.1.3): the highest common
   * version, the key exchange, whether it resumes (only on the connection's first handshake; a
   * renegotiation is a full one), whether a ticket is part of it, and whether it requests a
   * client certificate.
   */
  private static Absorbed serverAbsorbsClientHello(Endpoint e, Configuration c) {
    boolean renegotiation = e.state().phase() == HandshakeState.Phase.ESTABLISHED;
    Facts base = renegotiation ? e.facts().nextHandshake() : e.facts();
    ProtocolVersion v = c.negotiatedVersion().orElse(null);
    if (v == null) {
      return Absorbed.fail(AlertDescription.PROTOCOL_VERSION);
    } else if (!Configuration.keyExchangeAllowed(c.keyExchange(), v)) {
      return Absorbed.fail(AlertDescription.HANDSHAKE_FAILURE);
    }
    boolean resumed = c.resumed() && !base.renegotiating();
    boolean ticket = c.ticket() && !base.renegotiating();
    Facts f = base.withHello(v, c.keyExchange(), resumed, ticket)
        .withPskHint(c.pskHint() && c.keyExchange() == KeyExchange.PSK)
        .withCertificateRequested(!resumed && c.certificateRequested())
        .withClientCertificate(false);
    int session = resumed ? 1 : base.renegotiating() ? 3 : 2;
    return Absorbed.ok(e.withFacts(f).withSession(session, e.done(), false));
  }

  /** The message {@code sender} puts on the wire now, with the parameters it carries. */
  static int stamp(MessageKind kind, Side sender, Endpoint e, Configuration c) {
    int m = Msg.of(kind, e.writeProtected());
    if (kind == MessageKind.SERVER_HELLO) {
      Facts f = e.facts();
      if (f.version() != null) {
        return Msg.serverHello(m, f.version(), f.keyExchange(), f.resumed(), f.ticket(), e.session());
      }
      // An injected ServerHello before the server negotiated: what this configuration would say.
      ProtocolVersion v = c.negotiatedVersion().orElse(c.serverMax());
      return Msg.serverHello(m, v, c.keyExchange(), c.resumed(), c.ticket(), c.resumed() ? 1 : 2);
    } else if (kind == MessageKind.CERTIFICATE && sender == Side.CLIENT) {
      return Msg.certificate(m, e.facts().clientCertificate());
    }
    return m;
  }
}
