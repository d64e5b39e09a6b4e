package dev.hslab.model.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.config.Credentials;
import dev.hslab.model.config.EngineConfigs;
import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.pki.Identity;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The model's DTLS engine against an engine we did not write: the JDK's SunJSSE {@code DTLSv1.2}
 * {@link SSLEngine}, in memory, one datagram at a time, as client and as server. A handshake
 * completes only if each side verified the other's Finished, whose verify_data is
 * PRF(master_secret, label, Hash(handshake_messages)) (RFC 5246 §7.4.9 over RFC 6347 §4.2.6's
 * transcript): so the master secrets and the transcripts agree. Application data then crosses
 * both ways under the keys derived from it.
 */
class SunJsseDtlsInteropTest {

  private static final Credentials CREDS = Credentials.forSeed(19);

  @ParameterizedTest
  @EnumSource(value = KeyExchange.class, names = {"ECDHE_ECDSA", "ECDHE_RSA", "DHE_RSA", "RSA"})
  void modelClientAgainstSunJsseServer(KeyExchange kex) throws Exception {
    HandshakeConfig hc = HandshakeConfig.of(ProtocolVersion.DTLS12, kex);
    ModelEngine<?> model = ModelEngine.create(EngineConfigs.client(hc, CREDS, 1, Optional.empty()));
    SSLEngine jsse = sunJsse(false, kex.name().endsWith("ECDSA") ? CREDS.serverEcdsa() : CREDS.serverRsa());
    List<String> received = new ArrayList<>();
    pump(model, model.start(), jsse, received);
    assertThat(model.established()).as("model client established").isTrue();
    assertThat(done(jsse)).as("SunJSSE server finished").isTrue();
    assertThat(jsse.getSession().getProtocol()).isEqualTo("DTLSv1.2");
    assertThat(jsse.getSession().getCipherSuite()).isEqualTo(model.negotiated().orElseThrow().cipherSuite().ianaName());
    exchangeData(model, jsse, received);
  }

  @ParameterizedTest
  @EnumSource(value = KeyExchange.class, names = {"ECDHE_ECDSA", "ECDHE_RSA", "DHE_RSA", "RSA"})
  void sunJsseClientAgainstModelServer(KeyExchange kex) throws Exception {
    HandshakeConfig hc = HandshakeConfig.of(ProtocolVersion.DTLS12, kex);
    ModelEngine<?> model = ModelEngine.create(EngineConfigs.server(hc, CREDS, 1, new SessionCache(16)));
    SSLEngine jsse = sunJsse(true, null);
    List<String> received = new ArrayList<>();
    // SunJSSE speaks first; its HelloVerifyRequest round is the model server's stateless cookie.
    pump(model, model.start(), jsse, received);
    assertThat(model.established()).as("model server established").isTrue();
    assertThat(done(jsse)).as("SunJSSE client finished").isTrue();
    assertThat(jsse.getSession().getCipherSuite()).isEqualTo(model.negotiated().orElseThrow().cipherSuite().ianaName());
    exchangeData(model, jsse, received);
  }

  private static void exchangeData(ModelEngine<?> model, SSLEngine jsse, List<String> received) throws Exception {
    pump(model, model.send(Bytes.wrap("ping from the model".getBytes(StandardCharsets.UTF_8))), jsse, received);
    assertThat(received).containsExactly("ping from the model");
    ByteBuffer dst = ByteBuffer.allocate(jsse.getSession().getPacketBufferSize());
    jsse.wrap(ByteBuffer.wrap("pong from SunJSSE".getBytes(StandardCharsets.UTF_8)), dst);
    dst.flip();
    Step s = model.receive(bytes(dst));
    assertThat(s.events()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(EngineEvent.ApplicationDataReceived.class,
        d -> assertThat(new String(d.data().toByteArray(), StandardCharsets.UTF_8)).isEqualTo("pong from SunJSSE")));
  }

  /**
   * Hands datagrams back and forth until both are quiet: the model's step's datagrams to SunJSSE
   * one by one, and whatever SunJSSE wraps back to the model. No loss, so no timer is needed.
   */
  private static void pump(ModelEngine<?> model, Step first, SSLEngine jsse, List<String> received) throws Exception {
    List<Bytes> toJsse = new ArrayList<>(first.records());
    for (int round = 0; round < 40; round++) {
      for (Bytes d : toJsse) {
        received.addAll(unwrap(jsse, d));
      }
      toJsse.clear();
      List<Bytes> toModel = wrapAll(jsse);
      if (toModel.isEmpty() && (round > 0 || !first.records().isEmpty())) {
        return;
      }
      for (Bytes d : toModel) {
        Step s = model.receive(d);
        assertThat(s.events()).noneMatch(e -> e instanceof EngineEvent.AlertSent);
        toJsse.addAll(s.records());
      }
    }
    throw new AssertionError("the engines never went quiet");
  }

  private static SSLEngine sunJsse(boolean client, Identity identity) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", CREDS.ca().rootCertificate());
    TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
    tmf.init(trust);
    KeyManagerFactory kmf = null;
    if (identity != null) {
      char[] pass = "hslab".toCharArray();
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry("id", identity.privateKey(), pass, identity.chain().toArray(Certificate[]::new));
      kmf = KeyManagerFactory.getInstance("PKIX");
      kmf.init(ks, pass);
    }
    SSLContext ctx = SSLContext.getInstance("DTLSv1.2", "SunJSSE");
    ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), new SecureRandom(new byte[] {19}));
    SSLEngine e = client ? ctx.createSSLEngine(Credentials.SERVER_NAME, 4433) : ctx.createSSLEngine();
    e.setUseClientMode(client);
    e.beginHandshake();
    return e;
  }

  private static boolean done(SSLEngine e) {
    HandshakeStatus hs = e.getHandshakeStatus();
    return hs == HandshakeStatus.NOT_HANDSHAKING || hs == HandshakeStatus.FINISHED;
  }

  /** Every datagram SunJSSE has to send now: wrap() while it asks to, one datagram per call. */
  private static List<Bytes> wrapAll(SSLEngine engine) throws Exception {
    List<Bytes> out = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      HandshakeStatus hs = engine.getHandshakeStatus();
      if (hs == HandshakeStatus.NEED_TASK) {
        runTasks(engine);
        continue;
      }
      if (hs != HandshakeStatus.NEED_WRAP) {
        break;
      }
      ByteBuffer dst = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
      engine.wrap(ByteBuffer.allocate(0), dst);
      dst.flip();
      if (dst.hasRemaining()) {
        out.add(bytes(dst));
      }
    }
    return out;
  }

  /** One datagram into SunJSSE (its DTLS unwrap() takes one record per call); the application data it yields. */
  private static List<String> unwrap(SSLEngine engine, Bytes datagram) throws Exception {
    List<String> data = new ArrayList<>();
    ByteBuffer src = ByteBuffer.wrap(datagram.toByteArray());
    for (int i = 0; i < 64; i++) {
      ByteBuffer dst = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
      engine.unwrap(src, dst);
      runTasks(engine);
      dst.flip();
      if (dst.hasRemaining()) {
        data.add(new String(bytes(dst).toByteArray(), StandardCharsets.UTF_8));
      }
      if (!src.hasRemaining() && engine.getHandshakeStatus() != HandshakeStatus.NEED_UNWRAP_AGAIN) {
        return data;
      }
    }
    throw new AssertionError("SunJSSE did not take the datagram");
  }

  private static void runTasks(SSLEngine engine) {
    Runnable task;
    while ((task = engine.getDelegatedTask()) != null) {
      task.run();
    }
  }

  private static Bytes bytes(ByteBuffer b) {
    byte[] out = new byte[b.remaining()];
    b.get(out);
    return Bytes.wrap(out);
  }
}
