package dev.hslab.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.engine.ModelEngine;
import dev.hslab.model.engine.SessionCache;
import dev.hslab.model.pki.Identity;
import dev.hslab.model.wire.Bytes;
import dev.hslab.real.JvmTlsPolicy;
import dev.hslab.real.tcp.Conversation;
import dev.hslab.real.tcp.TcpBridge;
import dev.hslab.real.tcp.TcpServer;
import dev.hslab.real.tcp.Timeouts;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hslab serve --port P}: the model server for real TLS clients, {@code --workers} connections
 * at a time, and at the end (also when stopped with Ctrl-C) an account of every connection it
 * accepted and of the threads and sockets it holds before and after.
 */
@Command(name = "serve", sortOptions = false,
    description = "Serves TLS clients with the model server (it echoes application data) and prints each"
        + " connection's numbered message sequence as it happens.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  hslab serve --port 4433 --out hslab-out     issues a certificate; clients trust hslab-out/ca.pem",
      "  openssl s_client -connect 127.0.0.1:4433 -CAfile hslab-out/ca.pem",
      "  hslab serve --port 4433 --cert server.pem --key server.key --client-auth require --ca ca.pem",
      "  hslab serve --port 4433 --kex ecdhe_ecdsa --max-connections 1 --json",
      "  hslab serve --port 4433 --quiet --max-connections 1000   (then: hslab load)",
      "",
      "At the end (after --max-connections, or on Ctrl-C) a summary: connections",
      "accepted, established, succeeded, failed by reason, and the Java threads,",
      "sockets and open files of the process before and after serving.",
      "",
      "Exit codes: 0 every connection established and closed, 1 a connection failed,",
      "2 bad usage or bad input (e.g. port in use)."
    })
final class ServeCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--port", paramLabel = "P", required = true, description = "the TCP port to listen on")
  String port;

  @Mixin ConfigOptions options;

  @Option(names = "--cert", paramLabel = "FILE", description = "PEM server certificate chain (default: issued by the built-in CA)")
  Path cert;

  @Option(names = "--key", paramLabel = "FILE", description = "PEM private key of --cert")
  Path key;

  @Option(names = "--ca", paramLabel = "FILE", description = "PEM trust anchors for client certificates")
  Path ca;

  @Option(names = "--max-connections", paramLabel = "N", description = "stop after N connections (default: serve until stopped)")
  Integer maxConnections;

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "bound of every read and of the handshake (default ${DEFAULT-VALUE})", defaultValue = "10")
  int timeout;

  @Option(names = "--workers", paramLabel = "N", description = "connections served at a time; more wait in the"
      + " listen queue (default ${DEFAULT-VALUE})", defaultValue = "16")
  int workers;

  @Option(names = "--quiet", description = "print no sequences, only the listening line and the summary")
  boolean quiet;

  @Option(names = "--json", description = "one JSON document on stdout at the end, nothing else")
  boolean json;

  @Option(names = "--out", paramLabel = "DIR", description = "where ca.pem (and serve.json) go (default ${DEFAULT-VALUE})", defaultValue = "hslab-out")
  Path out;

  @Mixin HelpFlag help;

  @Override
  public Integer call() throws Exception {
    int p = port("--port", port);
    if (maxConnections != null && maxConnections <= 0) {
      throw new UsageException("--max-connections: must be positive, got " + maxConnections);
    }
    if (workers <= 0 || workers > 4096) {
      throw new UsageException("--workers: must be 1-4096, got " + workers);
    }
    if (timeout <= 0) {
      throw new UsageException("--timeout: must be positive, got " + timeout);
    }
    HandshakeConfig hc = options.toConfig();
    PrintWriter w = spec.commandLine().getOut();
    Identity given = BridgeConfigs.identity(cert, key);
    // A bad --ca is a usage error before anything is issued or written into --out.
    List<X509Certificate> caAnchors = ca != null ? BridgeConfigs.anchors(ca, "--ca") : null;
    List<Identity> identities;
    List<X509Certificate> anchors;
    if (given != null) {
      identities = List.of(given);
      anchors = caAnchors != null ? caAnchors : List.of();
    } else {
      BridgeConfigs.Issued issued = BridgeConfigs.issue();
      Files.createDirectory(out);
      issued.ca().saveRoot(out.resolve("ca.pem"));
      identities = issued.servers();
      anchors = caAnchors != null ? caAnchors : List.of(issued.ca().rootCertificate());
      if (!json) {
        w.println("certificates for " + BridgeConfigs.SERVER_NAME + " issued by a fresh CA: " + out.resolve("ca.pem"));
      }
    }
    if (hc.clientAuth() != dev.hslab.model.handshake.ClientAuth.NONE && anchors.isEmpty()) {
      throw new UsageException("--client-auth " + hc.clientAuth().cliName() + " with --cert needs --ca (trust anchors for client certificates)");
    }
    JvmTlsPolicy.enableLegacyTlsForThisJvm();
    SessionCache cache = new SessionCache(1024);
    LiveSequence live = new LiveSequence(w, json || quiet);
    // Measured before listening and after the listening socket is closed, so both count the same sockets.
    ProcessResources before = ProcessResources.now();
    TcpServer server;
    try {
      server = TcpBridge.listen(p, false);
    } catch (BindException e) {
      throw new UsageException("--port " + p + ": the port is in use (" + e.getMessage() + ")");
    }
    ServeSummary summary = new ServeSummary();
    // Served until stopped (Ctrl-C, SIGTERM): the hook stops accepting, lets the connections in
    // flight end and waits for the summary below to be printed.
    CountDownLatch printed = new CountDownLatch(1);
    Thread stop = new Thread(() -> stopAndWait(server, printed), "hslab-serve-stop");
    Runtime.getRuntime().addShutdownHook(stop);
    try {
      return serve(server, hc, identities, anchors, cache, live, summary, before, w);
    } finally {
      printed.countDown();
      removeHook(stop);
    }
  }

  private int serve(TcpServer server, HandshakeConfig hc, List<Identity> identities, List<X509Certificate> anchors,
      SessionCache cache, LiveSequence live, ServeSummary summary, ProcessResources before, PrintWriter w)
      throws IOException, UsageException {
    int accepted;
    long started;
    try (server) {
      String listening = "listening on port " + server.port() + " (" + hc.serverMin().displayName() + "-"
          + hc.serverMax().displayName() + ", " + RunReport.describe(hc) + ", " + workers + " workers)";
      // With --json, stdout holds only the document; a script learns that the server is ready from stderr.
      PrintWriter ready = json ? spec.commandLine().getErr() : w;
      ready.println(listening);
      ready.flush();
      started = System.nanoTime();
      accepted = server.serve(n -> ModelEngine.create(BridgeConfigs.server(hc, identities, anchors, cache)),
          live, Timeouts.all(Duration.ofSeconds(timeout)),
          Conversation.echo(Bytes.wrap("hslab: ".getBytes(StandardCharsets.UTF_8))),
          maxConnections == null ? Integer.MAX_VALUE : maxConnections, workers, o -> {
            summary.add(o);
            live.outcome(o);
          });
    }
    ProcessResources after = ProcessResources.now();
    double seconds = (System.nanoTime() - started) / 1e9;
    ObjectNode doc = summary.json(server.port(), accepted, seconds, before, after);
    if (json) {
      w.println(doc.toPrettyString());
      Files.writeJson(out.resolve("serve.json"), doc);
    } else {
      summary.print(w, accepted, seconds, before, after);
    }
    w.flush();
    return summary.failed() == 0 && summary.ended() == accepted ? Hslab.OK : Hslab.FAILED;
  }

  /** The shutdown hook: stop accepting, then give the connections in flight and the summary time to end. */
  private void stopAndWait(TcpServer server, CountDownLatch printed) {
    try {
      server.close();
      printed.await(timeout + 5L, TimeUnit.SECONDS);
    } catch (IOException e) {
      // the listening socket is going away with the JVM anyway
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook is running and ends by itself
    }
  }

  static int port(String flag, String text) throws UsageException {
    try {
      int v = Integer.parseInt(text);
      if (v >= 0 && v <= 65535) {
        return v;
      }
    } catch (NumberFormatException e) {
      // falls through to the usage error
    }
    throw new UsageException(flag + ": expected a port 0-65535, got '" + text + "'");
  }
}
