package dev.hslab.model.concrete;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.explore.Configuration;
import dev.hslab.model.explore.ConfigurationSpace;
import dev.hslab.model.explore.ExplorationReport;
import dev.hslab.model.explore.ExploreOptions;
import dev.hslab.model.explore.Explorer;
import dev.hslab.model.explore.ValidPath;
import dev.hslab.model.handshake.Renegotiation;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every valid path the explorer finds replays, with real crypto, as exactly that sequence. */
class PathReplayTest {

  @Test
  void everyExpressibleConfigurationMapsBackToItselfUpToWhoCloses() {
    int expressible = 0;
    for (Configuration c : ConfigurationSpace.all()) {
      var target = ConfigMapping.toHandshake(c, 1);
      if (target.isEmpty()) {
        assertThat(c.renegotiation() != Renegotiation.NONE).as("%s", c).isTrue();
        continue;
      }
      expressible++;
      List<Configuration> back = ConfigMapping.toExplorer(target.get().config());
      assertThat(back.get(target.get().connection() - 1)).as("%s", c).isEqualTo(c.withCloser(Side.CLIENT));
    }
    assertThat(expressible).isGreaterThan(ConfigurationSpace.all().size() / 3);
  }

  @Test
  void aRefusedRenegotiationIsNotExpressibleOnTheCommandLine() {
    Configuration refused = Configuration.of(ProtocolVersion.TLS12, KeyExchange.RSA)
        .withRenegotiation(Renegotiation.CLIENT, false);
    assertThat(ConfigMapping.toHandshake(refused, 1)).isEmpty();
  }

  /**
   * A deterministic sample of the space (every 8th command-line configuration, so every version,
   * key exchange and flow shows up): each path replays exactly. The whole space (1,872 paths over
   * 849 command-line configurations) takes minutes; hslab explore's report lists it.
   */
  @Test
  void sampledValidPathsReplayAsExactlyThatSequence() {
    ExplorationReport r = Explorer.explore(ExploreOptions.all());
    Map<HandshakeConfig, List<ValidPath>> byConfig = new LinkedHashMap<>();
    for (ValidPath p : r.paths()) {
      ConfigMapping.toHandshake(p.configuration(), 1)
          .ifPresent(t -> byConfig.computeIfAbsent(t.config(), k -> new ArrayList<>()).add(p));
    }
    int n = 0;
    int replayed = 0;
    for (List<ValidPath> paths : byConfig.values()) {
      if (n++ % 8 != 0) {
        continue;
      }
      for (ValidPath p : paths) {
        PathReplay.Replay replay = PathReplay.replay(p, 1).orElseThrow();
        assertThat(replay.actual()).as("%s", p.configuration()).isEqualTo(p.messages());
        replayed++;
      }
    }
    assertThat(replayed).isGreaterThan(200);
  }

  @Test
  void replayComparesHandshakeLabelsOnly() {
    assertThat(PathReplay.restrict(List.of("client.client_hello", "client.application_data", "server.close_notify",
        "server.no_renegotiation"))).containsExactly("client.client_hello", "server.no_renegotiation");
  }
}
