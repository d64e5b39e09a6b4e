package dev.hslab.model.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.config.Credentials;
import dev.hslab.model.config.EngineConfigs;
import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.explore.ConfigurationSpace;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.message.ClientHello;
import dev.hslab.model.message.DecodeContext;
import dev.hslab.model.message.HandshakeCodec;
import dev.hslab.model.message.ServerHello;
import dev.hslab.model.message.extension.Extension;
import dev.hslab.model.message.extension.RenegotiationInfoExtension;
import dev.hslab.model.record.Alert;
import dev.hslab.model.record.ContentType;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.model.wire.WireWriter;
import java.math.BigInteger;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.crypto.Cipher;
import org.junit.jupiter.api.Test;

/**
 * The security properties of issue 9, each asserted end to end on the model engines: no RSA
 * padding oracle, RFC 5746's renegotiation binding, no downgrade below the client's minimum, and
 * a ServerKeyExchange signature that is always verified. (Record-level CBC padding vs MAC
 * failures: {@code record.protect.CbcPaddingTest}.)
 */
class SecurityPropertyTest {

  private static final Credentials CREDS = Credentials.forSeed(9);

  private enum Premaster { GOOD, WRONG_VERSION, BAD_PADDING }

  /**
   * RFC 5246 §7.4.7.1 (Bleichenbacher, Klima-Pokorny-Rosa): the server must not reveal whether
   * the premaster decrypted. A bad padding, a wrong version number and a good premaster the
   * attacker cannot know give the same steps: silence at the ClientKeyExchange and the
   * ChangeCipherSpec, then decrypt_error at the Finished, with the same reason.
   */
  @Test
  void rsaServerAnswersBadPaddingWrongVersionAndGoodPremasterIdentically() throws Exception {
    for (ProtocolVersion v : ProtocolVersion.SUPPORTED) {
      List<List<String>> seen = new ArrayList<>();
      for (Premaster p : Premaster.values()) {
        List<String> steps = rsaAttack(v, p);
        assertThat(steps).as(v + " " + p).last().asString().contains("AlertSent fatal decrypt_error");
        seen.add(steps);
      }
      assertThat(seen.get(1)).as(v + ": wrong version vs good").isEqualTo(seen.get(0));
      assertThat(seen.get(2)).as(v + ": bad padding vs good").isEqualTo(seen.get(0));
    }
  }

  private static List<String> rsaAttack(ProtocolVersion v, Premaster kind) throws Exception {
    HandshakeConfig hc = HandshakeConfig.of(v, KeyExchange.RSA);
    ModelEngine<?> client = ModelEngine.create(EngineConfigs.client(hc, CREDS, 1, Optional.empty()));
    ModelEngine<?> server = ModelEngine.create(EngineConfigs.server(hc, CREDS, 1, new SessionCache(4)));
    List<Bytes> hello = client.start().records();
    Deque<Bytes> toServer = new ArrayDeque<>(hello);
    Deque<Bytes> toClient = new ArrayDeque<>();
    while (!server.state().equals("WAIT_CLIENT_KEY_EXCHANGE")) {
      if (!toServer.isEmpty()) {
        toClient.addAll(server.receive(toServer.poll()).records());
      } else {
        toServer.addAll(client.receive(toClient.poll()).records());
      }
    }
    // ClientHello.client_version: after the record header (5) and the handshake header (4).
    byte major = hello.get(0).get(9);
    byte minor = hello.get(0).get(10);
    byte[] pms = new byte[48];
    Arrays.fill(pms, (byte) 0x5a);
    pms[0] = kind == Premaster.WRONG_VERSION ? (byte) 3 : major;
    pms[1] = kind == Premaster.WRONG_VERSION ? (byte) (minor == 0 ? 3 : 0) : minor;
    RSAPublicKey key = (RSAPublicKey) CREDS.serverRsa().leaf().getPublicKey();
    byte[] encrypted;
    if (kind == Premaster.BAD_PADDING) {
      // Block type 01 instead of 02 (RFC 8017 §7.2.1), encrypted raw: only the padding is wrong.
      int k = (key.getModulus().bitLength() + 7) / 8;
      byte[] block = new byte[k];
      block[1] = 1;
      Arrays.fill(block, 2, k - 49, (byte) 0xff);
      System.arraycopy(pms, 0, block, k - 48, 48);
      encrypted = toFixed(new BigInteger(1, block).modPow(key.getPublicExponent(), key.getModulus()), k);
    } else {
      Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding", "SunJCE");
      rsa.init(Cipher.ENCRYPT_MODE, key);
      encrypted = rsa.doFinal(pms);
    }
    WireWriter body = new WireWriter();
    if (v.isSsl3()) {
      body.bytes(Bytes.wrap(encrypted)); // RFC 6101 §5.6.7.1: no length prefix in SSL 3.0
    } else {
      body.opaque16(Bytes.wrap(encrypted));
    }
    List<String> steps = new ArrayList<>();
    steps.add(describe(server.receivePlaintext(ContentType.HANDSHAKE, handshake(16, body.toBytes()))));
    steps.add(describe(server.receivePlaintext(ContentType.CHANGE_CIPHER_SPEC, Bytes.of((byte) 1))));
    steps.add(describe(server.receivePlaintext(ContentType.HANDSHAKE, handshake(20, Bytes.wrap(new byte[v.isSsl3() ? 36 : 12])))));
    assertThat(server.terminal()).isTrue();
    return steps;
  }

  /** The observable shape of a step: record count, event kinds, alerts with reasons, states. */
  private static String describe(Step s) {
    StringBuilder b = new StringBuilder(s.records().size() + " records:");
    for (EngineEvent e : s.events()) {
      b.append(' ').append(e.getClass().getSimpleName());
      if (e instanceof EngineEvent.AlertSent a) {
        b.append(' ').append(a.alert().describe()).append(" (").append(a.reason()).append(')');
      } else if (e instanceof EngineEvent.StateChanged c) {
        b.append(' ').append(c.from()).append("->").append(c.to());
      } else if (e instanceof EngineEvent.MessageReceived m) {
        b.append(' ').append(m.message().kind());
      }
    }
    return b.toString();
  }

  private static byte[] toFixed(BigInteger n, int k) {
    byte[] raw = n.toByteArray();
    byte[] out = new byte[k];
    int from = Math.max(0, raw.length - k);
    System.arraycopy(raw, from, out, k - (raw.length - from), raw.length - from);
    return out;
  }

  private static Bytes handshake(int type, Bytes body) {
    WireWriter w = new WireWriter();
    w.uint8(type);
    w.uint24(body.length());
    w.bytes(body);
    return w.toBytes();
  }

  /** Two model engines run to an established, quiet connection; the first hellos are kept. */
  private record Established(ModelEngine<?> client, ModelEngine<?> server, ClientHello clientHello, ServerHello serverHello) {}

  private static Established establish(HandshakeConfig hc) throws Exception {
    ModelEngine<?> client = ModelEngine.create(EngineConfigs.client(hc, CREDS, 1, Optional.empty()));
    ModelEngine<?> server = ModelEngine.create(EngineConfigs.server(hc, CREDS, 1, new SessionCache(4)));
    Deque<Bytes> toServer = new ArrayDeque<>(client.start().records());
    Deque<Bytes> toClient = new ArrayDeque<>();
    DecodeContext ctx = DecodeContext.of(hc.clientMax());
    ClientHello ch = (ClientHello) HandshakeCodec.decode(toServer.peek().slice(5, toServer.peek().length()), ctx);
    ServerHello sh = null;
    while (!toServer.isEmpty() || !toClient.isEmpty()) {
      if (!toServer.isEmpty()) {
        toClient.addAll(server.receive(toServer.poll()).records());
        if (sh == null) {
          Bytes r = toClient.peek();
          sh = (ServerHello) HandshakeCodec.decode(r.slice(5, r.length()), ctx); // one message per record
        }
      } else {
        toServer.addAll(client.receive(toClient.poll()).records());
      }
    }
    assertThat(client.established()).isTrue();
    assertThat(server.established()).isTrue();
    return new Established(client, server, ch, sh);
  }

  private static void assertRefused(Step step, ModelEngine<?> engine, String what) {
    assertThat(step.events()).as(what).filteredOn(e -> e instanceof EngineEvent.AlertSent)
        .extracting(e -> ((EngineEvent.AlertSent) e).alert()).containsExactly(Alert.fatal(AlertDescription.HANDSHAKE_FAILURE));
    assertThat(engine.terminal()).as(what).isTrue();
  }

  private static ClientHello withBinding(ClientHello ch, boolean scsv, Optional<Bytes> renegotiationInfo) {
    List<Integer> suites = new ArrayList<>(ch.cipherSuites());
    suites.remove(Integer.valueOf(CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV));
    if (scsv) {
      suites.add(CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV);
    }
    List<Extension> ext = new ArrayList<>(ch.extensionList().stream().filter(e -> !(e instanceof RenegotiationInfoExtension)).toList());
    renegotiationInfo.ifPresent(ri -> ext.add(new RenegotiationInfoExtension(ri)));
    return new ClientHello(ch.clientVersion(), ch.random(), ch.sessionId(), suites, ch.compressionMethods(), Optional.of(ext));
  }

  /**
   * RFC 5746 §3.7: once the connection is secure, the server aborts a renegotiation whose
   * ClientHello carries the SCSV, lacks renegotiation_info or binds another connection.
   */
  @Test
  void serverRefusesARenegotiationWithoutRfc5746Binding() throws Exception {
    for (ProtocolVersion v : List.of(ProtocolVersion.TLS10, ProtocolVersion.TLS12)) {
      HandshakeConfig hc = HandshakeConfig.of(v, KeyExchange.ECDHE_RSA);
      Established first = establish(hc);
      assertThat(first.clientHello().cipherSuites()).contains(CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV);
      var cases = List.<UnaryOperator<ClientHello>>of(
          ch -> withBinding(ch, true, Optional.empty()),
          ch -> withBinding(ch, false, Optional.empty()),
          ch -> withBinding(ch, false, Optional.of(Bytes.wrap(new byte[12]))),
          ch -> withBinding(ch, true, Optional.of(Bytes.wrap(new byte[12]))));
      String[] names = {"SCSV in a renegotiation", "no renegotiation_info", "wrong renegotiation_info", "SCSV and wrong renegotiation_info"};
      for (int i = 0; i < cases.size(); i++) {
        Established e = establish(hc);
        ClientHello bad = cases.get(i).apply(first.clientHello());
        assertRefused(e.server().receivePlaintext(ContentType.HANDSHAKE, bad.encode()), e.server(), v + " " + names[i]);
      }
    }
  }

  /**
   * RFC 5746 §3.5: in a renegotiation of a secure connection the client aborts on a ServerHello
   * without renegotiation_info, or with one that does not carry both Finished verify_data.
   */
  @Test
  void clientRefusesARenegotiationServerHelloWithoutRfc5746Binding() throws Exception {
    HandshakeConfig hc = HandshakeConfig.reference();
    Established first = establish(hc);
    ServerHello sh = first.serverHello();
    assertThat(sh.extension(RenegotiationInfoExtension.class)).contains(RenegotiationInfoExtension.INITIAL);
    List<Extension> without = sh.extensionList().stream().filter(x -> !(x instanceof RenegotiationInfoExtension)).toList();
    List<Extension> wrong = new ArrayList<>(without);
    wrong.add(new RenegotiationInfoExtension(Bytes.wrap(new byte[24])));
    for (List<Extension> ext : List.of(without, wrong, sh.extensionList())) {
      Established e = establish(hc);
      e.client().renegotiate();
      ServerHello bad = new ServerHello(sh.serverVersion(), sh.random(), sh.sessionId(), sh.cipherSuite(), sh.compressionMethod(), Optional.of(ext));
      assertRefused(e.client().receivePlaintext(ContentType.HANDSHAKE, bad.encode()), e.client(), "renegotiation_info " + ext);
    }
  }

  /**
   * RFC 5246 E.1: a client never continues at a version below its minimum, whatever the server
   * picks: every (client minimum, lower server version) pair ends in protocol_version.
   */
  @Test
  void clientRefusesEveryVersionBelowItsMinimumWithProtocolVersion() {
    List<ProtocolVersion> all = ProtocolVersion.SUPPORTED;
    for (int min = 1; min < all.size(); min++) {
      for (int s = 0; s < min; s++) {
        ProtocolVersion clientMin = all.get(min);
        ProtocolVersion serverV = all.get(s);
        List<CipherSuite> suites = CipherSuite.of(KeyExchange.RSA, serverV);
        HandshakeConfig hc = HandshakeConfig.of(ProtocolVersion.TLS12, KeyExchange.RSA);
        ModelEngine<?> c = ModelEngine.create(EngineConfigs.client(hc, CREDS, 1, Optional.empty()).toBuilder()
            .versions(clientMin, ProtocolVersion.TLS12).cipherSuites(suites).build());
        ModelEngine<?> srv = ModelEngine.create(EngineConfigs.server(hc, CREDS, 1, null).toBuilder()
            .versions(serverV, serverV).cipherSuites(suites).build());
        Intercepted x = Intercepted.run(c, srv, (side, n) -> Intercepted.pass());
        assertThat(x.clientEvents).as(clientMin + " client vs " + serverV + " server")
            .filteredOn(e -> e instanceof EngineEvent.AlertSent)
            .extracting(e -> ((EngineEvent.AlertSent) e).alert()).containsExactly(Alert.fatal(AlertDescription.PROTOCOL_VERSION));
        assertThat(c.terminal()).isTrue();
        assertThat(c.established() || srv.established()).isFalse();
      }
    }
  }

  /**
   * RFC 5246 §7.4.3: the client verifies the ServerKeyExchange signature for every signed key
   * exchange over every version: one flipped bit in the signature is decrypt_error.
   */
  @Test
  void flippedServerKeyExchangeSignatureBitIsDecryptErrorForEverySignedKexAndVersion() {
    int checked = 0;
    for (ProtocolVersion v : ProtocolVersion.SUPPORTED) {
      for (KeyExchange kex : ConfigurationSpace.keyExchanges(v)) {
        HandshakeConfig hc = HandshakeConfig.of(v, kex);
        if (!kex.signedServerKeyExchange()) {
          continue;
        }
        for (int fromEnd : new int[] {1, 10}) {
          ModelEngine<?> c = ModelEngine.create(EngineConfigs.client(hc, CREDS, 1, Optional.empty()));
          ModelEngine<?> s = ModelEngine.create(EngineConfigs.server(hc, CREDS, 1, new SessionCache(4)));
          Intercepted x = Intercepted.run(c, s, (side, n) -> side == Side.SERVER && n == 3 ? r -> {
            assertThat(r.getUnsigned(5)).as("the server's third record is its ServerKeyExchange").isEqualTo(12);
            return Intercepted.flip(r, r.length() - fromEnd);
          } : Intercepted.pass());
          assertThat(x.clientEvents).as(v + " " + kex + " bit at -" + fromEnd)
              .filteredOn(e -> e instanceof EngineEvent.AlertSent)
              .extracting(e -> ((EngineEvent.AlertSent) e).alert()).containsExactly(Alert.fatal(AlertDescription.DECRYPT_ERROR));
          assertThat(c.terminal()).isTrue();
          checked++;
        }
      }
    }
    assertThat(checked).as("DHE_RSA, ECDHE_RSA, ECDHE_ECDSA over the versions that have them").isGreaterThanOrEqualTo(16);
  }
}
