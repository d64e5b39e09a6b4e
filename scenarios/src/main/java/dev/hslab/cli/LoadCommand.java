package dev.hslab.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hslab.real.tcp.LoadClient;
import dev.hslab.real.tcp.LoadOptions;
import dev.hslab.real.tcp.LoadResult;
import dev.hslab.real.tcp.Timeouts;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hslab load --port P}: many real TLS clients (SunJSSE) against {@code hslab serve}, each accounted for. */
@Command(name = "load", sortOptions = false,
    description = "Runs many real TLS clients (SunJSSE) against an echoing server such as 'hslab serve': each"
        + " connection a full handshake, one request whose echo is checked, and close_notify both ways;"
        + " counts every connection by outcome.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  hslab serve --port 4433 --quiet --max-connections 1000 &",
      "  hslab load --port 4433 --ca hslab-out/ca.pem --connections 1000",
      "  hslab load --host 10.0.0.5 --port 4433 --ca ca.pem --concurrency 32 --json",
      "",
      "Each client trusts only --ca and checks that the server's certificate names",
      "--server-name. A fresh SSLContext per connection keeps SunJSSE from resuming",
      "sessions: every handshake is a full one.",
      "",
      "Exit codes: 0 every connection succeeded, 1 a connection failed,",
      "2 bad usage or bad input."
    })
final class LoadCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--host", paramLabel = "HOST", description = "the server's address (default ${DEFAULT-VALUE})",
      defaultValue = "127.0.0.1")
  String host;

  @Option(names = "--port", paramLabel = "P", required = true, description = "the server's port")
  String port;

  @Option(names = "--connections", paramLabel = "N", description = "connections in all (default ${DEFAULT-VALUE})",
      defaultValue = "100")
  int connections;

  @Option(names = "--concurrency", paramLabel = "C", description = "connections at a time (default ${DEFAULT-VALUE})",
      defaultValue = "8")
  int concurrency;

  @Option(names = "--ca", paramLabel = "FILE", description = "PEM trust anchors for the server's chain"
      + " (default ${DEFAULT-VALUE}, where 'hslab serve' writes its CA)", defaultValue = "hslab-out/ca.pem")
  Path ca;

  @Option(names = "--server-name", paramLabel = "NAME", description = "SNI and the name the server's certificate"
      + " must carry (default ${DEFAULT-VALUE})", defaultValue = BridgeConfigs.SERVER_NAME)
  String serverName;

  @Option(names = "--tls", paramLabel = "V", description = "the version the clients offer:"
      + " tls1.0, tls1.1 or tls1.2 (default ${DEFAULT-VALUE})", defaultValue = "tls1.2")
  String tls;

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "bound of the connect and of every read"
      + " (default ${DEFAULT-VALUE})", defaultValue = "10")
  int timeout;

  @Option(names = "--json", description = "one JSON document on stdout at the end, nothing else")
  boolean json;

  @Option(names = "--out", paramLabel = "DIR", description = "where to write load.json")
  Path out;

  @Mixin HelpFlag help;

  @Override
  public Integer call() throws Exception {
    int p = ServeCommand.port("--port", port);
    if (p == 0) {
      throw new UsageException("--port: expected a port 1-65535, got 0");
    }
    if (connections <= 0) {
      throw new UsageException("--connections: must be positive, got " + connections);
    }
    if (concurrency <= 0 || concurrency > 4096) {
      throw new UsageException("--concurrency: must be 1-4096, got " + concurrency);
    }
    if (timeout <= 0) {
      throw new UsageException("--timeout: must be positive, got " + timeout);
    }
    String protocol = switch (tls) {
      case "tls1.0" -> "TLSv1";
      case "tls1.1" -> "TLSv1.1";
      case "tls1.2" -> "TLSv1.2";
      default -> throw new UsageException("--tls: expected tls1.0, tls1.1 or tls1.2, got '" + tls + "'");
    };
    if (out != null) {
      Files.createDirectory(out);
    }
    List<X509Certificate> anchors = BridgeConfigs.anchors(ca, "--ca");
    dev.hslab.real.JvmTlsPolicy.enableLegacyTlsForThisJvm();
    PrintWriter w = spec.commandLine().getOut();
    if (!json) {
      w.println("load: " + connections + " connections to " + host + ":" + p + ", " + concurrency + " at a time, "
          + tls);
      w.flush();
    }
    LoadResult r = LoadClient.run(new LoadOptions(host, p, connections, concurrency, anchors, serverName,
        List.of(protocol), Timeouts.all(Duration.ofSeconds(timeout))));
    ObjectNode doc = json(r, p);
    if (json) {
      w.println(doc.toPrettyString());
    } else {
      print(w, r);
    }
    if (out != null) {
      Files.writeJson(out.resolve("load.json"), doc);
    }
    w.flush();
    return r.failed() == 0 ? Hslab.OK : Hslab.FAILED;
  }

  private ObjectNode json(LoadResult r, int p) {
    ObjectNode doc = BridgeJson.JSON.createObjectNode();
    doc.put("target", host + ":" + p);
    doc.put("connections", r.connections().size());
    doc.put("concurrency", concurrency);
    doc.put("succeeded", r.succeeded());
    doc.put("failed", r.failed());
    ObjectNode reasons = doc.putObject("failedByReason");
    r.failedByReason().forEach(reasons::put);
    ObjectNode examples = doc.putObject("failureExamples");
    r.failureExamples().forEach(examples::put);
    ObjectNode neg = doc.putObject("negotiated");
    r.negotiated().forEach(neg::put);
    doc.put("seconds", round(r.seconds()));
    doc.put("connectionsPerSecond", round(r.connectionsPerSecond()));
    ObjectNode hs = doc.putObject("handshakeMs");
    hs.put("p50", round(r.handshakeMillis(0.5)));
    hs.put("p90", round(r.handshakeMillis(0.9)));
    hs.put("p99", round(r.handshakeMillis(0.99)));
    hs.put("max", round(r.handshakeMillis(1.0)));
    return doc;
  }

  private static void print(PrintWriter w, LoadResult r) {
    w.printf("%d connections in %.1f s (%.1f connections/s): %d succeeded, %d failed%n", r.connections().size(),
        r.seconds(), r.connectionsPerSecond(), r.succeeded(), r.failed());
    r.negotiated().forEach((k, n) -> w.printf("%7d  %s%n", n, k));
    if (r.failed() > 0) {
      w.println("failed by reason:");
      r.failedByReason().forEach((k, n) -> w.printf("%7d  %-28s e.g. %s%n", n, k, r.failureExamples().get(k)));
    }
    w.printf("handshake ms: p50 %.1f, p90 %.1f, p99 %.1f, max %.1f%n", r.handshakeMillis(0.5), r.handshakeMillis(0.9),
        r.handshakeMillis(0.99), r.handshakeMillis(1.0));
  }

  private static double round(double d) {
    return Math.round(d * 1000) / 1000.0;
  }
}
