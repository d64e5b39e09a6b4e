package dev.hslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that break off are each counted as failed with their reason, and do not disturb the
 * clients around them: {@code hslab serve} with four workers, a silent client holding one of them,
 * garbage, a ClientHello cut short, a client that leaves after the server's first flight, and a
 * load of well-behaved SunJSSE clients at the same time.
 */
@Timeout(120)
class ServeBrokenClientsTest {

  private static final int GOOD = 60;
  private static final int BROKEN = 4;

  @TempDir Path out;

  @Test
  void brokenClientsAreCountedByReasonAndTheOthersAllSucceed() throws Exception {
    int port = ServeUnderLoadTest.freePort();
    StringWriter serveOut = new StringWriter();
    StringWriter serveErr = new StringWriter();
    CompletableFuture<Integer> serve = CompletableFuture.supplyAsync(() -> Hslab.run(new String[] {"serve", "--port",
        Integer.toString(port), "--max-connections", Integer.toString(GOOD + BROKEN), "--workers", "4", "--timeout", "2",
        "--json", "--out", out.toString()}, new PrintWriter(serveOut, true), new PrintWriter(serveErr, true)));
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!serveErr.toString().contains("listening on port") && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    assertThat(serveErr.toString()).contains("listening on port " + port);

    try (Socket silent = connect(port); Socket garbage = connect(port); Socket cut = connect(port);
        Socket leaves = connect(port)) {
      garbage.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      // A handshake record header that promises 200 bytes, 3 of them, then the client goes away.
      cut.getOutputStream().write(new byte[] {0x16, 0x03, 0x01, 0x00, (byte) 200, 0x01, 0x00, 0x00});
      cut.close();
      leaveAfterTheServersFirstFlight(leaves, port);

      StringWriter loadOut = new StringWriter();
      int load = Hslab.run(new String[] {"load", "--port", Integer.toString(port), "--connections",
          Integer.toString(GOOD), "--concurrency", "4", "--ca", out.resolve("ca.pem").toString(), "--json"},
          new PrintWriter(loadOut, true), new PrintWriter(new StringWriter(), true));
      JsonNode l = new ObjectMapper().readTree(loadOut.toString());
      assertThat(load).as(l.toPrettyString()).isZero();
      assertThat(l.get("succeeded").asInt()).isEqualTo(GOOD);

      assertThat(serve.get(60, TimeUnit.SECONDS)).as("exit code: some connections failed").isEqualTo(1);
      assertThat(silent.getInputStream().read()).as("the silent client's connection is closed").isEqualTo(-1);
      byte[] alert = garbage.getInputStream().readAllBytes();
      assertThat(alert).as("the garbage client gets a fatal alert record, then the end of the stream")
          .hasSize(7).startsWith(0x15, 0x03);
    }
    JsonNode s = new ObjectMapper().readTree(serveOut.toString());
    assertThat(s.get("accepted").asInt()).as(s.toPrettyString()).isEqualTo(GOOD + BROKEN);
    assertThat(s.get("ended").asInt()).isEqualTo(GOOD + BROKEN);
    assertThat(s.get("succeeded").asInt()).isEqualTo(GOOD);
    assertThat(s.get("established").asInt()).isEqualTo(GOOD);
    assertThat(s.get("failed").asInt()).isEqualTo(BROKEN);
    Map<String, Integer> reasons = new TreeMap<>();
    s.get("failedByReason").fields().forEachRemaining(f -> reasons.put(f.getKey(), f.getValue().asInt()));
    assertThat(reasons).containsExactlyInAnyOrderEntriesOf(Map.of(
        "timeout:WAIT_CLIENT_HELLO", 1,
        "alert_sent:unexpected_message", 1,
        "peer_closed:WAIT_CLIENT_HELLO", 1,
        "io_error:WAIT_CLIENT_KEY_EXCHANGE", 1)); // it closed with the server's flight unread: a reset
    assertThat(s.get("failureExamples").get("timeout:WAIT_CLIENT_HELLO").asText()).contains("no bytes from the peer");
  }

  private static Socket connect(int port) throws Exception {
    Socket s = new Socket();
    s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
    s.setSoTimeout(20_000);
    return s;
  }

  /**
   * Sends a real ClientHello (SunJSSE's), reads the first byte of the server's answer, and closes
   * with the rest unread, which makes the kernel reset the connection (RFC 793 §3.5 "abort").
   */
  private static void leaveAfterTheServersFirstFlight(Socket s, int port) throws Exception {
    SSLEngine e = SSLContext.getDefault().createSSLEngine("server.hslab.test", port);
    e.setUseClientMode(true);
    e.setEnabledProtocols(new String[] {"TLSv1.2"});
    ByteBuffer hello = ByteBuffer.allocate(e.getSession().getPacketBufferSize());
    e.wrap(ByteBuffer.allocate(0), hello);
    hello.flip();
    OutputStream o = s.getOutputStream();
    o.write(Arrays.copyOf(hello.array(), hello.limit()));
    o.flush();
    InputStream in = s.getInputStream();
    assertThat(in.read()).as("the server answers with a handshake record").isEqualTo(0x16);
    // An abortive close (RST) whatever has arrived by now: a plain close sends FIN instead when
    // the rest of the flight has not arrived yet, which the server would count as peer_closed.
    s.setSoLinger(true, 0);
    s.close();
  }
}
