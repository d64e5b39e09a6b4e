package dev.hslab.cli;

import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.engine.ModelEngine;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.pki.Identity;
import dev.hslab.model.wire.Bytes;
import dev.hslab.real.JvmTlsPolicy;
import dev.hslab.real.tcp.BridgedConnection;
import dev.hslab.real.tcp.Conversation;
import dev.hslab.real.tcp.TcpBridge;
import dev.hslab.real.tcp.Timeouts;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hslab connect HOST:PORT}: the model client against a real TLS server. */
@Command(name = "connect", sortOptions = false,
    description = "Connects the model client to a TLS server and prints the numbered message sequence as it happens.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  hslab connect 127.0.0.1:4433 --ca ca.pem",
      "  hslab connect example.org:443 --kex ecdhe_rsa --insecure --send 'GET / HTTP/1.0\\r\\n\\r\\n'",
      "  hslab connect localhost:4433 --ca ca.pem --cert client.pem --key client.key --json",
      "",
      "Exit codes: 0 established (and closed), 1 the handshake or connection failed, 2 bad usage or bad input."
    })
final class ConnectCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "HOST:PORT", description = "the TLS server")
  String target;

  @Mixin ConfigOptions options;

  @Option(names = "--ca", paramLabel = "FILE", description = "PEM trust anchors (default: the built-in CA of --seed)")
  Path ca;

  @Option(names = "--cert", paramLabel = "FILE", description = "PEM client certificate chain")
  Path cert;

  @Option(names = "--key", paramLabel = "FILE", description = "PEM private key of --cert")
  Path key;

  @Option(names = "--insecure", description = "report a failed chain validation but go on")
  boolean insecure;

  @Option(names = "--server-name", paramLabel = "NAME", description = "SNI and the name checked (default: HOST)")
  String serverName;

  @Option(names = "--send", paramLabel = "TEXT", description = "application data to send after the handshake (\\r \\n understood)")
  String send;

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "bound of every read and of the handshake (default ${DEFAULT-VALUE})", defaultValue = "10")
  int timeout;

  @Option(names = "--json", description = "one JSON document on stdout at the end, nothing else")
  boolean json;

  @Option(names = "--out", paramLabel = "DIR", description = "where to write connect.json")
  Path out;

  @Mixin HelpFlag help;

  @Override
  public Integer call() throws Exception {
    int colon = target.lastIndexOf(':');
    if (colon <= 0 || colon == target.length() - 1) {
      throw new UsageException("HOST:PORT: expected e.g. 127.0.0.1:4433, got '" + target + "'");
    }
    String host = target.substring(0, colon);
    int port = ServeCommand.port("HOST:PORT", target.substring(colon + 1));
    if (timeout <= 0) {
      throw new UsageException("--timeout: must be positive, got " + timeout);
    }
    HandshakeConfig hc = options.toClientConfig();
    Identity identity = cert != null || key != null ? BridgeConfigs.identity(cert, key) : BridgeConfigs.builtInClient(hc);
    var anchors = ca != null ? BridgeConfigs.anchors(ca, "--ca")
        : List.of(dev.hslab.model.config.Credentials.forSeed(hc.seed()).ca().rootCertificate());
    JvmTlsPolicy.enableLegacyTlsForThisJvm();
    ModelEngine<?> engine = ModelEngine.create(BridgeConfigs.client(hc, serverName != null ? serverName : host,
        anchors, identity, insecure));
    PrintWriter w = spec.commandLine().getOut();
    LiveSequence live = new LiveSequence(w, json);
    Conversation script = send == null ? Conversation.handshakeOnly()
        : Conversation.request(Bytes.wrap(unescape(send).getBytes(StandardCharsets.UTF_8)), 1);
    BridgedConnection o = TcpBridge.connect(host, port, engine, live, Timeouts.all(Duration.ofSeconds(timeout)), script);
    live.outcome(o);
    var doc = BridgeJson.outcome(o, Side.CLIENT);
    doc.put("server", target);
    if (out != null) {
      Files.writeJson(out.resolve("connect.json"), doc);
    }
    if (json) {
      w.println(doc.toPrettyString());
    } else {
      if (!o.received().isEmpty()) {
        w.println("    received " + o.received().length() + " bytes of application data");
      }
      w.println("    server's sequence under the server table: " + BridgeJson.peerConformance(o.trace(), Side.CLIENT));
    }
    w.flush();
    return o.succeeded() ? Hslab.OK : Hslab.FAILED;
  }

  static String unescape(String s) {
    return s.replace("\\r", "\r").replace("\\n", "\n");
  }
}
