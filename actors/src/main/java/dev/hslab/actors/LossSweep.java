package dev.hslab.actors;

import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.handshake.Outcome;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;

/**
 * One configuration over the same network at several loss rates: at each rate, {@code connections}
 * clients against one server ({@link Simulations#many}), and what became of each connection. Only
 * the loss probability changes between rates: the rest of the network, the seed and so every
 * other draw stay the same. Each connection's facts are read from its trace (its outcome, {@link
 * dev.hslab.model.trace.Trace#handshakeCompletedAt()}), never worked out again here.
 */
public final class LossSweep {

  /** The nearest-rank percentiles a sweep reports: p50, p90, p99 and the maximum (p100). */
  public static final List<Integer> REPORTED_PERCENTILES = List.of(50, 90, 99, 100);

  private LossSweep() {}

  /**
   * What to sweep.
   *
   * @param losses the loss probabilities, in the order to run and report them, each once
   * @param connections connections per loss rate
   * @param resumingShare of those, the share that resumes a session of the first wave (0: none)
   * @param maxInFlight connections simulated at a time (does not change the results)
   */
  public record Options(List<Double> losses, int connections, double resumingShare, int maxInFlight) {
    public Options {
      losses = List.copyOf(losses);
      if (losses.isEmpty()) {
        throw new IllegalArgumentException("no loss rate to sweep");
      }
      Set<Double> seen = new HashSet<>();
      for (double p : losses) {
        if (!(p >= 0 && p <= 1)) {
          throw new IllegalArgumentException("loss probability " + p + " is not between 0 and 1");
        }
        if (!seen.add(p)) {
          throw new IllegalArgumentException("loss probability " + p + " is given twice");
        }
      }
      if (connections < 1) {
        throw new IllegalArgumentException("connections must be at least 1, got " + connections);
      }
    }
  }

  /**
   * One connection of a sweep, as its trace recorded it.
   *
   * @param index its number within its loss rate, from 1
   * @param handshakeMs when its handshake completed ({@link dev.hslab.model.trace.Trace#handshakeCompletedAt()}),
   *     empty when it did not
   */
  public record Connection(int index, Outcome outcome, OptionalDouble handshakeMs) {

    static Connection of(ConnectionResult r) {
      return new Connection(r.index(), r.outcome(), r.trace().handshakeCompletedAt());
    }

    /** Both endpoints became established, whatever happened afterwards. */
    public boolean completed() {
      return handshakeMs.isPresent();
    }
  }

  /** Every connection run at one loss rate, in index order. */
  public record Rate(double loss, List<Connection> connections) {

    public Rate {
      connections = List.copyOf(connections);
    }

    /** How many connections completed their handshake. */
    public int completed() {
      return (int) connections.stream().filter(Connection::completed).count();
    }

    /** {@link #completed()} over all connections, 0 to 1. */
    public double completionRate() {
      return connections.isEmpty() ? 0 : (double) completed() / connections.size();
    }

    /** The handshake times of the connections that completed, in virtual ms, ascending. */
    public double[] handshakeTimes() {
      return connections.stream().filter(Connection::completed).mapToDouble(c -> c.handshakeMs().getAsDouble())
          .sorted().toArray();
    }

    /**
     * The {@code percent}-th percentile of the completed handshakes' times by the nearest-rank
     * method: the smallest time such that at least {@code percent}% of them are no larger, i.e.
     * the ⌈percent/100 · n⌉-th smallest of the n times (100: the maximum). Empty when none completed.
     */
    public OptionalDouble percentile(int percent) {
      if (percent < 1 || percent > 100) {
        throw new IllegalArgumentException("percentile " + percent + " is not between 1 and 100");
      }
      double[] t = handshakeTimes();
      if (t.length == 0) {
        return OptionalDouble.empty();
      }
      // ceil(percent * n / 100) in integers, so that 99 % of 100 is rank 99, not 100 by rounding.
      int rank = (percent * t.length + 99) / 100;
      return OptionalDouble.of(t[rank - 1]);
    }

    /** How the connections that did not end {@code established} ended: outcome code → count, by code. */
    public Map<String, Long> failures() {
      Map<String, Long> out = new TreeMap<>();
      for (Connection c : connections) {
        if (!c.outcome().established()) {
          out.merge(c.outcome().code(), 1L, Long::sum);
        }
      }
      return out;
    }
  }

  /** Runs the sweep: the rates one after the other, each over {@code network} with that loss. */
  public static List<Rate> run(Simulator sim, HandshakeConfig hc, NetworkOptions network, Options options) {
    List<Rate> out = new ArrayList<>();
    for (double loss : options.losses()) {
      List<ConnectionResult> results = Simulations.many(sim, hc, network.withLoss(loss),
          new Simulations.Many(options.connections(), options.resumingShare(), options.maxInFlight(), false));
      out.add(new Rate(loss, results.stream().map(Connection::of).toList()));
    }
    return out;
  }
}
