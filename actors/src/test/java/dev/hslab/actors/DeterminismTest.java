package dev.hslab.actors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.trace.TraceEvent;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.output.trace.JsonLines;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The same scenario and seed give the same bytes, whatever the thread scheduling (docs/architecture.md principles 3, 4). */
class DeterminismTest {

  private static final Simulator SIM = Simulator.start();

  /** Every random fault at once, jittered latency both ways. */
  private static final NetworkOptions NOISY = NetworkOptions.perfect()
      .withRandomFaults(0.08, 0.04, 0.04, 0.04, 0.02)
      .withLatency(new Latency.Normal(20, 8), new Latency.Uniform(1, 40));

  @AfterAll
  static void stop() {
    SIM.close();
  }

  private static String jsonLines(long seed, NetworkOptions net) {
    HandshakeConfig hc = HandshakeConfig.reference().withSeed(seed);
    return String.join("\n", JsonLines.lines(FaultRuns.run(SIM, hc, net).trace()));
  }

  @Test
  void sameSeedTwiceGivesByteIdenticalTraces() {
    for (long seed = 1; seed <= 8; seed++) {
      assertThat(jsonLines(seed, NOISY)).as("seed %d", seed).isEqualTo(jsonLines(seed, NOISY));
    }
  }

  @Test
  void differentSeedsGiveDifferentTraces() {
    assertThat(jsonLines(1, NOISY)).isNotEqualTo(jsonLines(2, NOISY));
    // Even on a perfect network: the randoms, keys and signatures come from the seed.
    assertThat(jsonLines(1, NetworkOptions.perfect())).isNotEqualTo(jsonLines(2, NetworkOptions.perfect()));
  }

  @Test
  void theNetworkSeedAloneChangesWhatTheNetworkDoes() {
    HandshakeConfig hc = HandshakeConfig.reference();
    List<String> actions = List.of(3L, 4L).stream().map(s -> {
      ConnectionResult r = SIM.run(new ConnectionSpec(1,
          dev.hslab.model.engine.ModelEngine.create(dev.hslab.model.config.EngineConfigs.client(hc,
              dev.hslab.model.config.Credentials.forSeed(1), 1, java.util.Optional.empty())),
          dev.hslab.model.engine.ModelEngine.create(dev.hslab.model.config.EngineConfigs.server(hc,
              dev.hslab.model.config.Credentials.forSeed(1), 1, new dev.hslab.model.engine.SessionCache(4))),
          Simulations.script(hc, true), NOISY, Simulations.networkRandom(s, 1)));
      return r.trace().events().stream().filter(e -> e instanceof TraceEvent.OfNetwork)
          .map(e -> ((TraceEvent.OfNetwork) e).action() + "@" + e.timeMs()).collect(Collectors.joining(","));
    }).toList();
    assertThat(actions.get(0)).isNotEqualTo(actions.get(1));
  }

  @Test
  void aThousandLossyConnectionsGiveTheSameOutcomeCountsTwice() {
    // RSA key exchange: the cheapest certificate handshake, to keep the test fast.
    HandshakeConfig hc = HandshakeConfig.of(ProtocolVersion.TLS12, KeyExchange.RSA).withSeed(7);
    NetworkOptions lossy = NetworkOptions.perfect().withLoss(0.05);
    Simulations.Many many = new Simulations.Many(1000, 0.5, 256, false);
    Map<String, Long> first = counts(Simulations.many(SIM, hc, lossy, many));
    Map<String, Long> second = counts(Simulations.many(SIM, hc, lossy, many));
    assertThat(first.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1000);
    assertThat(first).isEqualTo(second);
    // 5% loss over ~14 records per connection: both outcomes occur in numbers.
    assertThat(first.get("established")).isBetween(300L, 700L);
    assertThat(first.keySet()).anyMatch(k -> k.startsWith("timeout:")).anyMatch(k -> k.startsWith("alert:"));
  }

  private static Map<String, Long> counts(List<ConnectionResult> results) {
    return results.stream().collect(Collectors.groupingBy(r -> r.outcome().code(), TreeMap::new, Collectors.counting()));
  }
}
