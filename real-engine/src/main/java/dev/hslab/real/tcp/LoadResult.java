package dev.hslab.real.tcp;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every connection of a load, in connection order, and how long the load took.
 *
 * @param connections one per connection
 * @param seconds wall time from the first connect to the last close
 */
public record LoadResult(List<Connection> connections, double seconds) {

  public LoadResult {
    connections = List.copyOf(connections);
  }

  /**
   * How one connection ended.
   *
   * @param n its number from 1
   * @param reason null when it succeeded; else a stable key, the failing phase after a colon,
   *     e.g. {@code handshake_failed}, {@code timeout:answer}, {@code io_error:close}
   * @param detail what happened, or the negotiated protocol and suite when it succeeded
   * @param handshakeNanos from connect to the end of the handshake (0 when it failed)
   */
  public record Connection(int n, String reason, String detail, long handshakeNanos) {

    static Connection ok(int n, String negotiated, long handshakeNanos) {
      return new Connection(n, null, negotiated, handshakeNanos);
    }

    static Connection failed(int n, String reason, String detail) {
      return new Connection(n, reason, detail, 0);
    }

    public boolean succeeded() {
      return reason == null;
    }
  }

  public int succeeded() {
    return (int) connections.stream().filter(Connection::succeeded).count();
  }

  public int failed() {
    return connections.size() - succeeded();
  }

  /** Failure reasons with their counts, sorted by reason. */
  public Map<String, Integer> failedByReason() {
    Map<String, Integer> m = new TreeMap<>();
    connections.stream().filter(c -> !c.succeeded()).forEach(c -> m.merge(c.reason(), 1, Integer::sum));
    return m;
  }

  /** The first failure's detail for each reason. */
  public Map<String, String> failureExamples() {
    Map<String, String> m = new TreeMap<>();
    connections.stream().filter(c -> !c.succeeded()).forEach(c -> m.putIfAbsent(c.reason(), c.detail()));
    return m;
  }

  /** Successful connections by negotiated protocol and suite. */
  public Map<String, Integer> negotiated() {
    Map<String, Integer> m = new TreeMap<>();
    connections.stream().filter(Connection::succeeded).forEach(c -> m.merge(c.detail(), 1, Integer::sum));
    return m;
  }

  /** The handshake time at quantile {@code q} (0-1) of the successful connections, in milliseconds; 0 if none. */
  public double handshakeMillis(double q) {
    long[] t = connections.stream().filter(Connection::succeeded).mapToLong(Connection::handshakeNanos).sorted()
        .toArray();
    if (t.length == 0) {
      return 0;
    }
    int i = (int) Math.min(t.length - 1, Math.ceil(q * t.length) - 1);
    return t[Math.max(0, i)] / 1e6;
  }

  public double connectionsPerSecond() {
    return seconds > 0 ? connections.size() / seconds : 0;
  }
}
