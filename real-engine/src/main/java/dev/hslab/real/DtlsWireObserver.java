package dev.hslab.real;

import dev.hslab.model.crypto.KeyDerivation;
import dev.hslab.model.crypto.SessionKeys;
import dev.hslab.model.crypto.Transcript;
import dev.hslab.model.dtls.DtlsDatagram;
import dev.hslab.model.dtls.DtlsRecord;
import dev.hslab.model.dtls.RecordDecision;
import dev.hslab.model.dtls.handshake.DtlsClientHello;
import dev.hslab.model.dtls.handshake.DtlsTranscript;
import dev.hslab.model.dtls.handshake.FragmentReassembler;
import dev.hslab.model.dtls.handshake.HandshakeFragment;
import dev.hslab.model.dtls.handshake.HelloVerifyRequest;
import dev.hslab.model.engine.MessageInfo;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.message.ClientHello;
import dev.hslab.model.message.DecodeContext;
import dev.hslab.model.message.HandshakeCodec;
import dev.hslab.model.message.HandshakeMessage;
import dev.hslab.model.message.HandshakeType;
import dev.hslab.model.message.ServerHello;
import dev.hslab.model.record.Alert;
import dev.hslab.model.record.ChangeCipherSpec;
import dev.hslab.model.record.TlsRecord;
import dev.hslab.model.record.protect.RecordCipher;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.model.wire.TlsAlertException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads both directions of one DTLS association with our own codecs, the datagram counterpart of
 * {@link WireObserver}: each datagram is framed by {@link DtlsDatagram}, epoch-0 handshake
 * fragments are put back together by {@link FragmentReassembler} and decoded (the ClientHello
 * with its cookie, HelloVerifyRequest, the TLS messages), and a message the sender already sent is
 * reported again as a retransmission (RFC 6347 §4.2.4). Records of a later epoch are decrypted
 * when {@link MasterSecrets} knows the master secret, else reported opaque in their place.
 */
final class DtlsWireObserver {

  /** Generous bound for one handshake message (a Certificate with a long chain). */
  private static final int MAX_MESSAGE = 1 << 20;

  private static final class Direction {
    final FragmentReassembler reassembler = new FragmentReassembler(0, MAX_MESSAGE);
    /** What each message_seq of this direction decoded to, to name a retransmission. */
    final Map<Integer, MessageInfo> bySeq = new HashMap<>();
    RecordCipher reader;
    boolean gaveUp;
  }

  private final Map<Side, Direction> directions = new EnumMap<>(Side.class);
  private MasterSecrets secrets = MasterSecrets.NONE;
  private ClientHello clientHello;
  private ServerHello serverHello;
  private boolean serverHelloDone;
  /** RFC 6347 §4.2.6: HelloVerifyRequest and the ClientHello before it are not hashed. */
  private Transcript transcript = Transcript.empty();
  /** Handshake messages seen for the first time, per sender: a flight that adds none is a retransmission. */
  private final Map<Side, Integer> fresh = new EnumMap<>(Side.class);

  DtlsWireObserver() {
    directions.put(Side.CLIENT, new Direction());
    directions.put(Side.SERVER, new Direction());
  }

  void decryptWith(MasterSecrets source) {
    this.secrets = source;
  }

  Optional<ClientHello> clientHello() {
    return Optional.ofNullable(clientHello);
  }

  Optional<ServerHello> serverHello() {
    return Optional.ofNullable(serverHello);
  }

  /** A ServerHello and no ServerHelloDone: the abbreviated handshake (RFC 6347 §4.2.4, Figure 2's second part). */
  boolean abbreviated() {
    return serverHello != null && !serverHelloDone;
  }

  /** How many handshake messages {@code from} has sent for the first time so far (retransmissions not counted). */
  int freshMessages(Side from) {
    return fresh.getOrDefault(from, 0);
  }

  /** The infos of one whole datagram sent by {@code from}, in order; a discarded record is reported undecodable. */
  List<MessageInfo> observe(Side from, Bytes datagram) {
    Direction d = directions.get(from);
    List<MessageInfo> out = new ArrayList<>();
    for (RecordDecision framed : DtlsDatagram.decode(datagram)) {
      if (framed instanceof RecordDecision.Discarded x) {
        out.add(Infos.undecodable("record", Bytes.EMPTY, false, x.reason() + ": " + x.detail()));
        continue;
      }
      DtlsRecord r = ((RecordDecision.Accepted) framed).record();
      boolean encrypted = r.epoch() > 0;
      Bytes body = r.fragment();
      if (encrypted) {
        Optional<Bytes> plain = decrypt(from, d, r);
        if (plain.isEmpty()) {
          out.add(Infos.opaque(r.asTlsRecord()));
          continue;
        }
        body = plain.get();
      }
      switch (r.type()) {
        case HANDSHAKE -> out.addAll(handshake(from, d, body, encrypted));
        case CHANGE_CIPHER_SPEC -> out.add(changeCipherSpec(from, body));
        case ALERT -> out.add(alert(body, encrypted));
        case APPLICATION_DATA -> out.add(Infos.applicationData(body.length(), body, encrypted));
      }
    }
    return out;
  }

  private List<MessageInfo> handshake(Side from, Direction d, Bytes body, boolean encrypted) {
    List<HandshakeFragment> fragments;
    try {
      fragments = HandshakeFragment.decodeAll(body);
    } catch (TlsAlertException e) {
      return List.of(Infos.undecodable("handshake", body, encrypted, e.getMessage()));
    }
    List<MessageInfo> out = new ArrayList<>();
    for (HandshakeFragment f : fragments) {
      FragmentReassembler.Offer offer = d.reassembler.offer(f);
      if (offer == FragmentReassembler.Offer.PREVIOUS_MESSAGE && f.fragmentOffset() == 0) {
        MessageInfo first = d.bySeq.get(f.messageSeq());
        if (first != null) {
          out.add(first.retransmission(encrypted));
        }
      }
      for (HandshakeFragment m : d.reassembler.take()) {
        MessageInfo info = message(from, m, encrypted);
        d.bySeq.put(m.messageSeq(), info);
        fresh.merge(from, 1, Integer::sum);
        out.add(info);
      }
    }
    return out;
  }

  /** One whole message: decoded with the DTLS codecs, then hashed as §4.2.6 says. */
  private MessageInfo message(Side from, HandshakeFragment m, boolean encrypted) {
    MessageInfo info;
    try {
      if (m.msgType() == HelloVerifyRequest.TYPE) {
        HelloVerifyRequest hvr = HelloVerifyRequest.decode(m.fragment());
        info = new MessageInfo(HandshakeFragment.typeName(m.msgType()), null, null, m.fragment().length() + HandshakeFragment.HEADER_LENGTH,
            false, encrypted, hvr.describe(), m.encode());
      } else if (m.msgType() == HandshakeType.CLIENT_HELLO.code()) {
        DtlsClientHello ch = DtlsClientHello.decode(m.fragment(), DecodeContext.of(ProtocolVersion.DTLS12));
        if (from == Side.CLIENT) {
          clientHello = ch.hello();
          serverHello = null;
          serverHelloDone = false;
        }
        info = new MessageInfo(HandshakeType.CLIENT_HELLO.rfcName(), dev.hslab.model.handshake.MessageKind.CLIENT_HELLO,
            null, m.fragment().length() + HandshakeFragment.HEADER_LENGTH, false, encrypted, ch.describe(), m.encode());
      } else {
        HandshakeType type = typeOf(m);
        HandshakeMessage msg = HandshakeCodec.decode(HandshakeCodec.frame(type, m.fragment()), context(type));
        learn(from, msg);
        info = Infos.handshake(from, msg, m.encode(), encrypted);
      }
    } catch (TlsAlertException | RuntimeException e) {
      info = Infos.undecodable(HandshakeFragment.typeName(m.msgType()), m.encode(), encrypted, e.getMessage());
    }
    transcript = DtlsTranscript.append(transcript, m);
    return info;
  }

  private static HandshakeType typeOf(HandshakeFragment m) throws TlsAlertException {
    return HandshakeType.fromCode(m.msgType());
  }

  private void learn(Side from, HandshakeMessage msg) {
    if (msg instanceof ServerHello sh && from == Side.SERVER) {
      serverHello = sh;
    } else if (msg.type() == HandshakeType.SERVER_HELLO_DONE && from == Side.SERVER) {
      serverHelloDone = true;
    }
  }

  private DecodeContext context(HandshakeType type) {
    ProtocolVersion v = serverHello != null ? serverHello.serverVersion() : ProtocolVersion.DTLS12;
    if (serverHello == null || type == HandshakeType.SERVER_HELLO) {
      return DecodeContext.of(v);
    }
    KeyExchange kex = serverHello.knownSuite().map(CipherSuite::keyExchange).orElse(null);
    return new DecodeContext(v, kex);
  }

  private static MessageInfo changeCipherSpec(Side from, Bytes body) {
    try {
      ChangeCipherSpec.decode(body);
    } catch (TlsAlertException e) {
      return Infos.undecodable("change_cipher_spec", body, false, e.getMessage());
    }
    return Infos.changeCipherSpec(from, body);
  }

  private static MessageInfo alert(Bytes body, boolean encrypted) {
    try {
      return Infos.alert(Alert.decode(body), body, encrypted);
    } catch (TlsAlertException e) {
      return Infos.undecodable("alert", body, encrypted, e.getMessage());
    }
  }

  /**
   * The plaintext of a protected record, when the master secret is known: the TLS record
   * protection with the record's own 64-bit epoch ‖ sequence_number (RFC 6347 §4.1.2.1).
   */
  private Optional<Bytes> decrypt(Side from, Direction d, DtlsRecord r) {
    if (d.gaveUp) {
      return Optional.empty();
    }
    try {
      if (d.reader == null) {
        d.reader = reader(from).orElse(null);
      }
      if (d.reader == null) {
        return Optional.empty();
      }
      TlsRecord plain = d.reader.unprotect(r.asTlsRecord(), r.macSequenceNumber());
      return Optional.of(plain.fragment());
    } catch (TlsAlertException | RuntimeException e) {
      d.gaveUp = true; // a wrong secret: the rest stays opaque
      return Optional.empty();
    }
  }

  private Optional<RecordCipher> reader(Side from) {
    if (clientHello == null || serverHello == null || serverHello.knownSuite().isEmpty()) {
      return Optional.empty();
    }
    CipherSuite suite = serverHello.knownSuite().get();
    ProtocolVersion version = serverHello.serverVersion();
    return secrets.lookup(clientHello.random(), transcript).map(master -> {
      SessionKeys keys = KeyDerivation.of(version, suite).sessionKeys(master, clientHello.random(), serverHello.random());
      return RecordCipher.forReading(suite, version, from == Side.CLIENT ? keys.client() : keys.server());
    });
  }
}
