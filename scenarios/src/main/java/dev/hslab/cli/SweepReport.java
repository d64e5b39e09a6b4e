package dev.hslab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hslab.actors.LossSweep;
import dev.hslab.actors.NetworkOptions;
import dev.hslab.actors.Transport;
import dev.hslab.actors.Simulator;
import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.handshake.Resumption;
import dev.hslab.output.chart.EcdfChart;
import dev.hslab.output.chart.Series;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a loss sweep measured, in the shapes of docs/cli.md ({@code hslab sweep}, and the demo's
 * sweep): the table for people, the sweep document for scripts, and the chart. Every number is
 * read from {@link LossSweep.Rate}, whose connections carry what their traces recorded.
 */
final class SweepReport {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Connections simulated at a time: bounds memory, changes no result. */
  private static final int IN_FLIGHT = 256;

  private final HandshakeConfig config;
  private final Transport transport;
  private final int connections;
  private final List<LossSweep.Rate> rates;
  private final Map<String, String> files = new LinkedHashMap<>();

  SweepReport(HandshakeConfig config, Transport transport, int connections, List<LossSweep.Rate> rates) {
    this.config = config;
    this.transport = transport;
    this.connections = connections;
    this.rates = List.copyOf(rates);
  }

  /**
   * Sweeps {@code hc} over {@code network} at each loss rate, {@code connections} each; with a
   * resumption configured, the second half of each rate's connections resume sessions of the first.
   */
  static SweepReport run(Simulator sim, HandshakeConfig hc, NetworkOptions network, List<Double> losses,
      int connections) {
    LossSweep.Options o = new LossSweep.Options(losses, connections, resumingShare(hc),
        Math.min(IN_FLIGHT, connections));
    return new SweepReport(hc, network.transport(), connections, LossSweep.run(sim, hc, network, o));
  }

  static double resumingShare(HandshakeConfig hc) {
    return hc.resumption() == Resumption.NONE ? 0 : 0.5;
  }

  List<LossSweep.Rate> rates() {
    return rates;
  }

  /** Writes {@code sweep.svg} and {@code sweep.json} (which lists both) into {@code dir}. */
  void write(Path dir) throws UsageException {
    Files.createDirectory(dir);
    Path svg = dir.resolve("sweep.svg");
    Files.writeString(svg, chart());
    Path json = dir.resolve("sweep.json");
    files.put("json", json.toString());
    files.put("chart", svg.toString());
    Files.writeJson(json, json());
  }

  Map<String, String> files() {
    return files;
  }

  /** A loss probability as a percentage: 0.05 as {@code 5%}, 0.005 as {@code 0.5%}. */
  static String percent(double p) {
    BigDecimal b = BigDecimal.valueOf(p).movePointRight(2).stripTrailingZeros();
    return (b.signum() == 0 ? "0" : b.toPlainString()) + "%";
  }

  private static String ms(OptionalDouble v) {
    return v.isPresent() ? String.format(Locale.ROOT, "%.1f", v.getAsDouble()) : "-";
  }

  String header() {
    return "hslab sweep: " + RunReport.describe(config) + ", seed " + config.seed() + ", " + connections
        + " connections per loss rate" + (resumingShare(config) > 0 ? " (the second half resuming)" : "");
  }

  /** The table: per loss rate, completion and the handshake-time percentiles; then the failures. */
  String text() {
    StringBuilder b = new StringBuilder();
    b.append(header()).append('\n');
    b.append("handshake time: virtual ms from the client's start")
        .append(transport == Transport.TCP ? " (its SYN over TCP)" : transport == Transport.UDP ? " (its first datagram)" : "")
        .append(" until both sides are established;\n");
    b.append("percentiles by nearest rank over the completed handshakes\n\n");
    b.append(String.format(Locale.ROOT, "  %6s  %17s  %9s %9s %9s %9s%n", "loss", "completed", "p50", "p90", "p99", "max"));
    for (LossSweep.Rate r : rates) {
      String done = r.completed() + "/" + r.connections().size();
      b.append(String.format(Locale.ROOT, "  %6s  %10s %5.1f%%  %9s %9s %9s %9s%n", percent(r.loss()), done,
          100 * r.completionRate(), ms(r.percentile(50)), ms(r.percentile(90)), ms(r.percentile(99)),
          ms(r.percentile(100))));
    }
    b.append('\n');
    // The failures as one row per outcome and one column per loss rate: short however many rates.
    SortedSet<String> codes = new TreeSet<>();
    rates.forEach(r -> codes.addAll(r.failures().keySet()));
    if (codes.isEmpty()) {
      b.append("every connection established\n");
    } else {
      int width = Math.max(30, codes.stream().mapToInt(String::length).max().orElse(0));
      b.append(String.format(Locale.ROOT, "  %-" + width + "s", "not established, by outcome"));
      rates.forEach(r -> b.append(String.format(Locale.ROOT, " %6s", percent(r.loss()))));
      b.append('\n');
      for (String code : codes) {
        b.append(String.format(Locale.ROOT, "  %-" + width + "s", code));
        rates.forEach(r -> b.append(String.format(Locale.ROOT, " %6s", r.failures().containsKey(code)
            ? r.failures().get(code).toString() : "-")));
        b.append('\n');
      }
    }
    return b.toString();
  }

  /** The sweep document of docs/cli.md. */
  ObjectNode json() {
    ObjectNode root = JSON.createObjectNode();
    root.put("seed", config.seed());
    root.set("config", RunReport.configJson(config, "model", "model"));
    root.put("connectionsPerRate", connections);
    root.put("resumingShare", resumingShare(config));
    root.put("percentiles", "nearest-rank");
    ArrayNode list = root.putArray("rates");
    for (LossSweep.Rate r : rates) {
      ObjectNode o = list.addObject();
      o.put("loss", r.loss());
      o.put("connections", r.connections().size());
      o.put("completed", r.completed());
      o.put("completionRate", r.completionRate());
      if (r.completed() == 0) {
        o.putNull("handshakeMs");
      } else {
        ObjectNode h = o.putObject("handshakeMs");
        for (int p : LossSweep.REPORTED_PERCENTILES) {
          h.put(p == 100 ? "max" : "p" + p, r.percentile(p).getAsDouble());
        }
      }
      ObjectNode failures = o.putObject("failures");
      r.failures().forEach(failures::put);
      ArrayNode results = o.putArray("results");
      for (LossSweep.Connection c : r.connections()) {
        ObjectNode e = results.addObject();
        e.put("n", c.index());
        e.put("outcome", c.outcome().code());
        if (c.handshakeMs().isPresent()) {
          e.put("handshakeMs", c.handshakeMs().getAsDouble());
        } else {
          e.putNull("handshakeMs");
        }
      }
    }
    // The summary rows scripts read (the command-line contract, docs/cli.md): per rate, the
    // completed fraction and the percentiles flat, in ms; null where nothing completed.
    ArrayNode rows = root.putArray("rows");
    for (LossSweep.Rate r : rates) {
      ObjectNode o = rows.addObject();
      o.put("loss", r.loss());
      o.put("completed", r.completionRate());
      for (int p : LossSweep.REPORTED_PERCENTILES) {
        String key = (p == 100 ? "max" : "p" + p) + "Ms";
        if (r.completed() == 0) {
          o.putNull(key);
        } else {
          o.put(key, r.percentile(p).getAsDouble());
        }
      }
    }
    ObjectNode f = root.putObject("files");
    files.forEach(f::put);
    return root;
  }

  /** The chart: the distribution of handshake times at each loss rate, one curve each. */
  String chart() {
    List<Series> series = new ArrayList<>();
    for (LossSweep.Rate r : rates) {
      List<Double> times = new ArrayList<>();
      for (double t : r.handshakeTimes()) {
        times.add(t);
      }
      series.add(new Series(String.format(Locale.ROOT, "%s loss: %.1f%% completed", percent(r.loss()),
          100 * r.completionRate()), times, r.connections().size()));
    }
    String kex = config.keyExchange() != null ? config.keyExchange().cliName() : "given suites";
    return EcdfChart.svg(new EcdfChart.Text(
        "Handshake time by loss rate: " + config.clientMax().displayName() + " " + kex + ", " + connections
            + " connections per rate, seed " + config.seed(),
        "handshake time, virtual ms", "connections with the handshake completed (%)"), series);
  }
}
