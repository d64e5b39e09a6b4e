package dev.hslab.actors;

import dev.hslab.model.fault.Fault;
import dev.hslab.model.handshake.Side;
import java.util.List;

/**
 * What the simulated network does to records, and the endpoints' timeouts, all in virtual time
 * (docs/cli.md "Network faults"). Random faults are probabilities per record, drawn from the
 * seeded network source; aimed faults hit one message each. Typed values only: the command line
 * and the scenario reader read the text grammar (the scenarios module's {@code NetworkGrammar}).
 *
 * @param loss probability a record is lost
 * @param duplicate probability a record arrives twice
 * @param reorder probability a record is swapped with its sender's next record
 * @param corrupt probability one random bit of the record (header included) is flipped
 * @param truncate probability the record is cut short (not a docs/cli.md flag; API only)
 * @param toServer latency of the client's records
 * @param toClient latency of the server's records
 * @param handshakeTimeoutMs how long an endpoint waits for a handshake to complete
 * @param idleTimeoutMs how long an established endpoint waits without traffic before giving up
 */
public record NetworkOptions(
    double loss, double duplicate, double reorder, double corrupt, double truncate,
    Latency toServer, Latency toClient, List<Partition> partitions, List<Fault> faults,
    double handshakeTimeoutMs, double idleTimeoutMs) {

  public static final double DEFAULT_LATENCY_MS = 1.0;
  public static final double DEFAULT_HANDSHAKE_TIMEOUT_MS = 30_000;
  public static final double DEFAULT_IDLE_TIMEOUT_MS = 60_000;

  public NetworkOptions {
    probability("loss", loss);
    probability("duplicate", duplicate);
    probability("reorder", reorder);
    probability("corrupt", corrupt);
    probability("truncate", truncate);
    partitions = List.copyOf(partitions);
    faults = List.copyOf(faults);
    if (!(handshakeTimeoutMs > 0) || !(idleTimeoutMs > 0)) {
      throw new IllegalArgumentException("timeouts must be positive, got " + handshakeTimeoutMs + " and " + idleTimeoutMs);
    }
  }

  /** No faults, 1 ms each way, 30 s handshake and 60 s idle timeouts. */
  public static NetworkOptions perfect() {
    Latency l = new Latency.Fixed(DEFAULT_LATENCY_MS);
    return new NetworkOptions(0, 0, 0, 0, 0, l, l, List.of(), List.of(), DEFAULT_HANDSHAKE_TIMEOUT_MS,
        DEFAULT_IDLE_TIMEOUT_MS);
  }

  public NetworkOptions withLoss(double p) {
    return new NetworkOptions(p, duplicate, reorder, corrupt, truncate, toServer, toClient, partitions, faults,
        handshakeTimeoutMs, idleTimeoutMs);
  }

  public NetworkOptions withRandomFaults(double lossP, double dupP, double reorderP, double corruptP, double truncateP) {
    return new NetworkOptions(lossP, dupP, reorderP, corruptP, truncateP, toServer, toClient, partitions, faults,
        handshakeTimeoutMs, idleTimeoutMs);
  }

  public NetworkOptions withLatency(Latency both) {
    return withLatency(both, both);
  }

  public NetworkOptions withLatency(Latency clientToServer, Latency serverToClient) {
    return new NetworkOptions(loss, duplicate, reorder, corrupt, truncate, clientToServer, serverToClient, partitions,
        faults, handshakeTimeoutMs, idleTimeoutMs);
  }

  public NetworkOptions withPartitions(List<Partition> p) {
    return new NetworkOptions(loss, duplicate, reorder, corrupt, truncate, toServer, toClient, p, faults,
        handshakeTimeoutMs, idleTimeoutMs);
  }

  public NetworkOptions withFaults(List<Fault> f) {
    return new NetworkOptions(loss, duplicate, reorder, corrupt, truncate, toServer, toClient, partitions, f,
        handshakeTimeoutMs, idleTimeoutMs);
  }

  public NetworkOptions withTimeouts(double handshakeMs, double idleMs) {
    return new NetworkOptions(loss, duplicate, reorder, corrupt, truncate, toServer, toClient, partitions, faults,
        handshakeMs, idleMs);
  }

  /** The latency of records {@code from} sends. */
  public Latency latencyFrom(Side from) {
    return from == Side.CLIENT ? toServer : toClient;
  }

  private static void probability(String what, double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException(what + " probability " + Network.ms(p) + " is not between 0 and 1");
    }
  }
}
