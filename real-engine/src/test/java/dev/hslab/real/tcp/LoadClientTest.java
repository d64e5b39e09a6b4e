package dev.hslab.real.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.config.Credentials;
import dev.hslab.model.config.EngineConfigs;
import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.crypto.RandomSource;
import dev.hslab.model.engine.EngineConfigBuilder;
import dev.hslab.model.engine.ModelEngine;
import dev.hslab.model.engine.SessionCache;
import dev.hslab.model.pki.CertificateAuthority;
import dev.hslab.model.pki.KeyType;
import dev.hslab.model.pki.Validity;
import dev.hslab.model.wire.Bytes;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The load client counts every connection, a failed one under the reason and phase it failed in. */
@Timeout(60)
class LoadClientTest {

  private static final HandshakeConfig HC = HandshakeConfig.reference();
  private static final Timeouts SHORT = Timeouts.all(Duration.ofSeconds(5));

  @Test
  void aClosedPortIsConnectFailedForEveryConnection() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    LoadResult r = LoadClient.run(options(port, 5, 2, Credentials.forSeed(1).ca()));
    assertThat(r.connections()).hasSize(5).extracting(LoadResult.Connection::n).containsExactly(1, 2, 3, 4, 5);
    assertThat(r.succeeded()).isZero();
    assertThat(r.failedByReason()).isEqualTo(Map.of("connect_failed", 5));
    assertThat(r.failureExamples().get("connect_failed")).contains("Connection refused");
  }

  @Test
  void aServerWhoseChainDoesNotLeadToTheAnchorsIsHandshakeFailedOnBothSides() throws Exception {
    CertificateAuthority other = CertificateAuthority.create(KeyType.ECDSA_P256, RandomSource.seeded(99).fork("ca"),
        Validity.around(EngineConfigBuilder.SIMULATION_TIME, Duration.ofDays(365)));
    List<BridgedConnection> served = Collections.synchronizedList(new ArrayList<>());
    try (TcpServer server = TcpBridge.listen(0, true)) {
      CompletableFuture<Integer> serving = CompletableFuture.supplyAsync(() -> {
        try {
          return server.serve(n -> ModelEngine.create(EngineConfigs.server(HC, Credentials.forSeed(HC.seed()), n,
              new SessionCache(4))), BridgeListener.NONE, SHORT, Conversation.echo(Bytes.EMPTY), 3, 2, served::add);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      LoadResult r = LoadClient.run(options(server.port(), 3, 2, other));
      assertThat(r.failedByReason()).isEqualTo(Map.of("handshake_failed", 3));
      assertThat(r.handshakeMillis(0.5)).isZero();
      assertThat(serving.get(30, TimeUnit.SECONDS)).isEqualTo(3);
    }
    // SunJSSE sends its fatal alert and closes with the rest of the server's flight unread: the
    // kernel resets the connection, and a reset can overtake the alert in the server's receive queue.
    assertThat(served).hasSize(3).allSatisfy(o -> assertThat(o.reason()).matches("alert_received:\\w+|io_error:WAIT_\\w+"));
  }

  @Test
  void handshakeQuantilesAreTakenOverTheSuccessfulConnections() {
    List<LoadResult.Connection> cs = new ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      cs.add(LoadResult.Connection.ok(i, "TLSv1.2 X", i * 1_000_000L));
    }
    cs.add(LoadResult.Connection.failed(101, "timeout:answer", "slow"));
    LoadResult r = new LoadResult(cs, 2.0);
    assertThat(r.handshakeMillis(0.5)).isEqualTo(50.0);
    assertThat(r.handshakeMillis(0.99)).isEqualTo(99.0);
    assertThat(r.handshakeMillis(1.0)).isEqualTo(100.0);
    assertThat(r.connectionsPerSecond()).isEqualTo(50.5);
    assertThat(r.negotiated()).isEqualTo(Map.of("TLSv1.2 X", 100));
    assertThat(r.failed()).isEqualTo(1);
  }

  private static LoadOptions options(int port, int connections, int concurrency, CertificateAuthority trusted) {
    return new LoadOptions("127.0.0.1", port, connections, concurrency, List.of(trusted.rootCertificate()),
        Credentials.SERVER_NAME, List.of("TLSv1.2"), SHORT);
  }
}
