package dev.hslab.model.engine;

import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.message.DecodeContext;
import dev.hslab.model.message.HandshakeCodec;
import dev.hslab.model.message.HandshakeMessage;
import dev.hslab.model.message.HandshakeReassembler;
import dev.hslab.model.record.Alert;
import dev.hslab.model.record.ContentType;
import dev.hslab.model.record.TlsRecord;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.model.wire.TlsAlertException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A peer without a transition table: it sends any message it is told to, in any order, built
 * with what it knows so far (its own hellos, the peer's randoms, certificate and key share, the
 * transcript, the keys after its ClientKeyExchange or the peer's), and reads whatever the engine
 * under test answers. It is the test harness of active automata learning (de Ruiter and Poll,
 * USENIX Security 2015): the role's {@link Flow} builds and absorbs each message exactly as the
 * model engine does, but nothing checks the order, so a learner can ask "what if the client sent
 * Finished now". A message the peer cannot build from what it knows (a ClientKeyExchange before
 * any ServerHello) comes from {@code fallback}: a well-formed one from another handshake.
 *
 * <p>What it reads is abstracted to one label per message ({@link MessageKind#label()}, a fatal or
 * warning alert as {@code alert(<description>)}, a record it cannot open as {@code
 * unreadable(<content type>)}); a message it cannot absorb (a Finished that does not verify) is
 * still labelled, since the label is what the engine sent.
 */
public final class ScriptedPeer {

  private final Connection c;
  private final Flow flow;
  private final Side side;
  private final Function<MessageKind, Optional<OutgoingTap.Extra>> fallback;
  private boolean sentFinished;
  private boolean receivedFinished;
  private boolean readBroken;

  public ScriptedPeer(EngineConfig config, Function<MessageKind, Optional<OutgoingTap.Extra>> fallback) {
    this.side = config.side();
    ProtocolVersion initial = config.minVersion().compareTo(ProtocolVersion.TLS10) < 0 ? config.minVersion() : ProtocolVersion.TLS10;
    this.c = new Connection(config, new RecordLayer(side, initial, config.recordMode(), config.random()));
    this.flow = side == Side.CLIENT ? new ClientFlow(c) : new ServerFlow(c);
    this.fallback = fallback;
  }

  public Side side() {
    return side;
  }

  /**
   * The records that carry {@code kind}, built now and protected under this peer's current write
   * state (RFC 5246 §6.1); empty if neither this peer nor the fallback can build one.
   */
  public List<Bytes> send(MessageKind kind) {
    if (kind == MessageKind.CLIENT_HELLO && side == Side.CLIENT && c.hs.clientHello != null && !c.established) {
      c.hs = new HandshakeContext(); // a second hello in one handshake starts its transcript again
    }
    if (kind == MessageKind.APPLICATION_DATA) {
      c.pendingData = Bytes.wrap("learn".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
    ContentType type;
    Bytes payload;
    try {
      Outgoing o = flow.produce(kind);
      type = o.type();
      payload = o.payload();
      if (o.message() != null && kind != MessageKind.HELLO_REQUEST) {
        c.hs.append(payload); // RFC 5246 §7.4.1.1: HelloRequest is not part of the transcript
      }
    } catch (TlsAlertException | RuntimeException e) {
      Optional<OutgoingTap.Extra> x = fallback.apply(kind);
      if (x.isEmpty()) {
        return List.of();
      }
      type = x.get().type();
      payload = x.get().payload();
    }
    List<Bytes> out = c.records.write(type, List.of(payload));
    if (type == ContentType.CHANGE_CIPHER_SPEC && c.records.hasPendingWrite()) {
      c.records.activateWrite(); // RFC 5246 §7.1: what follows our CCS uses the new keys
    }
    if (kind == MessageKind.FINISHED) {
      sentFinished = true;
      completeIfDone();
    }
    return out;
  }

  /** Reads what the engine under test sent and returns one label per message, in order. */
  public List<String> receive(List<Bytes> records) {
    List<String> labels = new ArrayList<>();
    for (Bytes r : records) {
      if (readBroken) {
        labels.addAll(unreadable(r));
        continue;
      }
      try {
        c.records.read(r, new RecordLayer.RecordHandler() {
          @Override
          public void onRecord(TlsRecord plain, boolean wasProtected) throws TlsAlertException {
            record(plain, labels);
          }

          @Override
          public boolean stop() {
            return false;
          }
        });
      } catch (TlsAlertException | RuntimeException e) {
        readBroken = true; // keys this peer does not share: the rest is labelled by content type
        labels.add("unreadable(" + contentName(r.getUnsigned(0)) + ")");
      }
    }
    return labels;
  }

  private void record(TlsRecord r, List<String> labels) throws TlsAlertException {
    switch (r.type()) {
      case HANDSHAKE -> {
        for (HandshakeReassembler.Message m : c.records.reassembler().add(r.fragment())) {
          MessageKind kind = MessageKind.of(m.type());
          labels.add(kind.label());
          absorb(kind, m);
        }
      }
      case CHANGE_CIPHER_SPEC -> {
        labels.add(MessageKind.CHANGE_CIPHER_SPEC.label());
        if (c.records.hasPendingRead()) {
          c.records.activateRead();
        } else {
          throw new TlsAlertException(dev.hslab.model.wire.AlertDescription.UNEXPECTED_MESSAGE, "no keys for the peer's CCS");
        }
      }
      case ALERT -> labels.add("alert(" + Alert.decode(r.fragment()).description().rfcName() + ")");
      case APPLICATION_DATA -> labels.add(MessageKind.APPLICATION_DATA.label());
    }
  }

  private void absorb(MessageKind kind, HandshakeReassembler.Message m) {
    HandshakeContext hs = c.hs;
    if (kind == MessageKind.CLIENT_HELLO && side == Side.SERVER && hs.clientHello != null && !c.established) {
      c.hs = new HandshakeContext();
      hs = c.hs;
    }
    try {
      ProtocolVersion v = hs.version != null ? hs.version : c.records.version();
      HandshakeMessage msg = HandshakeCodec.decodeBody(m.type(), m.body(),
          new DecodeContext(v, hs.suite != null ? hs.suite.keyExchange() : null));
      flow.absorb(new Incoming(kind, msg, m.fullEncoding()));
    } catch (TlsAlertException | RuntimeException e) {
      // A message this peer cannot use (a Finished over another transcript) is still what the
      // engine sent; the peer goes on with what it knew.
    }
    if (kind != MessageKind.HELLO_REQUEST) {
      c.hs.append(m.fullEncoding());
    }
    if (kind == MessageKind.FINISHED) {
      receivedFinished = true;
      completeIfDone();
    }
  }

  /** Both Finished messages of this handshake went by: the RFC 5746 binding for a renegotiation. */
  private void completeIfDone() {
    if (sentFinished && receivedFinished && c.hs.masterSecret != null && c.hs.suite != null) {
      Completion.complete(c);
      sentFinished = false;
      receivedFinished = false;
    }
  }

  private static List<String> unreadable(Bytes r) {
    return r.isEmpty() ? List.of() : List.of("unreadable(" + contentName(r.getUnsigned(0)) + ")");
  }

  private static String contentName(int code) {
    for (ContentType t : ContentType.values()) {
      if (t.code() == code) {
        return t.rfcName();
      }
    }
    return "type " + code;
  }
}
