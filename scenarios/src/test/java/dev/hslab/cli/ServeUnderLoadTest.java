package dev.hslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9: {@code hslab serve} in one process under 1,000 connections from {@code hslab load} in a
 * second process on 127.0.0.1 (real SunJSSE clients, real sockets): every connection accounted
 * for on both sides, and nothing left behind in the server.
 */
@Timeout(240)
class ServeUnderLoadTest {

  private static final int CONNECTIONS = 1000;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path out;

  @Test
  void thousandConnectionsFromASecondProcessAreEachAccountedForAndLeaveNoSocketOrThreadBehind() throws Exception {
    int port = freePort();
    // Served until stopped, so the test can look at the idle server from outside after the load,
    // then stop it as Ctrl-C would (SIGTERM) and read the summary it prints on the way out.
    Path serverOut = out.resolve("serve.stdout");
    Process server = hslab(serverOut, "serve", "--port", Integer.toString(port), "--kex", "rsa", "--timeout", "30",
        "--json", "--out", out.toString());
    try {
      StringBuilder serverErr = new StringBuilder();
      waitFor(server.getErrorStream(), "listening on port " + port, serverErr);
      long pid = server.pid();
      int socketsIdle = sockets(pid);

      Path loadOut = out.resolve("load.stdout");
      Process load = hslab(loadOut, "load", "--port", Integer.toString(port), "--connections", Integer.toString(CONNECTIONS),
          "--concurrency", "8", "--ca", out.resolve("ca.pem").toString(), "--timeout", "30", "--json");
      CompletableFuture<String> loadErr = readAll(load.getErrorStream());
      assertThat(load.waitFor(200, TimeUnit.SECONDS)).as("the load ends").isTrue();
      JsonNode l = JSON.readTree(loadOut.toFile());
      assertThat(load.exitValue()).as(l + loadErr.get()).isZero();
      assertThat(l.get("connections").asInt()).isEqualTo(CONNECTIONS);
      assertThat(l.get("succeeded").asInt()).as(l.toPrettyString()).isEqualTo(CONNECTIONS);
      assertThat(l.get("failed").asInt()).isZero();
      assertThat(l.get("negotiated").get("TLSv1.2 TLS_RSA_WITH_AES_128_GCM_SHA256").asInt()).isEqualTo(CONNECTIONS);

      if (socketsIdle >= 0) {
        // Seen from outside, the idle server holds the sockets it held before the load: each
        // connection's socket was closed (the last closes race the clients' reads of close_notify).
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (sockets(pid) != socketsIdle && System.nanoTime() < end) {
          Thread.sleep(50);
        }
        assertThat(sockets(pid)).as("open sockets of the idle server after the load").isEqualTo(socketsIdle);
      }

      server.destroy(); // SIGTERM: the shutdown hook stops accepting and lets the summary be printed
      assertThat(server.waitFor(60, TimeUnit.SECONDS)).as("the server stops").isTrue();
      JsonNode s = JSON.readTree(serverOut.toFile());
      assertThat(s.get("accepted").asInt()).as(s.toPrettyString()).isEqualTo(CONNECTIONS);
      assertThat(s.get("ended").asInt()).isEqualTo(CONNECTIONS);
      assertThat(s.get("established").asInt()).isEqualTo(CONNECTIONS);
      assertThat(s.get("resumed").asInt()).as("a fresh SSLContext per client: full handshakes only").isZero();
      assertThat(s.get("succeeded").asInt()).isEqualTo(CONNECTIONS);
      assertThat(s.get("failed").asInt()).isZero();
      assertThat(s.get("failedByReason").size()).isZero();
      assertThat(s.get("connectionsListed").asInt()).isEqualTo(ServeSummary.DETAILED);
      assertThat(s.get("connections").get(0).get("ending").asText()).isEqualTo("closed");
      JsonNode before = s.get("resources").get("before");
      JsonNode after = s.get("resources").get("after");
      // Stopping by signal starts the JVM's signal thread and the hook: nothing else is new.
      List<String> fresh = new ArrayList<>();
      s.get("resources").get("newThreads").forEach(t -> fresh.add(t.asText()));
      assertThat(fresh).as("Java threads after serving that were not there before")
          .isSubsetOf("SIGTERM handler", "hslab-serve-stop");
      assertThat(after.get("threads").asInt()).isLessThanOrEqualTo(before.get("threads").asInt() + fresh.size());
      assertThat(after.get("sockets").asInt()).as("sockets after serving").isEqualTo(before.get("sockets").asInt());
      // (Its exit code is the JVM's for a signal, 128 + 15, whatever the summary says.)
    } finally {
      server.destroyForcibly();
    }
  }

  /** {@code hslab ARGS} in a fresh JVM with this test's class path, its stdout into {@code stdout}. */
  static Process hslab(Path stdout, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-XX:+UseSerialGC", "-Xss512k", Hslab.class.getName()));
    cmd.addAll(List.of(args));
    // A file, not a pipe: a pipe read while the process exits can lose the last bytes ("Stream closed").
    return new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).start();
  }

  /** The open sockets of process {@code pid} from /proc, or -1 where there is no /proc. */
  static int sockets(long pid) throws IOException {
    Path fds = Path.of("/proc", Long.toString(pid), "fd");
    if (!Files.isDirectory(fds)) {
      return -1;
    }
    int n = 0;
    try (DirectoryStream<Path> d = Files.newDirectoryStream(fds)) {
      for (Path fd : d) {
        try {
          if (Files.readSymbolicLink(fd).toString().startsWith("socket:")) {
            n++;
          }
        } catch (IOException e) {
          // closed while listing: not open any more
        }
      }
    }
    return n;
  }

  private static CompletableFuture<String> readAll(InputStream in) {
    return CompletableFuture.supplyAsync(() -> {
      try (in) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "(unreadable: " + e + ")";
      }
    });
  }

  /** Reads {@code in} until a line contains {@code text}; fails if the stream ends first. */
  private static void waitFor(InputStream in, String text, StringBuilder seen) throws IOException {
    java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    for (String line = r.readLine(); line != null; line = r.readLine()) {
      seen.append(line).append('\n');
      if (line.contains(text)) {
        CompletableFuture.runAsync(() -> drain(r));
        return;
      }
    }
    throw new AssertionError("the server ended before '" + text + "': " + seen);
  }

  private static void drain(java.io.BufferedReader r) {
    try (r) {
      while (r.readLine() != null) {
        // keeps the pipe from filling
      }
    } catch (IOException e) {
      // the process ended
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
