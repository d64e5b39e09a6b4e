package dev.hslab.model.concrete;

import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.engine.MessageInfo;
import dev.hslab.model.engine.OutgoingTap;
import dev.hslab.model.handshake.ClientAuth;
import dev.hslab.model.handshake.ClientCertificate;
import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.handshake.Resumption;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.loopback.LoopbackRun;
import dev.hslab.model.record.Alert;
import dev.hslab.model.record.ChangeCipherSpec;
import dev.hslab.model.record.ContentType;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Well-formed plaintext of every message kind, for injections: real messages taken from honest
 * model-engine runs at the configuration's version (its own run first, then one with DHE and a
 * required client certificate for ServerKeyExchange, CertificateRequest and CertificateVerify, then
 * one issuing a ticket), and the messages with fixed contents built directly (HelloRequest,
 * ChangeCipherSpec, the warning alerts, application data). Their contents are right for another
 * handshake, which is the point: the receiver must judge an injected message by its place first.
 */
public final class MessageSamples {

  /** Samples by kind, as each side sent them (a client's Certificate is not a server's). */
  private final Map<Side, Map<MessageKind, OutgoingTap.Extra>> samples;

  private MessageSamples(Map<Side, Map<MessageKind, OutgoingTap.Extra>> samples) {
    this.samples = samples;
  }

  public static MessageSamples forConfig(HandshakeConfig hc) {
    Map<Side, Map<MessageKind, OutgoingTap.Extra>> m = new EnumMap<>(Side.class);
    m.put(Side.CLIENT, new EnumMap<>(MessageKind.class));
    m.put(Side.SERVER, new EnumMap<>(MessageKind.class));
    ProtocolVersion v = hc.clientMax().compareTo(hc.serverMax()) <= 0 ? hc.clientMax() : hc.serverMax();
    collect(hc, m);
    collect(HandshakeConfig.of(v, KeyExchange.DHE_RSA).withClientAuth(ClientAuth.REQUIRE, ClientCertificate.RSA)
        .withSeed(hc.seed()), m);
    if (!v.isSsl3()) {
      collect(HandshakeConfig.of(v, KeyExchange.RSA).withResumption(Resumption.TICKET).withSeed(hc.seed()), m);
    }
    // RFC 5246 §7.4.1.1: HelloRequest has an empty body.
    both(m, MessageKind.HELLO_REQUEST, new OutgoingTap.Extra(ContentType.HANDSHAKE, Bytes.wrap(new byte[] {0, 0, 0, 0})));
    both(m, MessageKind.CHANGE_CIPHER_SPEC, new OutgoingTap.Extra(ContentType.CHANGE_CIPHER_SPEC, ChangeCipherSpec.INSTANCE.encode()));
    both(m, MessageKind.APPLICATION_DATA, new OutgoingTap.Extra(ContentType.APPLICATION_DATA, LoopbackRun.text("deviant data")));
    both(m, MessageKind.NO_CERTIFICATE_ALERT, warning(AlertDescription.NO_CERTIFICATE));
    both(m, MessageKind.NO_RENEGOTIATION_ALERT, warning(AlertDescription.NO_RENEGOTIATION));
    both(m, MessageKind.CLOSE_NOTIFY_ALERT, warning(AlertDescription.CLOSE_NOTIFY));
    return new MessageSamples(m);
  }

  /**
   * The record {@code sender} injects for {@code kind}: what that side sent in a sample run, else
   * what the other side sent (a server "sending" a ClientHello); empty if no run at this version
   * has one (no tickets in SSL 3.0).
   */
  public Optional<OutgoingTap.Extra> get(Side sender, MessageKind kind) {
    OutgoingTap.Extra own = samples.get(sender).get(kind);
    return Optional.ofNullable(own != null ? own : samples.get(sender.peer()).get(kind));
  }

  private static void both(Map<Side, Map<MessageKind, OutgoingTap.Extra>> m, MessageKind kind, OutgoingTap.Extra x) {
    m.get(Side.CLIENT).put(kind, x);
    m.get(Side.SERVER).put(kind, x);
  }

  private static OutgoingTap.Extra warning(AlertDescription d) {
    return new OutgoingTap.Extra(ContentType.ALERT, Alert.warning(d).encode());
  }

  private static void collect(HandshakeConfig hc, Map<Side, Map<MessageKind, OutgoingTap.Extra>> into) {
    for (LoopbackRun.Connection c : LoopbackRun.run(hc)) {
      for (Trace.Sent s : c.trace().sent()) {
        MessageInfo mi = s.message();
        if (mi.kind() != null && mi.kind().isHandshake() && !mi.encoding().isEmpty()) {
          into.get(s.from()).putIfAbsent(mi.kind(), new OutgoingTap.Extra(ContentType.HANDSHAKE, mi.encoding()));
        }
      }
    }
  }
}
