package dev.hslab.output.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hslab.model.crypto.KeyBlockLayout;
import dev.hslab.model.crypto.KeyDerivation;
import dev.hslab.model.crypto.SessionKeys;
import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.engine.MessageInfo;
import dev.hslab.model.engine.Negotiated;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.message.DecodeContext;
import dev.hslab.model.message.HandshakeCodec;
import dev.hslab.model.message.HandshakeType;
import dev.hslab.model.message.ServerHello;
import dev.hslab.model.message.extension.ExtensionType;
import dev.hslab.model.record.Alert;
import dev.hslab.model.record.ChangeCipherSpec;
import dev.hslab.model.record.ContentType;
import dev.hslab.model.record.TlsRecord;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.suite.NamedGroup;
import dev.hslab.model.suite.SignatureScheme;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.trace.TraceEvent;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.AlertLevel;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.model.wire.TlsAlertException;
import dev.hslab.model.wire.WireField;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The data behind the interactive report of one connection: for each numbered message (the
 * number {@code hslab run} prints), its fields as our decoders read them ({@link
 * HandshakeCodec#dissect}, {@link Alert#decode(Bytes, WireField.Recorder)}), with offsets into its
 * bytes; the record that carried it and what the network did to it; each side's state and which
 * keys were in effect when it was sent. The page's script only shows this; it parses nothing.
 *
 * <p>Keys in effect follow RFC 5246 §6.1 and §7.1: a side's keys are <em>pending</em> once it
 * can compute the master secret (the client after sending ClientKeyExchange, the server after
 * receiving it; in an abbreviated handshake both after ServerHello) and <em>active</em> for
 * writing after it sent ChangeCipherSpec, for reading after it received one. The secrets are
 * those of the handshake's {@code Established} event (also written to the key log), split into the
 * key block with the model's own derivation.
 */
final class MessageInspector {

  private static final ObjectMapper JSON = new ObjectMapper();

  private MessageInspector() {}

  /** One key epoch of one direction: none, or handshake {@code h} pending or active. */
  private static final class Epochs {
    int read;
    int write;
    int pending;
    int handshake;
    String state = "";

    ObjectNode json() {
      ObjectNode o = JSON.createObjectNode();
      o.put("state", state);
      o.put("read", read == 0 ? "none" : "active");
      o.put("read_handshake", read);
      o.put("write", write == 0 ? "none" : "active");
      o.put("write_handshake", write);
      o.put("pending", pending == 0 ? "none" : "pending");
      o.put("pending_handshake", pending);
      return o;
    }
  }

  /** The connection's data as JSON text, safe to sit inside an HTML {@code script} element. */
  static String json(Trace trace) {
    String text = data(trace).toString();
    // Inside <script> neither "</" nor "&" may appear literally (XHTML parsers read the page too).
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
  }

  static ObjectNode data(Trace trace) {
    List<Negotiated> established = new ArrayList<>();
    List<Bytes> serverRandoms = new ArrayList<>();
    for (TraceEvent e : trace.events()) {
      if (e instanceof TraceEvent.OfEngine oe && oe.side() == Side.CLIENT && oe.event() instanceof EngineEvent.Established est) {
        established.add(est.negotiated());
      }
    }
    Map<Side, Epochs> sides = new EnumMap<>(Side.class);
    sides.put(Side.CLIENT, new Epochs());
    sides.put(Side.SERVER, new Epochs());
    Map<Side, Map<Integer, List<TraceEvent.OfNetwork>>> network = new EnumMap<>(Side.class);
    for (TraceEvent e : trace.events()) {
      if (e instanceof TraceEvent.OfNetwork n) {
        network.computeIfAbsent(n.from(), s -> new java.util.HashMap<>())
            .computeIfAbsent(n.record(), r -> new ArrayList<>()).add(n);
      }
    }
    ArrayNode messages = JSON.createArrayNode();
    ArrayNode handshakes = JSON.createArrayNode();
    DecodeContext ctx = DecodeContext.of(ProtocolVersion.TLS12);
    int n = 0;
    for (TraceEvent e : trace.events()) {
      if (!(e instanceof TraceEvent.OfEngine oe)) {
        continue;
      }
      Epochs self = sides.get(oe.side());
      if (oe.event() instanceof EngineEvent.StateChanged sc) {
        self.state = sc.to();
      } else if (oe.event() instanceof EngineEvent.MessageSent ms) {
        n++;
        MessageInfo info = ms.message();
        ServerHello[] hello = new ServerHello[1];
        ObjectNode m = message(n, oe, info, ctx, network, hello);
        ObjectNode states = m.putObject("sides");
        states.set("client", sides.get(Side.CLIENT).json());
        states.set("server", sides.get(Side.SERVER).json());
        messages.add(m);
        if (hello[0] != null) {
          // The later messages' shapes depend on what the ServerHello chose (DecodeContext).
          serverRandoms.add(hello[0].random());
          ctx = new DecodeContext(hello[0].serverVersion(),
              CipherSuite.fromCode(hello[0].cipherSuite()).map(CipherSuite::keyExchange).orElse(null));
        }
        sent(oe.side(), info, sides, established);
      } else if (oe.event() instanceof EngineEvent.MessageReceived mr) {
        received(oe.side(), mr.message(), sides, established);
      }
    }
    for (int h = 0; h < established.size(); h++) {
      handshakes.add(keys(h + 1, established.get(h), h < serverRandoms.size() ? serverRandoms.get(h) : null));
    }
    ObjectNode root = JSON.createObjectNode();
    root.set("messages", messages);
    root.set("handshakes", handshakes);
    return root;
  }

  private static void sent(Side side, MessageInfo info, Map<Side, Epochs> sides, List<Negotiated> established) {
    Epochs self = sides.get(side);
    String type = info.type();
    if (side == Side.CLIENT && type.equals(HandshakeType.CLIENT_HELLO.rfcName())) {
      self.handshake++;
    } else if (side == Side.CLIENT && type.equals(HandshakeType.CLIENT_KEY_EXCHANGE.rfcName())) {
      self.pending = self.handshake;
    } else if (side == Side.SERVER && type.equals(HandshakeType.SERVER_HELLO.rfcName()) && resumed(self.handshake, established)) {
      self.pending = self.handshake;
    } else if (type.equals("change_cipher_spec")) {
      self.write = self.handshake;
      settle(self);
    }
  }

  private static void received(Side side, MessageInfo info, Map<Side, Epochs> sides, List<Negotiated> established) {
    Epochs self = sides.get(side);
    String type = info.type();
    if (side == Side.SERVER && type.equals(HandshakeType.CLIENT_HELLO.rfcName())) {
      self.handshake++;
    } else if (side == Side.SERVER && type.equals(HandshakeType.CLIENT_KEY_EXCHANGE.rfcName())) {
      self.pending = self.handshake;
    } else if (side == Side.CLIENT && type.equals(HandshakeType.SERVER_HELLO.rfcName()) && resumed(self.handshake, established)) {
      self.pending = self.handshake;
    } else if (type.equals("change_cipher_spec")) {
      self.read = self.handshake;
      settle(self);
    }
  }

  /** Pending keys stop being pending once both directions use them. */
  private static void settle(Epochs e) {
    if (e.read == e.pending && e.write == e.pending) {
      e.pending = 0;
    }
  }

  private static boolean resumed(int handshake, List<Negotiated> established) {
    return handshake >= 1 && handshake <= established.size() && established.get(handshake - 1).resumed();
  }

  private static ObjectNode message(int n, TraceEvent.OfEngine oe, MessageInfo info, DecodeContext ctx,
      Map<Side, Map<Integer, List<TraceEvent.OfNetwork>>> network, ServerHello[] hello) {
    ObjectNode m = JSON.createObjectNode();
    m.put("n", n);
    m.put("from", oe.side().label());
    m.put("label", info.label());
    m.put("type", info.type());
    m.put("optional", info.optional());
    m.put("encrypted", info.encrypted());
    m.put("time_ms", oe.timeMs());
    Bytes bytes = info.encoding() == null ? Bytes.EMPTY : info.encoding();
    m.put("hex", bytes.hex().toLowerCase(Locale.ROOT));
    ArrayNode fields = m.putArray("fields");
    try {
      List<WireField> decoded = decode(info, bytes, ctx, m, hello);
      decoded.forEach(f -> fields.add(field(f, bytes)));
    } catch (TlsAlertException | RuntimeException ex) {
      m.put("error", "not decoded: " + ex.getMessage());
    }
    ObjectNode record = m.putObject("record");
    TraceEvent.Carriage c = oe.carriage();
    record.put("number", c == null ? 0 : c.record());
    if (c != null && c.fault() != null) {
      record.put("fault", c.fault().label());
    }
    ArrayNode events = record.putArray("network");
    if (c != null) {
      for (TraceEvent.OfNetwork ne : network.getOrDefault(oe.side(), Map.of()).getOrDefault(c.record(), List.of())) {
        ObjectNode o = events.addObject();
        o.put("action", ne.action().label());
        o.put("detail", ne.detail() == null ? "" : ne.detail());
        o.put("time_ms", ne.timeMs());
        Bytes wire = ne.bytes() == null ? Bytes.EMPTY : ne.bytes();
        o.put("hex", wire.hex().toLowerCase(Locale.ROOT));
        ArrayNode header = o.putArray("fields");
        for (WireField f : TlsRecord.dissect(wire)) {
          if (!f.name().equals("fragment")) {
            header.add(field(f, wire));
          }
        }
      }
    }
    return m;
  }

  private static List<WireField> decode(MessageInfo info, Bytes bytes, DecodeContext ctx, ObjectNode m,
      ServerHello[] hello)
      throws TlsAlertException {
    if (bytes.isEmpty()) {
      m.put("error", info.encrypted() ? "encrypted: the engine gave no plaintext" : "no bytes in the trace");
      return List.of();
    }
    String type = info.type();
    WireField.Recorder r = new WireField.Recorder();
    if (type.equals("change_cipher_spec")) {
      ChangeCipherSpec.decode(bytes, r);
      return r.fields();
    }
    if (type.equals("alert")) {
      Alert.decode(bytes, r);
      return r.fields();
    }
    if (type.equals("application_data")) {
      return List.of();
    }
    HandshakeCodec.Dissected d = HandshakeCodec.dissect(bytes, ctx);
    if (d.message() instanceof ServerHello sh) {
      hello[0] = sh;
    }
    return d.fields();
  }

  private static ObjectNode field(WireField f, Bytes bytes) {
    ObjectNode o = JSON.createObjectNode();
    o.put("name", f.name());
    o.put("offset", f.offset());
    o.put("length", f.length());
    if (f.value() != null) {
      o.put("value", f.value());
    }
    String meaning = meaning(f, bytes);
    if (meaning != null) {
      o.put("meaning", meaning);
    }
    // A value read in parts under its own name (a version's major and minor) shows as one field.
    boolean parts = f.children().stream().allMatch(c -> c.name().equals(f.name()) && c.children().isEmpty());
    if (!f.children().isEmpty() && !parts) {
      ArrayNode ch = o.putArray("children");
      f.children().forEach(c -> ch.add(field(c, bytes)));
    }
    return o;
  }

  /** The registry name of a code point, by the field's RFC name; null when there is none. */
  static String meaning(WireField f, Bytes bytes) {
    String name = f.name();
    if (name.endsWith("version") && f.length() == 2 && f.value() == null) {
      ProtocolVersion v = new ProtocolVersion(bytes.getUnsigned(f.offset()), bytes.getUnsigned(f.offset() + 1));
      return v.isSupported() ? v.displayName() : v.toString();
    }
    if (f.value() == null) {
      return null;
    }
    int code = f.value().intValue();
    return switch (name) {
      case "msg_type" -> knownOrNull(() -> HandshakeType.fromCode(code).rfcName());
      case "cipher_suite", "cipher_suites" -> CipherSuite.nameOf(code);
      case "extension_type" -> ExtensionType.nameOf(code);
      case "compression_method", "compression_methods" -> code == 0 ? "null" : null;
      case "level" -> knownOrNull(() -> AlertLevel.fromCode(code).rfcName());
      case "description" -> knownOrNull(() -> AlertDescription.fromCode(code).rfcName());
      case "type" -> f.offset() == 0 && f.length() == 1 ? contentOrCcs(code) : null;
      case "NamedGroup", "named_group_list" ->
          NamedGroup.fromCode(code).map(NamedGroup::rfcName).orElse(null);
      case "supported_signature_algorithms", "SignatureAndHashAlgorithm" ->
          SignatureScheme.fromCode(code).map(SignatureScheme::rfcName).orElse(null);
      default -> null;
    };
  }

  private static String contentOrCcs(int code) {
    return knownOrNull(() -> ContentType.fromCode(code).rfcName());
  }

  private interface Lookup {
    String get() throws TlsAlertException;
  }

  private static String knownOrNull(Lookup l) {
    try {
      return l.get();
    } catch (TlsAlertException e) {
      return null;
    }
  }

  /** Handshake {@code h}'s secrets and its key block, cut as RFC 5246 §6.3 names the parts. */
  private static ObjectNode keys(int h, Negotiated n, Bytes serverRandom) {
    ObjectNode o = JSON.createObjectNode();
    o.put("handshake", h);
    o.put("version", n.version() == null ? "?" : n.version().displayName());
    o.put("cipher_suite", n.cipherSuite() == null ? "?" : n.cipherSuite().ianaName());
    o.put("resumed", n.resumed());
    ArrayNode secrets = o.putArray("secrets");
    secret(secrets, "client_random", n.clientRandom());
    secret(secrets, "server_random", serverRandom);
    secret(secrets, "master_secret", n.masterSecret());
    if (n.version() != null && n.cipherSuite() != null && serverRandom != null && n.masterSecret() != null
        && !n.masterSecret().isEmpty() && n.clientRandom() != null) {
      KeyDerivation kd = KeyDerivation.of(n.version(), n.cipherSuite());
      KeyBlockLayout layout = kd.layout();
      SessionKeys k = layout.split(kd.keyBlock(n.masterSecret(), n.clientRandom(), serverRandom, layout.length()));
      secret(secrets, "client_write_MAC_key", k.client().macKey());
      secret(secrets, "server_write_MAC_key", k.server().macKey());
      secret(secrets, "client_write_key", k.client().key());
      secret(secrets, "server_write_key", k.server().key());
      secret(secrets, "client_write_IV", k.client().iv());
      secret(secrets, "server_write_IV", k.server().iv());
    }
    return o;
  }

  private static void secret(ArrayNode out, String name, Bytes value) {
    if (value == null) {
      return;
    }
    ObjectNode o = out.addObject();
    o.put("name", name);
    o.put("hex", value.hex().toLowerCase(Locale.ROOT));
  }
}
