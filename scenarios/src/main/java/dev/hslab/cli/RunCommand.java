package dev.hslab.cli;

import dev.hslab.actors.ConnectionResult;
import dev.hslab.actors.NetworkOptions;
import dev.hslab.actors.Simulations;
import dev.hslab.actors.Simulator;
import dev.hslab.model.config.Credentials;
import dev.hslab.model.config.EngineConfigs;
import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.loopback.LoopbackRun;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hslab run}: one connection (two with --resume) and its numbered message sequence. */
@Command(name = "run", sortOptions = false,
    description = "Runs one connection through the client, server and network actors (virtual time) and prints the numbered message sequence and the outcome.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  hslab run                      the reference handshake: TLS 1.2, ECDHE_RSA",
      "  hslab run --version tls1.0 --kex dhe_rsa --client-auth require",
      "  hslab run --kex psk --psk-hint --resume ticket --json",
      "  hslab run --client-versions tls1.2-tls1.2 --server-versions tls1.0-tls1.1",
      "  hslab run --fault drop:server.server_hello_done        a timeout, named",
      "  hslab run --fault corrupt:client.finished:5 --latency 5-20",
      "  hslab run --loss 0.05 --seed 3                          a lossy link",
      "  hslab run --protocol dtls --version dtls1.2 --loss 0.1   DTLS over simulated UDP, its own timers",
      "",
      "Exit codes: 0 established, 1 the handshake failed, 2 bad usage or bad input."
    })
final class RunCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin ConfigOptions options;

  @Mixin LossFlag loss;

  @Mixin NetworkFlags network;

  @Option(names = "--client-engine", paramLabel = "E", description = "model, jsse, bcjsse (default ${DEFAULT-VALUE})", defaultValue = "model")
  String clientEngine;

  @Option(names = "--server-engine", paramLabel = "E", description = "model, jsse, bcjsse (default ${DEFAULT-VALUE})", defaultValue = "model")
  String serverEngine;

  @Option(names = "--json", description = "one JSON document on stdout (docs/cli.md), nothing else")
  boolean json;

  @Option(names = "--out", paramLabel = "DIR", description = "where to write files")
  Path out;

  @Mixin HelpFlag help;

  /**
   * With {@code --protocol dtls} the DTLS client and server (RFC 6347) run through the same actors
   * over the simulated UDP network ({@link NetworkFlags#toOptions(Double, boolean)}): the random
   * faults hit datagrams, and loss is recovered by the engines' own timers (§4.2.4).
   */
  @Override
  public Integer call() throws Exception {
    boolean dtls = options.dtls();
    HandshakeConfig hc = dtls ? options.toConfigAnyProtocol() : options.toConfig();
    EngineChoice engines = new EngineChoice(clientEngine, serverEngine);
    Credentials creds = Credentials.forSeed(hc.seed());
    engines.prepare(EngineConfigs.client(hc, creds, 1, java.util.Optional.empty()),
        EngineConfigs.server(hc, creds, 1, null));
    NetworkOptions net = network.toOptions(loss.loss, dtls);
    List<LoopbackRun.Connection> connections;
    try (Simulator sim = Simulator.start()) {
      connections = Simulations.connections(sim, hc, net, c -> engines.make(Side.CLIENT, 0, c),
          s -> engines.make(Side.SERVER, 0, s)).stream().map(ConnectionResult::toConnection).toList();
    }
    return report(hc, connections);
  }

  private Integer report(HandshakeConfig hc, List<LoopbackRun.Connection> connections) throws Exception {
    RunReport report = new RunReport(hc, connections, clientEngine, serverEngine);
    PrintWriter w = spec.commandLine().getOut();
    if (out != null) {
      RunOutput.write(report, hc, out, spec.commandLine().getErr());
    }
    if (json) {
      w.println(report.json().toPrettyString());
    } else {
      w.print(report.text());
    }
    w.flush();
    return report.established() ? Hslab.OK : Hslab.FAILED;
  }
}
