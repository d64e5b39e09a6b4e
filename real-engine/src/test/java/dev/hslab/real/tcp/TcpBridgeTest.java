package dev.hslab.real.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.config.Credentials;
import dev.hslab.model.config.EngineConfigs;
import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.engine.ModelEngine;
import dev.hslab.model.engine.SessionCache;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.wire.Bytes;
import dev.hslab.real.conform.Observed;
import dev.hslab.real.conform.TableAcceptance;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The TCP bridge: a model client and a model server over a real socket, and peers that break off. */
@Timeout(30)
class TcpBridgeTest {

  private static final HandshakeConfig HC = HandshakeConfig.reference();
  private static final Timeouts SHORT = Timeouts.all(Duration.ofMillis(1500));

  private static ModelEngine<?> modelClient() {
    return ModelEngine.create(EngineConfigs.client(HC, Credentials.forSeed(HC.seed()), 1, Optional.empty()));
  }

  @Test
  void modelClientAndModelServerCompleteOverTcpWithDataBothWaysAndLiveEvents() throws Exception {
    List<EngineEvent> heard = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Double> heardAt = java.util.Collections.synchronizedList(new ArrayList<>());
    try (TcpServer server = TcpBridge.listen(0, true)) {
      CompletableFuture<List<BridgedConnection>> served = CompletableFuture.supplyAsync(() -> {
        try {
          return server.serve(n -> ModelEngine.create(EngineConfigs.server(HC, Credentials.forSeed(HC.seed()), n,
              new SessionCache(4))), BridgeListener.NONE, SHORT, Conversation.echo(text("echo: ")), 1);
        } catch (IOException e) {
          throw new RuntimeException(e);
        }
      });
      BridgedConnection client = TcpBridge.connect("127.0.0.1", server.port(), modelClient(), (c, side, t, e) -> {
        heard.add(e);
        heardAt.add(t);
      }, SHORT,
          Conversation.request(text("hello"), "echo: hello".length()));
      BridgedConnection s = served.get(10, TimeUnit.SECONDS).get(0);

      assertThat(client.ending()).as(client.detail()).isEqualTo("closed");
      assertThat(client.succeeded()).isTrue();
      assertThat(client.received()).isEqualTo(text("echo: hello"));
      assertThat(s.ending()).as(s.detail()).isEqualTo("closed");
      assertThat(s.received()).isEqualTo(text("hello"));
      assertThat(heard).isEqualTo(client.trace().engineEvents(Side.CLIENT));
      // Each event is heard at the time the trace records for it, counted from the connection's start.
      assertThat(heardAt).isEqualTo(client.trace().events().stream()
          .filter(e -> e instanceof dev.hslab.model.trace.TraceEvent.OfEngine oe && oe.side() == Side.CLIENT)
          .map(dev.hslab.model.trace.TraceEvent::timeMs).toList());
      assertThat(client.trace().labels()).startsWith("client.client_hello").contains("client.close_notify");
      assertThat(TableAcceptance.check(Side.SERVER, Observed.peerOf(client.trace().engineEvents(Side.CLIENT))).accepted())
          .isTrue();
    }
  }

  @Test
  void aServerThatAcceptsAndClosesEndsTheHandshakeAsPeerClosed() throws Exception {
    BridgedConnection o = againstFakeServer(s -> { });
    assertThat(o.ending()).isEqualTo("peer_closed");
    assertThat(o.detail()).isEqualTo("the peer closed the connection in state WAIT_SERVER_HELLO, waiting for server_hello");
    assertThat(o.negotiated()).isEmpty();
  }

  @Test
  void aServerThatSendsGarbageGetsAnAlertNamedByTheRecordLayer() throws Exception {
    BridgedConnection o = againstFakeServer(s -> write(s, "HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
    assertThat(o.ending()).isEqualTo("alert_sent");
    assertThat(o.detail()).startsWith("sent ");
    assertThat(o.trace().labels()).last().asString().startsWith("client.");
  }

  @Test
  void aServerThatSendsAFatalAlertEndsWithAlertReceived() throws Exception {
    // RFC 5246 §7.2: alert record, TLS 1.2, length 2, fatal(2) handshake_failure(40).
    BridgedConnection o = againstFakeServer(s -> write(s, new byte[] {21, 3, 3, 0, 2, 2, 40}));
    assertThat(o.ending()).isEqualTo("alert_received");
    assertThat(o.detail()).isEqualTo("the peer sent a fatal handshake_failure alert");
  }

  @Test
  void aServerThatSaysNothingIsATimeoutWithinTheReadBound() throws Exception {
    BridgedConnection o = againstFakeServer(s -> sleepQuietly(3000));
    assertThat(o.ending()).isEqualTo("timeout");
    assertThat(o.detail()).contains("no bytes from the peer for 1500 ms").contains("waiting for server_hello");
    double endedAt = o.trace().events().get(o.trace().events().size() - 1).timeMs();
    assertThat(endedAt).isBetween(1500.0, 2500.0);
  }

  @Test
  void aClosedPortIsConnectFailed() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    BridgedConnection o = TcpBridge.connect("127.0.0.1", port, modelClient(), BridgeListener.NONE, SHORT, Conversation.handshakeOnly());
    assertThat(o.ending()).isEqualTo("connect_failed");
    assertThat(o.detail()).startsWith("127.0.0.1:" + port + ": ");
  }

  /**
   * RFC 5246 §7.2.1 over TCP: a peer's close_notify before the ServerHello, which SunJSSE answers
   * with its own, ends the bridged connection as a handshake ended by close_notify (the peer
   * closed first, in SunJSSE's handshaking state), not as an error or a peer that closed the socket.
   * The model client refuses it instead (its tables: unexpected_message) and says so.
   */
  @Test
  void aCloseNotifyAnsweredDuringTheHandshakeIsClosedDuringHandshake() throws Exception {
    byte[] closeNotify = {0x15, 0x03, 0x03, 0x00, 0x02, 0x01, 0x00}; // alert(21), TLS 1.2, warning close_notify
    var config = EngineConfigs.client(HC, Credentials.forSeed(HC.seed()), 1, Optional.empty());
    BridgedConnection jsse = againstFakeServer(s -> write(s, closeNotify),
        dev.hslab.real.JsseEngineFactory.create(dev.hslab.real.JsseProvider.JSSE, config).newEngine("localhost", 443));

    assertThat(jsse.ending()).isEqualTo("closed_during_handshake");
    assertThat(jsse.reason()).isEqualTo("closed_during_handshake:handshaking");
    assertThat(jsse.outcome().side()).isEqualTo(Side.SERVER);
    assertThat(jsse.succeeded()).isFalse();

    BridgedConnection model = againstFakeServer(s -> write(s, closeNotify));
    assertThat(model.reason()).isEqualTo("alert_sent:unexpected_message");
  }

  /** A fake server that reads the ClientHello, does {@code then}, and closes. */
  private static BridgedConnection againstFakeServer(Consumer<Socket> then) throws Exception {
    return againstFakeServer(then, modelClient());
  }

  private static BridgedConnection againstFakeServer(Consumer<Socket> then, dev.hslab.model.engine.Engine client)
      throws Exception {
    try (ServerSocket ss = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Thread t = new Thread(() -> {
        try (Socket s = ss.accept()) {
          s.setSoTimeout(5000);
          InputStream in = s.getInputStream();
          in.read(new byte[4096]);
          then.accept(s);
        } catch (IOException e) {
          // the test's assertions are on the client's side
        }
      });
      t.start();
      try {
        return TcpBridge.connect("127.0.0.1", ss.getLocalPort(), client, BridgeListener.NONE, SHORT,
            Conversation.handshakeOnly());
      } finally {
        t.join(10_000);
      }
    }
  }

  private static void write(Socket s, byte[] b) {
    try {
      OutputStream out = s.getOutputStream();
      out.write(b);
      out.flush();
      Thread.sleep(300); // let the client read before the close
    } catch (IOException | InterruptedException e) {
      throw new RuntimeException(e);
    }
  }

  private static void sleepQuietly(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static Bytes text(String s) {
    return Bytes.wrap(s.getBytes(StandardCharsets.UTF_8));
  }
}
