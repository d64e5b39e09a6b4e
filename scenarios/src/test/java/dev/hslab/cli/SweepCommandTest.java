package dev.hslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hslab.actors.ConnectionResult;
import dev.hslab.actors.NetworkOptions;
import dev.hslab.actors.Simulations;
import dev.hslab.actors.Simulator;
import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.trace.TraceEvent;
import dev.hslab.scenario.NetworkGrammar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code hslab sweep} end to end: its numbers are the connections' own, and the same seed gives the same file. */
class SweepCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private static RunCommandTest.Result hslab(String... args) {
    return RunCommandTest.hslab(args);
  }

  /** When the later side's first Established was recorded, read from the events here, not by the code under test. */
  private static Double establishedAt(Trace t) {
    Double[] first = new Double[2];
    for (TraceEvent e : t.events()) {
      if (e instanceof TraceEvent.OfEngine oe && oe.event() instanceof EngineEvent.Established
          && first[oe.side().ordinal()] == null) {
        first[oe.side().ordinal()] = e.timeMs();
      }
    }
    Double c = first[Side.CLIENT.ordinal()];
    Double s = first[Side.SERVER.ordinal()];
    return c == null || s == null ? null : Math.max(c, s);
  }

  /** The nearest rank by its definition: the smallest time with at least p % of the times at or below it. */
  private static double nearestRank(List<Double> times, int p) {
    List<Double> sorted = times.stream().sorted().toList();
    for (double t : sorted) {
      long atOrBelow = sorted.stream().filter(x -> x <= t).count();
      if (atOrBelow * 100 >= (long) p * sorted.size()) {
        return t;
      }
    }
    throw new AssertionError("no times");
  }

  @Test
  void sweepJsonHoldsWhatTheConnectionsThemselvesRecorded() throws Exception {
    Path out = tmp.resolve("sweep");
    RunCommandTest.Result r = hslab("sweep", "--loss", "0,0.05,0.2", "--connections", "40", "--latency", "2-20",
        "--seed", "7", "--out", out.toString(), "--json");
    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isZero();
    JsonNode doc = JSON.readTree(r.out());
    assertThat(JSON.readTree(Files.readString(out.resolve("sweep.json")))).isEqualTo(doc);
    assertThat(doc.get("files").get("chart").asText()).isEqualTo(out.resolve("sweep.svg").toString());
    assertThat(doc.get("percentiles").asText()).isEqualTo("nearest-rank");
    assertThat(doc.get("rates")).hasSize(3);

    HandshakeConfig hc = HandshakeConfig.reference().withSeed(7);
    try (Simulator sim = Simulator.start()) {
      int k = 0;
      for (JsonNode rate : doc.get("rates")) {
        double loss = rate.get("loss").asDouble();
        NetworkOptions link = NetworkGrammar.fromFlags(loss, null, null, null, "2-20", List.of());
        List<ConnectionResult> own = Simulations.many(sim, hc, link, new Simulations.Many(40, 0, 5, true));
        List<Double> times = new ArrayList<>();
        Map<String, Integer> failures = new TreeMap<>();
        for (int i = 0; i < own.size(); i++) {
          JsonNode c = rate.get("results").get(i);
          Trace t = own.get(i).trace();
          Double at = establishedAt(t);
          assertThat(c.get("n").asInt()).isEqualTo(i + 1);
          assertThat(c.get("outcome").asText()).as("connection %d at %s", i + 1, loss).isEqualTo(t.outcome().code());
          if (at == null) {
            assertThat(c.get("handshakeMs").isNull()).as("connection %d at %s never completed", i + 1, loss).isTrue();
          } else {
            assertThat(c.get("handshakeMs").asDouble()).as("connection %d at %s", i + 1, loss).isEqualTo(at);
            times.add(at);
          }
          if (!t.outcome().established()) {
            failures.merge(t.outcome().code(), 1, Integer::sum);
          }
        }
        assertThat(rate.get("connections").asInt()).isEqualTo(40);
        assertThat(rate.get("completed").asInt()).isEqualTo(times.size());
        assertThat(rate.get("completionRate").asDouble()).isEqualTo(times.size() / 40.0);
        assertThat(JSON.convertValue(rate.get("failures"), Map.class)).isEqualTo(failures);
        JsonNode h = rate.get("handshakeMs");
        assertThat(h.get("p50").asDouble()).isEqualTo(nearestRank(times, 50));
        assertThat(h.get("p90").asDouble()).isEqualTo(nearestRank(times, 90));
        assertThat(h.get("p99").asDouble()).isEqualTo(nearestRank(times, 99));
        assertThat(h.get("max").asDouble()).isEqualTo(times.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
        // The flat summary row of the command-line contract says the same.
        JsonNode row = doc.get("rows").get(k++);
        assertThat(row.get("loss").asDouble()).isEqualTo(loss);
        assertThat(row.get("completed").asDouble()).isEqualTo(times.size() / 40.0);
        assertThat(row.get("p50Ms").asDouble()).isEqualTo(nearestRank(times, 50));
        assertThat(row.get("p90Ms").asDouble()).isEqualTo(nearestRank(times, 90));
        assertThat(row.get("p99Ms").asDouble()).isEqualTo(nearestRank(times, 99));
        assertThat(row.get("maxMs").asDouble()).isEqualTo(times.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
      }
    }
    assertThat(doc.get("rows")).hasSize(3);
    JsonNode lossless = doc.get("rates").get(0);
    assertThat(lossless.get("completed").asInt()).isEqualTo(40);
    assertThat(doc.get("rates").get(2).get("failures").size()).as("at 20% segment loss some handshakes outlast their 30 s timeout").isPositive();
  }

  @Test
  void theTableSaysWhatTheDocumentSays() throws Exception {
    Path out = tmp.resolve("text");
    RunCommandTest.Result text = hslab("sweep", "--loss", "0.1,0", "--connections", "25", "--seed", "3", "--out", out.toString());
    assertThat(text.exit()).isZero();
    JsonNode doc = JSON.readTree(Files.readString(out.resolve("sweep.json")));
    assertThat(text.out()).startsWith("hslab sweep: TLSv1.2, ecdhe_rsa, client auth none, seed 3, 25 connections per loss rate\n");
    assertThat(text.out()).contains("percentiles by nearest rank");
    List<String> rows = text.out().lines().filter(l -> l.matches("\\s+\\d+%\\s+\\d+/\\d+.*")).toList();
    assertThat(rows).hasSize(2);
    for (int i = 0; i < 2; i++) {
      JsonNode rate = doc.get("rates").get(i);
      String[] cells = rows.get(i).trim().split("\\s+");
      assertThat(cells[0]).isEqualTo(i == 0 ? "10%" : "0%"); // in the order given
      assertThat(cells[1]).isEqualTo(rate.get("completed").asInt() + "/25");
      assertThat(cells[3]).isEqualTo(String.format(java.util.Locale.ROOT, "%.1f", rate.get("handshakeMs").get("p50").asDouble()));
      assertThat(cells[6]).isEqualTo(String.format(java.util.Locale.ROOT, "%.1f", rate.get("handshakeMs").get("max").asDouble()));
    }
    for (var it = doc.get("rates").get(0).get("failures").fields(); it.hasNext(); ) {
      var f = it.next();
      assertThat(text.out()).containsPattern("(?m)^  " + java.util.regex.Pattern.quote(f.getKey()) + "\\s+" + f.getValue().asInt()
          + "\\s+-$");
    }
    assertThat(text.out()).contains("Files: " + out.resolve("sweep.json") + ", " + out.resolve("sweep.svg"));
  }

  @Test
  void theSameSeedGivesTheSameSweepJsonAndChartByteForByte() throws Exception {
    Path out = tmp.resolve("same");
    String[] args = {"sweep", "--loss", "0.02,0.1", "--connections", "30", "--latency", "1-9", "--seed", "11", "--out",
        out.toString()};
    assertThat(hslab(args).exit()).isZero();
    byte[] json = Files.readAllBytes(out.resolve("sweep.json"));
    byte[] svg = Files.readAllBytes(out.resolve("sweep.svg"));
    assertThat(hslab(args).exit()).isZero();
    assertThat(Files.readAllBytes(out.resolve("sweep.json"))).isEqualTo(json);
    assertThat(Files.readAllBytes(out.resolve("sweep.svg"))).isEqualTo(svg);
    args[8] = "12";
    assertThat(hslab(args).exit()).isZero();
    assertThat(Files.readAllBytes(out.resolve("sweep.json"))).as("another seed, other losses").isNotEqualTo(json);
  }

  @Test
  void configurationAndNetworkFlagsReachEveryConnection() throws Exception {
    RunCommandTest.Result r = hslab("sweep", "--version", "tls1.0", "--kex", "dhe_rsa", "--resume", "id", "--loss", "0",
        "--connections", "6", "--latency", "5", "--out", tmp.resolve("a").toString(), "--json");
    assertThat(r.exit()).isZero();
    JsonNode doc = JSON.readTree(r.out());
    assertThat(doc.get("config").get("kex").asText()).isEqualTo("dhe_rsa");
    assertThat(doc.get("resumingShare").asDouble()).isEqualTo(0.5);
    JsonNode results = doc.get("rates").get(0).get("results");
    // At 5 ms each way, after TCP's SYN round trip (RFC 9293 §3.5, 10 ms): RFC 5246 §7.3's full
    // handshake completes after two more round trips, a resumed one after 1.5.
    for (int i = 0; i < 6; i++) {
      assertThat(results.get(i).get("handshakeMs").asDouble()).isEqualTo(i < 3 ? 30.0 : 25.0);
    }

    RunCommandTest.Result dropped = hslab("sweep", "--fault", "drop:server.server_hello_done", "--loss", "0",
        "--connections", "3", "--out", tmp.resolve("b").toString(), "--json");
    assertThat(dropped.exit()).isZero();
    JsonNode rate = JSON.readTree(dropped.out()).get("rates").get(0);
    assertThat(rate.get("completed").asInt()).isZero();
    assertThat(rate.get("handshakeMs").isNull()).isTrue();
    // Over TCP the server's engine starts when the client's ACK reaches it, after the client's, so the
    // client's handshake timer is the first to expire.
    assertThat(rate.get("failures").get("timeout:client:WAIT_CERTIFICATE_REQUEST:server_hello_done").asInt()).isEqualTo(3);
  }

  @Test
  void helpShowsTheExamplesAndExitCodes() {
    RunCommandTest.Result r = hslab("sweep", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("--loss=P,P,...", "--connections=N", "--latency=MS|MIN-MAX", "--kex=K")
        .contains("0 to 10 % loss, 200 connections each", "Exit codes: 0 measured, 2 bad usage or bad input.");
    assertThat(r.out().lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
  }

  @ParameterizedTest
  @ValueSource(strings = {"--loss=1.5", "--loss=-0.1", "--loss=", "--loss=0,,0.1", "--loss=abc", "--loss=0.1,0.10",
      "--connections=0", "--connections=-4", "--connections=100001", "--latency=fast", "--fault=drop:nobody.finished",
      "--kex=dh_anon --client-auth=require"})
  void aBadValueIsOneLineAndExitCode2(String flags) {
    List<String> args = new ArrayList<>(List.of("sweep", "--out", tmp.resolve("bad").toString()));
    args.addAll(List.of(flags.split(" ")));
    RunCommandTest.Result r = hslab(args.toArray(String[]::new));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).startsWith("hslab sweep: ");
    assertThat(tmp.resolve("bad")).as("nothing is written for bad input").doesNotExist();
  }
}
