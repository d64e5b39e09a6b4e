package dev.hslab.model.concrete;

import dev.hslab.model.explore.ValidPath;
import dev.hslab.model.loopback.LoopbackRun;
import java.util.List;
import java.util.Optional;

/**
 * Concrete replay (issue 6): a valid path the explorer found is run with the model engines and
 * real crypto over the in-memory loopback ({@link LoopbackRun}), and the connection must exchange
 * exactly that sequence. The loopback's labels are restricted as the path's are: application data
 * and close_notify left out.
 */
public final class PathReplay {

  private PathReplay() {}

  /**
   * One replay: the path, where it ran, and the sequence the engines exchanged.
   *
   * @param target the command-line configuration and connection that realise the path's configuration
   * @param actual the labels of that connection's trace, restricted like a path
   */
  public record Replay(ValidPath path, ConfigMapping.Target target, List<String> actual) {
    public Replay {
      actual = List.copyOf(actual);
    }

    public boolean matches() {
      return actual.equals(path.messages());
    }
  }

  /** Replays {@code path} with the credentials of {@code seed}; empty if the command line cannot express it. */
  public static Optional<Replay> replay(ValidPath path, long seed) {
    return replay(path, seed, LoopbackRun::run);
  }

  /** Replays {@code path} with any runner of a configuration, e.g. the actors' simulated network. */
  public static Optional<Replay> replay(ValidPath path, long seed,
      java.util.function.Function<dev.hslab.model.config.HandshakeConfig, List<LoopbackRun.Connection>> runner) {
    return ConfigMapping.toHandshake(path.configuration(), seed).map(t -> {
      List<LoopbackRun.Connection> runs = runner.apply(t.config());
      List<String> actual = runs.size() < t.connection() ? List.of()
          : restrict(runs.get(t.connection() - 1).trace().labels());
      return new Replay(path, t, actual);
    });
  }

  /** A trace's labels as a path lists them: application data and close_notify left out. */
  public static List<String> restrict(List<String> labels) {
    return labels.stream().filter(l -> !l.endsWith(".application_data") && !l.endsWith(".close_notify")).toList();
  }
}
