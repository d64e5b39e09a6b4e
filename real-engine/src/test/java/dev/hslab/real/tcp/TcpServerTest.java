package dev.hslab.real.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.config.Credentials;
import dev.hslab.model.config.EngineConfigs;
import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.engine.ModelEngine;
import dev.hslab.model.engine.SessionCache;
import dev.hslab.model.wire.Bytes;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The server's pool of workers: every accepted connection ends in one outcome and a closed socket. */
@Timeout(30)
class TcpServerTest {

  private static final HandshakeConfig HC = HandshakeConfig.reference();
  private static final Timeouts SHORT = Timeouts.all(Duration.ofMillis(1500));
  /** Long enough that the silent client is still waiting when the other is done, even on a busy machine. */
  private static final Timeouts LONG = Timeouts.all(Duration.ofSeconds(5));

  @Test
  void anEngineThatCannotBeCreatedIsAnInternalErrorOutcomeAndItsSocketIsClosed() throws Exception {
    List<BridgedConnection> ended = Collections.synchronizedList(new ArrayList<>());
    try (TcpServer server = TcpBridge.listen(0, true)) {
      CompletableFuture<Integer> served = CompletableFuture.supplyAsync(() -> serve(server, 2, 2, SHORT, ended, n -> {
        throw new IllegalStateException("no engine for connection " + n);
      }));
      for (int i = 0; i < 2; i++) {
        try (Socket s = connect(server.port())) {
          assertThat(s.getInputStream().read()).as("closed by the server").isEqualTo(-1);
        }
      }
      assertThat(served.get(10, TimeUnit.SECONDS)).isEqualTo(2);
      // serve returns once its workers have ended, not only once the pool says it is done (the
      // last worker reports that a moment before its thread ends; `hslab serve` counts threads).
      assertThat(Thread.getAllStackTraces().keySet()).as("live worker threads after serve")
          .noneMatch(t -> t.getName().startsWith("hslab-serve-"));
    }
    assertThat(ended).hasSize(2).allSatisfy(o -> {
      assertThat(o.ending()).isEqualTo("internal_error");
      assertThat(o.reason()).isEqualTo("internal_error");
      assertThat(o.detail()).contains("no engine for connection");
    });
  }

  @Test
  void aSilentClientHoldsOnlyItsOwnWorkerWhileAModelClientIsServedBesideIt() throws Exception {
    List<BridgedConnection> ended = Collections.synchronizedList(new ArrayList<>());
    try (TcpServer server = TcpBridge.listen(0, true); Socket silent = connect(server.port())) {
      CompletableFuture<Integer> served = CompletableFuture.supplyAsync(() -> serve(server, 2, 2, LONG, ended,
          n -> ModelEngine.create(EngineConfigs.server(HC, Credentials.forSeed(HC.seed()), n, new SessionCache(4)))));
      BridgedConnection client = TcpBridge.connect("127.0.0.1", server.port(),
          ModelEngine.create(EngineConfigs.client(HC, Credentials.forSeed(HC.seed()), 1, Optional.empty())),
          BridgeListener.NONE, LONG, Conversation.request(Bytes.wrap("hi".getBytes(StandardCharsets.US_ASCII)), 3));
      assertThat(client.succeeded()).as(client.detail()).isTrue();
      // The server reports its side just after the client has its answer.
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (ended.isEmpty() && System.nanoTime() < end) {
        Thread.sleep(10);
      }
      assertThat(ended).as("served while the silent client still waits").first()
          .satisfies(o -> assertThat(o.succeeded()).isTrue());
      assertThat(served.get(10, TimeUnit.SECONDS)).isEqualTo(2);
      assertThat(silent.getInputStream().read()).isEqualTo(-1);
    }
    assertThat(ended).hasSize(2).last().satisfies(o -> assertThat(o.reason()).isEqualTo("timeout:WAIT_CLIENT_HELLO"));
  }

  @Test
  void closingTheServerStopsAcceptingAndReturnsHowManyItAccepted() throws Exception {
    TcpServer server = TcpBridge.listen(0, true);
    CompletableFuture<Integer> served = CompletableFuture.supplyAsync(() -> serve(server, Integer.MAX_VALUE, 4, SHORT,
        new ArrayList<>(), n -> {
          throw new AssertionError("no client connects");
        }));
    Thread.sleep(100); // let it block in accept (if it has not yet, it sees the closed socket instead)
    server.close();
    assertThat(served.get(10, TimeUnit.SECONDS)).isZero();
  }

  private static int serve(TcpServer server, int max, int workers, Timeouts timeouts, List<BridgedConnection> ended,
      java.util.function.IntFunction<dev.hslab.model.engine.Engine> engines) {
    try {
      return server.serve(engines, BridgeListener.NONE, timeouts, Conversation.echo(Bytes.wrap(new byte[] {'>'})), max,
          workers, ended::add);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Socket connect(int port) throws Exception {
    Socket s = new Socket();
    s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
    s.setSoTimeout(10_000);
    return s;
  }
}
