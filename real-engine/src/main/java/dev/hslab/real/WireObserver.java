package dev.hslab.real;

import dev.hslab.model.crypto.KeyDerivation;
import dev.hslab.model.crypto.RandomSource;
import dev.hslab.model.crypto.TrafficKeys;
import dev.hslab.model.crypto.SessionKeys;
import dev.hslab.model.crypto.Transcript;
import dev.hslab.model.engine.MessageInfo;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.message.ClientHello;
import dev.hslab.model.message.DecodeContext;
import dev.hslab.model.message.HandshakeCodec;
import dev.hslab.model.message.HandshakeMessage;
import dev.hslab.model.message.HandshakeReassembler;
import dev.hslab.model.message.HandshakeType;
import dev.hslab.model.message.ServerHello;
import dev.hslab.model.record.Alert;
import dev.hslab.model.record.ChangeCipherSpec;
import dev.hslab.model.record.TlsRecord;
import dev.hslab.model.record.protect.RecordCipher;
import dev.hslab.model.suite.BulkCipher;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.model.wire.TlsAlertException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads both directions of one connection with our own codecs (docs/style.md §20): each record a real
 * engine sends or receives becomes {@link MessageInfo}s, one per handshake message, CCS, alert or
 * application-data record. The decode context (version, key exchange) comes from the ServerHello.
 * After a direction's ChangeCipherSpec its records are opaque unless {@link MasterSecrets} knows
 * the handshake's master secret; then they are decrypted with {@link KeyDerivation} and
 * {@link RecordCipher} and decoded like the rest.
 */
final class WireObserver {

  /** Generous bound for one handshake message (a Certificate with a long chain). */
  private static final int MAX_MESSAGE = 1 << 20;

  /**
   * Protected records kept while the master secret is not known yet, so that a secret that becomes
   * known later (the model peer derives it only after this side sent its Finished) can still
   * decode what follows: the cipher's sequence number and CBC chaining must first pass over them.
   */
  private static final int MAX_SKIPPED = 64;

  private static final class Direction {
    HandshakeReassembler reassembler = new HandshakeReassembler(MAX_MESSAGE);
    boolean protectedRecords;
    RecordCipher reader;
    final List<TlsRecord> skipped = new ArrayList<>();
    boolean gaveUp;
    /** The write state of this epoch, for records injected into it ({@link #sealInjected}); null when the keys are unknown. */
    RecordCipher writer;
    /** Records injected into this epoch so far: the sender's own records go on the wire this many numbers later. */
    int shift;
    /** The last record's plaintext, when it was opened. */
    TlsRecord lastPlain;
  }

  private final Map<Side, Direction> directions = new EnumMap<>(Side.class);
  private MasterSecrets secrets = MasterSecrets.NONE;
  private ClientHello clientHello;
  /** The handshake messages of the current handshake, both directions, as the engine hashes them. */
  private Transcript transcript = Transcript.empty();
  private ServerHello serverHello;
  private boolean serverHelloDone;

  WireObserver() {
    directions.put(Side.CLIENT, new Direction());
    directions.put(Side.SERVER, new Direction());
  }

  void decryptWith(MasterSecrets source) {
    this.secrets = source;
  }

  /** The ClientHello of the current handshake, once seen. */
  Optional<ClientHello> clientHello() {
    return Optional.ofNullable(clientHello);
  }

  Optional<ServerHello> serverHello() {
    return Optional.ofNullable(serverHello);
  }

  /**
   * Whether the current handshake is abbreviated: a ServerHello and no ServerHelloDone (RFC 5246
   * §7.3: a resumed session goes straight to ChangeCipherSpec, whether by ID or ticket).
   */
  boolean abbreviated() {
    return serverHello != null && !serverHelloDone;
  }

  /** The infos of one whole record sent by {@code from}, in order. */
  List<MessageInfo> observe(Side from, TlsRecord record) {
    Direction d = directions.get(from);
    boolean encrypted = d.protectedRecords;
    TlsRecord plain = record;
    if (encrypted) {
      if (d.reader == null && !d.gaveUp) {
        d.reader = lateReader(from, d);
      }
      if (d.reader == null) {
        if (!d.gaveUp) {
          d.skipped.add(record);
          d.gaveUp = d.skipped.size() > MAX_SKIPPED;
        }
        return List.of(Infos.opaque(record));
      }
      try {
        plain = d.reader.unprotect(record);
        d.lastPlain = plain;
      } catch (TlsAlertException | RuntimeException e) {
        d.reader = null; // wrong secret: stop trying, report the rest as opaque
        d.gaveUp = true;
        return List.of(Infos.opaque(record));
      }
    }
    Bytes body = plain.fragment();
    return switch (plain.type()) {
      case HANDSHAKE -> handshake(from, d, body, encrypted);
      case CHANGE_CIPHER_SPEC -> List.of(changeCipherSpec(from, d, body));
      case ALERT -> List.of(alert(body, encrypted));
      case APPLICATION_DATA -> List.of(Infos.applicationData(body.length(), body, encrypted));
    };
  }

  private List<MessageInfo> handshake(Side from, Direction d, Bytes body, boolean encrypted) {
    List<MessageInfo> out = new ArrayList<>();
    List<HandshakeReassembler.Message> messages;
    try {
      messages = d.reassembler.add(body);
    } catch (TlsAlertException e) {
      d.reassembler = new HandshakeReassembler(MAX_MESSAGE);
      return List.of(Infos.undecodable("handshake", body, encrypted, e.getMessage()));
    }
    for (HandshakeReassembler.Message m : messages) {
      try {
        HandshakeMessage msg = HandshakeCodec.decode(m.fullEncoding(), context(m.type()));
        learn(from, msg);
        out.add(Infos.handshake(from, msg, m.fullEncoding(), encrypted));
      } catch (TlsAlertException | RuntimeException e) {
        // A refusal of our codec is a finding about the bytes, never a reason to stop the engine.
        out.add(Infos.undecodable(m.type().rfcName(), m.fullEncoding(), encrypted, e.getMessage()));
      }
      if (m.type() != HandshakeType.HELLO_REQUEST) {
        transcript = transcript.append(m.fullEncoding()); // RFC 5246 §7.4.1.1: HelloRequest is not hashed
      }
    }
    return out;
  }

  private MessageInfo changeCipherSpec(Side from, Direction d, Bytes body) {
    try {
      ChangeCipherSpec.decode(body);
    } catch (TlsAlertException e) {
      return Infos.undecodable("change_cipher_spec", body, false, e.getMessage());
    }
    // RFC 5246 §7.1: every later record of this direction is protected with the pending state.
    d.protectedRecords = true;
    d.reassembler = new HandshakeReassembler(MAX_MESSAGE);
    d.skipped.clear();
    d.gaveUp = false;
    d.writer = null;
    d.shift = 0;
    d.lastPlain = null;
    try {
      d.reader = reader(from, d).orElse(null);
    } catch (RuntimeException e) {
      d.reader = null; // a failing lookup only costs the decoding
    }
    return Infos.changeCipherSpec(from, body);
  }

  /**
   * Asks for the master secret again; when it is known now, passes the read state over the records
   * reported opaque so far (they stay reported as such) and returns it, else null.
   */
  private RecordCipher lateReader(Side from, Direction d) {
    try {
      Optional<RecordCipher> r = reader(from, d);
      if (r.isEmpty()) {
        return null;
      }
      for (TlsRecord skipped : d.skipped) {
        r.get().unprotect(skipped);
      }
      d.skipped.clear();
      return r.get();
    } catch (TlsAlertException | RuntimeException e) {
      d.gaveUp = true; // a wrong secret: the rest stays opaque
      d.skipped.clear();
      return null;
    }
  }

  private static MessageInfo alert(Bytes body, boolean encrypted) {
    try {
      return Infos.alert(Alert.decode(body), body, encrypted);
    } catch (TlsAlertException e) {
      return Infos.undecodable("alert", body, encrypted, e.getMessage());
    }
  }

  /**
   * The read state for {@code from}'s records after its CCS, if the master secret is known; with it
   * {@code d}'s write state for injected records, when its records carry their own IV or nonce
   * (TLS 1.1+ CBC, AEAD): a chained CBC IV (SSL 3.0, TLS 1.0) follows the sender's own ciphertext,
   * which a second writer cannot continue.
   */
  private Optional<RecordCipher> reader(Side from, Direction d) {
    if (clientHello == null || serverHello == null || serverHello.knownSuite().isEmpty()) {
      return Optional.empty();
    }
    CipherSuite suite = serverHello.knownSuite().get();
    ProtocolVersion version = serverHello.serverVersion();
    if (!suite.supportedBy(version)) {
      return Optional.empty();
    }
    return secrets.lookup(clientHello.random(), transcript).map(master -> {
      SessionKeys keys = KeyDerivation.of(version, suite).sessionKeys(master, clientHello.random(), serverHello.random());
      TrafficKeys own = from == Side.CLIENT ? keys.client() : keys.server();
      if (version.hasExplicitIv() || suite.cipher().type() == BulkCipher.Type.AEAD) {
        // A seeded source: TLS 1.1+ CBC IVs only need to be unpredictable to an attacker, not here.
        d.writer = RecordCipher.forWriting(suite, version, own, RandomSource.seeded(0));
      }
      return RecordCipher.forReading(suite, version, own);
    });
  }

  /**
   * Seals {@code plaintext} as {@code from}'s next record in its current epoch, exactly as its own
   * would be (its write keys, the sequence number of the record just observed, RFC 5246 §6.1,
   * §6.2.3), and moves its own records of this epoch one number later ({@link #onTheWire}), so
   * that the receiver's record layer accepts them all and what the injection tests is its state
   * machine. Call it after observing the record it goes in front of. Empty when the keys are not
   * known or the IV is chained: then only an unprotected record can be sent.
   */
  Optional<TlsRecord> sealInjected(Side from, TlsRecord plaintext) {
    Direction d = directions.get(from);
    if (!d.protectedRecords || d.writer == null || d.reader == null || d.lastPlain == null) {
      return Optional.empty();
    }
    long seq = d.reader.sequenceNumber() - 1 + d.shift; // the number the observed record was sealed with, shifted
    d.shift++;
    return Optional.of(d.writer.protect(plaintext, seq));
  }

  /** Whether {@code from}'s records are protected now (after its ChangeCipherSpec). */
  boolean protectedRecords(Side from) {
    return directions.get(from).protectedRecords;
  }

  /**
   * The record just observed from {@code from} as it goes on the wire: itself, or resealed with
   * its sequence number moved by the records injected in front of it in this epoch.
   */
  TlsRecord onTheWire(Side from, TlsRecord observed) {
    Direction d = directions.get(from);
    if (d.shift == 0 || d.writer == null || d.lastPlain == null || d.reader == null) {
      return observed;
    }
    return d.writer.protect(d.lastPlain, d.reader.sequenceNumber() - 1 + d.shift);
  }

  /**
   * Learns the handshake from the side that may send each message: a ClientHello from the server
   * or a ServerHello from the client (a deviant peer injects them) starts nothing, and must not
   * take the keys away from the records that follow (regression: the alert SunJSSE sent after an
   * injected ClientHello stayed opaque).
   */
  private void learn(Side from, HandshakeMessage msg) {
    if (msg instanceof ClientHello ch && from == Side.CLIENT) {
      clientHello = ch;
      transcript = Transcript.empty();
      serverHello = null;
      serverHelloDone = false;
    } else if (msg instanceof ServerHello sh && from == Side.SERVER) {
      serverHello = sh;
    } else if (msg.type() == HandshakeType.SERVER_HELLO_DONE && from == Side.SERVER) {
      serverHelloDone = true;
    }
  }

  /** Hellos decode without a key exchange; later messages with what the ServerHello chose. */
  private DecodeContext context(HandshakeType type) {
    if (serverHello == null || type == HandshakeType.CLIENT_HELLO || type == HandshakeType.SERVER_HELLO) {
      return DecodeContext.of(serverHello != null ? serverHello.serverVersion() : ProtocolVersion.TLS12);
    }
    KeyExchange kex = serverHello.knownSuite().map(CipherSuite::keyExchange).orElse(null);
    return new DecodeContext(serverHello.serverVersion(), kex);
  }
}
