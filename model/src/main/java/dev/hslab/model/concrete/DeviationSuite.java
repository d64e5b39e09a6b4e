package dev.hslab.model.concrete;

import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.explore.Configuration;
import dev.hslab.model.explore.Deviation;
import dev.hslab.model.explore.Deviations;
import dev.hslab.model.explore.ExplorationReport;
import dev.hslab.model.explore.ExploreOptions;
import dev.hslab.model.explore.Explorer;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code hslab deviate}'s work: for each connection of a command-line configuration, the explorer's
 * valid paths, the deviant traces of the canonical one with their expected outcomes, and each
 * run concretely against the engine under test.
 */
public final class DeviationSuite {

  private DeviationSuite() {}

  /**
   * What was run.
   *
   * @param configurations the explorer configuration of each connection
   * @param runs every deviant trace with what the engine did, in path and mutation order
   */
  public record Result(HandshakeConfig config, List<Configuration> configurations, List<DeviationRun> runs) {
    public Result {
      configurations = List.copyOf(configurations);
      runs = List.copyOf(runs);
    }

    public long ran() {
      return runs.stream().filter(DeviationRun::ran).count();
    }

    public long mismatches() {
      return runs.stream().filter(r -> r.ran() && !r.matches()).count();
    }

    public long findings() {
      return runs.stream().filter(DeviationRun::acceptsWhatModelRejects).count();
    }
  }

  /** Every deviant trace of {@code hc}'s connections, run against {@code sut}. */
  public static Result run(HandshakeConfig hc, EngineUnderTest sut) {
    List<Configuration> configs = ConfigMapping.toExplorer(hc);
    if (configs.isEmpty()) {
      throw new IllegalArgumentException("the explorer cannot express this configuration (several key exchanges offered?)");
    }
    MessageSamples samples = MessageSamples.forConfig(hc);
    List<DeviationRun> runs = new ArrayList<>();
    for (int i = 0; i < configs.size(); i++) {
      Configuration c = configs.get(i);
      List<String> path = Deviations.canonicalPath(c);
      ExplorationReport r = Explorer.explore(ExploreOptions.of(List.of(c)));
      if (!r.pathsFor(c).contains(path)) {
        continue; // a configuration that cannot complete has no valid path to mutate
      }
      DeviationDriver driver = new DeviationDriver(c, new ConfigMapping.Target(hc, i + 1), sut, samples);
      for (Deviation d : Deviations.derive(c, path)) {
        runs.add(driver.run(d));
      }
    }
    return new Result(hc, configs, runs);
  }
}
