package dev.hslab.real.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.hslab.model.crypto.RandomSource;
import dev.hslab.model.engine.EngineConfig;
import dev.hslab.model.engine.ModelEngine;
import dev.hslab.model.engine.Negotiated;
import dev.hslab.model.engine.SessionCache;
import dev.hslab.model.handshake.ClientAuth;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.pki.CertificateAuthority;
import dev.hslab.model.pki.Identity;
import dev.hslab.model.pki.KeyType;
import dev.hslab.model.pki.Validity;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.real.conform.Acceptance;
import dev.hslab.real.conform.Observed;
import dev.hslab.real.conform.TableAcceptance;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The model engine against OpenSSL 3 over TCP on 127.0.0.1, TLS 1.2: {@code openssl s_server}
 * (our CA's RSA or ECDSA certificate, {@code -Verify 1} for client authentication, its automatic
 * ffdhe parameters for DHE) against {@link TcpBridge#connect} with the model client, and
 * {@code openssl s_client} against {@link TcpServer} with the model server. Each completes, with
 * the suite both sides name, data both ways, and the OpenSSL side's sequence (as the model saw it)
 * accepted by its role's transition table. OpenSSL is started and stopped by each test.
 */
@Timeout(60)
class OpenSslInteropTest {

  static final String HOST = "server.hslab.test";
  static final Timeouts TIMEOUTS = Timeouts.all(Duration.ofSeconds(10));

  @TempDir static Path dir;
  static CertificateAuthority ca;
  static Identity serverRsa;
  static Identity serverEc;
  static Identity clientRsa;
  static Identity clientEc;

  @BeforeAll
  static void pki() throws Exception {
    assumeThat(OpenSsl.available()).as("openssl on the PATH").isTrue();
    // OpenSSL checks validity against the real clock, so these certificates are valid now.
    Validity v = Validity.around(Instant.now(), Duration.ofDays(30));
    RandomSource r = RandomSource.seeded(2026);
    ca = CertificateAuthority.create(KeyType.ECDSA_P256, r.fork("ca"), v);
    serverRsa = ca.issueServer(HOST, KeyType.RSA_2048, r.fork("s-rsa"), v);
    serverEc = ca.issueServer(HOST, KeyType.ECDSA_P256, r.fork("s-ec"), v);
    clientRsa = ca.issueClient("client.hslab.test", KeyType.RSA_2048, r.fork("c-rsa"), v);
    clientEc = ca.issueClient("client.hslab.test", KeyType.ECDSA_P256, r.fork("c-ec"), v);
    ca.saveRoot(dir.resolve("ca.pem"));
    // OpenSSL sends only the first certificate of -cert; the intermediate goes in -cert_chain.
    dev.hslab.model.pki.Pem.writeCertificates(dir.resolve("intermediate.pem"), List.of(ca.intermediate().leaf()));
    serverRsa.save(dir.resolve("server-rsa.pem"), dir.resolve("server-rsa.key"));
    serverEc.save(dir.resolve("server-ec.pem"), dir.resolve("server-ec.key"));
    clientRsa.save(dir.resolve("client-rsa.pem"), dir.resolve("client-rsa.key"));
    clientEc.save(dir.resolve("client-ec.pem"), dir.resolve("client-ec.key"));
  }

  @ParameterizedTest(name = "model client -> s_server {0} client cert {2}")
  @CsvSource({
      "TLS_RSA_WITH_AES_128_GCM_SHA256, AES128-GCM-SHA256, none",
      "TLS_RSA_WITH_AES_128_GCM_SHA256, AES128-GCM-SHA256, rsa",
      "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256, DHE-RSA-AES128-GCM-SHA256, none",
      "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256, DHE-RSA-AES128-GCM-SHA256, ecdsa",
      "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, ECDHE-RSA-AES128-GCM-SHA256, none",
      "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, ECDHE-RSA-AES128-GCM-SHA256, rsa",
      "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, ECDHE-ECDSA-AES128-GCM-SHA256, none",
      "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, ECDHE-ECDSA-AES128-GCM-SHA256, ecdsa"})
  void modelClientCompletesAgainstOpenSslServer(String iana, String opensslName, String cert) throws Exception {
    CipherSuite suite = CipherSuite.fromIanaName(iana).orElseThrow();
    String key = suite.keyExchange().name().contains("ECDSA") ? "server-ec" : "server-rsa";
    int port = OpenSsl.freePort();
    List<String> args = new ArrayList<>(List.of("s_server", "-accept", "127.0.0.1:" + port, "-naccept", "1",
        "-tls1_2", "-www", "-cert", dir.resolve(key + ".pem").toString(), "-key", dir.resolve(key + ".key").toString(),
        "-cert_chain", dir.resolve("intermediate.pem").toString()));
    if (!cert.equals("none")) {
      args.addAll(List.of("-Verify", "1", "-CAfile", dir.resolve("ca.pem").toString()));
    }
    try (OpenSsl server = OpenSsl.start(args)) {
      assertThat(server.awaitOutput("ACCEPT", Duration.ofSeconds(10))).as(server.output()).isTrue();
      var b = EngineConfig.client(RandomSource.seeded(7)).version(ProtocolVersion.TLS12).cipherSuites(List.of(suite))
          .trustAnchors(List.of(ca.rootCertificate())).serverName(HOST).now(Instant.now());
      if (!cert.equals("none")) {
        b.identities(List.of(cert.equals("rsa") ? clientRsa : clientEc));
      }
      ModelEngine<?> client = ModelEngine.create(b.build());
      BridgedConnection o = TcpBridge.connect("127.0.0.1", port, client, BridgeListener.NONE, TIMEOUTS,
          Conversation.request(text("GET / HTTP/1.0\r\n\r\n"), Integer.MAX_VALUE));

      assertThat(o.negotiated()).as(o.ending() + ": " + o.detail() + "\n" + server.output() + Observed.of(o.trace().engineEvents(Side.CLIENT)).stream().map(x -> x.label() + " " + x.message().detail()).toList()).isPresent();
      Negotiated n = o.negotiated().get();
      assertThat(n.cipherSuite()).isEqualTo(suite);
      assertThat(n.clientAuthenticated()).isEqualTo(!cert.equals("none"));
      assertThat(o.ending()).as(o.detail()).isIn("closed", "peer_closed");
      String page = new String(o.received().toByteArray(), StandardCharsets.UTF_8);
      // s_server -www answers the request with a status page naming what it negotiated.
      assertThat(page).startsWith("HTTP/1.0 200 ok").contains("Cipher is " + opensslName);
      assertThat(o.trace().labels()).contains("client.application_data", "client.close_notify");
      assertThat(Observed.of(o.trace().engineEvents(Side.CLIENT))).extracting(Observed::label)
          .contains("recv.finished", "recv.application_data");
      assertAccepted(Side.SERVER, o);
    }
  }

  @ParameterizedTest(name = "s_client -> model server {0} client cert {1}")
  @CsvSource({
      "TLS_RSA_WITH_AES_128_GCM_SHA256, none", "TLS_RSA_WITH_AES_128_GCM_SHA256, rsa",
      "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256, none", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256, rsa",
      "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, none", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, ecdsa",
      "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, none", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, ecdsa"})
  void openSslClientCompletesAgainstModelServer(String iana, String cert) throws Exception {
    CipherSuite suite = CipherSuite.fromIanaName(iana).orElseThrow();
    var config = EngineConfig.server(RandomSource.seeded(8)).version(ProtocolVersion.TLS12).cipherSuites(List.of(suite))
        .identities(List.of(serverRsa, serverEc)).trustAnchors(List.of(ca.rootCertificate())).serverName(HOST)
        .clientAuth(cert.equals("none") ? ClientAuth.NONE : ClientAuth.REQUIRE).sessionCache(new SessionCache(4))
        .now(Instant.now()).build();
    try (TcpServer listening = TcpBridge.listen(0, true)) {
      CompletableFuture<List<BridgedConnection>> served = CompletableFuture.supplyAsync(() -> {
        try {
          return listening.serve(n -> ModelEngine.create(config), BridgeListener.NONE, TIMEOUTS,
              Conversation.echo(text("echo: ")), 1);
        } catch (java.io.IOException e) {
          throw new RuntimeException(e);
        }
      });
      List<String> args = new ArrayList<>(List.of("s_client", "-connect", "127.0.0.1:" + listening.port(), "-tls1_2",
          "-servername", HOST, "-CAfile", dir.resolve("ca.pem").toString(), "-verify_return_error", "-quiet",
          "-no_ign_eof"));
      if (!cert.equals("none")) {
        String id = cert.equals("rsa") ? "client-rsa" : "client-ec";
        args.addAll(List.of("-cert", dir.resolve(id + ".pem").toString(), "-key", dir.resolve(id + ".key").toString(),
            "-cert_chain", dir.resolve("intermediate.pem").toString()));
      }
      try (OpenSsl client = OpenSsl.start(args)) {
        client.write("ping\n");
        assertThat(client.awaitOutput("echo: ping", Duration.ofSeconds(10))).as(client.output()).isTrue();
        client.closeInput(); // s_client answers the end of its input with close_notify
        assertThat(client.awaitExit(Duration.ofSeconds(10))).as(client.output()).isZero();
      }
      BridgedConnection o = served.get(15, TimeUnit.SECONDS).get(0);
      assertThat(o.negotiated()).as(o.ending() + ": " + o.detail()).isPresent();
      assertThat(o.negotiated().get().cipherSuite()).isEqualTo(suite);
      assertThat(o.negotiated().get().clientAuthenticated()).isEqualTo(!cert.equals("none"));
      assertThat(o.received()).isEqualTo(text("ping\n"));
      assertThat(o.ending()).as(o.detail()).isEqualTo("closed");
      assertAccepted(Side.CLIENT, o);
    }
  }

  /** Conformance: the OpenSSL side's sequence, as the model engine saw it, is accepted by its role's table. */
  private static void assertAccepted(Side openSslRole, BridgedConnection o) {
    Acceptance a = TableAcceptance.check(openSslRole, Observed.peerOf(o.trace().engineEvents(openSslRole.peer())));
    assertThat(a.accepted()).as(a.summary() + " " + o.trace().labels()).isTrue();
    assertThat(a.path()).contains("ESTABLISHED");
  }

  static Bytes text(String s) {
    return Bytes.wrap(s.getBytes(StandardCharsets.UTF_8));
  }

}
