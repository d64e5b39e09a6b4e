package dev.hslab.actors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.concrete.PathReplay;
import dev.hslab.model.explore.ExplorationReport;
import dev.hslab.model.explore.ExploreOptions;
import dev.hslab.model.explore.Explorer;
import dev.hslab.model.explore.ValidPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 6's concrete replay: the explorer's valid paths, replayed through the client, server and
 * network actors with real crypto, complete with exactly the explorer's message sequence. A
 * deterministic sample of the whole space (every 24th path the command line can express) keeps
 * the run short; every key exchange, version and resumption kind is in it.
 */
class PathReplayThroughActorsTest {

  @Test
  void validPathsReplayThroughTheActorsWithExactlyTheirSequence() {
    ExplorationReport r = Explorer.explore(ExploreOptions.all());
    List<PathReplay.Replay> replays = new ArrayList<>();
    List<ValidPath> paths = r.paths();
    try (Simulator sim = Simulator.start()) {
      for (int i = 0; i < paths.size(); i += 24) {
        Optional<PathReplay.Replay> p = PathReplay.replay(paths.get(i), 5, hc -> Simulations
            .connections(sim, hc, NetworkOptions.perfect(), EngineFactory.MODEL, EngineFactory.MODEL).stream()
            .map(ConnectionResult::toConnection).toList());
        p.ifPresent(replays::add);
      }
    }
    assertThat(replays).hasSizeGreaterThan(60);
    for (PathReplay.Replay p : replays) {
      assertThat(p.actual()).as("%s", p.path().configuration()).containsExactlyElementsOf(p.path().messages());
    }
  }
}
