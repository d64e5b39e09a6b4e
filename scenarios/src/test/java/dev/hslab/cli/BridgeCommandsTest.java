package dev.hslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code hslab serve}, {@code hslab connect} and {@code hslab conform} end to end through {@link Hslab#run}. */
@Timeout(60)
class BridgeCommandsTest {

  /** The first row, live, in {@code hslab run}'s layout: number, time, direction, name, size. */
  private static final String FIRST_ROW = "(?m)^    1 +\\d+\\.\\d ms  client  --> server  ClientHello +\\d+ B$";

  @TempDir Path out;

  record Result(int code, String out, String err) {}

  static Result hslab(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = Hslab.run(args, new PrintWriter(o, true), new PrintWriter(e, true));
    return new Result(code, o.toString(), e.toString());
  }

  @Test
  void connectCompletesAgainstServeWithTheIssuedCaAndBothPrintTheSequenceLive() throws Exception {
    int port = freePort();
    StringWriter serveOut = new StringWriter();
    CompletableFuture<Integer> serve = CompletableFuture.supplyAsync(() -> Hslab.run(new String[] {
        "serve", "--port", String.valueOf(port), "--max-connections", "1", "--out", out.toString(), "--timeout", "5"},
        new PrintWriter(serveOut, true), new PrintWriter(new StringWriter(), true)));
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!serveOut.toString().contains("listening on port") && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    assertThat(serveOut.toString()).contains("listening on port " + port);

    Result c = hslab("connect", "127.0.0.1:" + port, "--ca", out.resolve("ca.pem").toString(),
        "--server-name", "server.hslab.test", "--send", "hello\\n", "--timeout", "5");

    assertThat(c.code()).as(c.out() + c.err()).isZero();
    assertThat(c.out()).containsPattern(FIRST_ROW).contains("established: TLS")
        .contains("outcome: closed").contains("server's sequence under the server table: accepted (CLOSED)");
    assertThat(serve.get(20, TimeUnit.SECONDS)).as(serveOut.toString()).isZero();
    assertThat(serveOut.toString()).contains("connection 1:").containsPattern(FIRST_ROW)
        .contains("outcome: closed");
  }

  @Test
  void quietServeAndLoadPrintOnlyTheirSummariesAndCountTheSameConnections() throws Exception {
    int port = freePort();
    StringWriter serveOut = new StringWriter();
    CompletableFuture<Integer> serve = CompletableFuture.supplyAsync(() -> Hslab.run(new String[] {
        "serve", "--port", String.valueOf(port), "--max-connections", "3", "--quiet", "--out", out.toString()},
        new PrintWriter(serveOut, true), new PrintWriter(new StringWriter(), true)));
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!serveOut.toString().contains("listening on port") && System.nanoTime() < end) {
      Thread.sleep(20);
    }

    Result load = hslab("load", "--port", String.valueOf(port), "--connections", "3", "--concurrency", "2", "--ca",
        out.resolve("ca.pem").toString());

    assertThat(load.code()).as(load.out() + load.err()).isZero();
    assertThat(load.out()).contains("load: 3 connections to 127.0.0.1:" + port + ", 2 at a time, tls1.2")
        .contains("3 succeeded, 0 failed").contains("      3  TLSv1.2 TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")
        .contains("handshake ms: p50 ");
    assertThat(serve.get(20, TimeUnit.SECONDS)).as(serveOut.toString()).isZero();
    assertThat(serveOut.toString()).as("--quiet: no sequences").doesNotContain("ClientHello")
        .contains("served 3 connections in ").contains("3 accepted, 3 established (0 resumed), 3 succeeded, 0 failed")
        .contains("resources before -> after: threads ").doesNotContain("failed by reason");
  }

  @Test
  void servingOnAPortInUseIsOneClearLineAndExitCode2() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      Result r = hslab("serve", "--port", String.valueOf(taken.getLocalPort()), "--cert", "x.pem", "--key", "x.key");
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err().lines().toList()).hasSize(1).first().asString().startsWith("hslab serve: --cert/--key");
      Result s = hslab("serve", "--port", String.valueOf(taken.getLocalPort()), "--out", out.toString());
      assertThat(s.code()).isEqualTo(2);
      assertThat(s.err().lines().toList()).singleElement().asString()
          .startsWith("hslab serve: --port " + taken.getLocalPort() + ": the port is in use");
    }
  }

  @Test
  void connectToAClosedPortFailsWithExitCode1() throws Exception {
    Result r = hslab("connect", "127.0.0.1:" + freePort(), "--json", "--timeout", "2");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("\"ending\" : \"connect_failed\"");
  }

  @Test
  void conformPrintsRealBesideModelAndExitsZeroWhenEverySequenceConforms() {
    Result r = hslab("conform", "--engine", "bcjsse", "--version", "tls1.0", "--kex", "ecdhe_ecdsa");
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("conforms TLSv1.0, ecdhe_ecdsa").contains("bcjsse <-> model").contains("model <-> model")
        .contains("set aside: application data split over several records compared as one (1/n-1 CBC split)")
        .contains("skipped  TLSv1.0, ecdhe_ecdsa, client auth none, resume by ticket, bcjsse as client: tickets");
  }

  @Test
  void conformWithAnUnknownEngineIsAUsageError() {
    Result r = hslab("conform", "--engine", "openssl");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("hslab conform: --engine: unknown real engine 'openssl'");
  }

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
