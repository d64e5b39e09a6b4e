package dev.hslab.actors;

import dev.hslab.actors.tcp.TcpOptions;
import dev.hslab.model.fault.Fault;
import dev.hslab.model.handshake.Side;
import java.util.List;

/**
 * What the simulated network does to records (or, under TCP, to segments), and the endpoints' timeouts, all in virtual time
 * (docs/cli.md "Network faults"). Random faults are probabilities per record, drawn from the
 * seeded network source; aimed faults hit one message each. Typed values only: the command line
 * and the scenario reader read the text grammar (the scenarios module's {@code NetworkGrammar}).
 *
 * @param loss probability a record (under TCP: a segment) is lost
 * @param duplicate probability a record (segment) arrives twice
 * @param reorder probability a record (segment) is swapped with its sender's next one
 * @param corrupt probability one random bit of the record (header included; under TCP, of the
 *     segment, which its receiver then drops by checksum) is flipped
 * @param truncate probability the record is cut short (not a docs/cli.md flag; API only; not under TCP)
 * @param toServer latency of the client's records
 * @param toClient latency of the server's records
 * @param handshakeTimeoutMs how long an endpoint waits for a handshake to complete
 * @param idleTimeoutMs how long an established endpoint waits without traffic before giving up
 * @param transport what carries the records: under {@link Transport#TCP} the random faults, the
 *     latency and the partitions act on TCP segments, and the aimed faults on the records written
 *     into the stream (a middlebox above TCP); under {@link Transport#NONE} all act on records
 * @param tcp the TCP parameters, used under {@link Transport#TCP}
 */
public record NetworkOptions(
    double loss, double duplicate, double reorder, double corrupt, double truncate,
    Latency toServer, Latency toClient, List<Partition> partitions, List<Fault> faults,
    double handshakeTimeoutMs, double idleTimeoutMs, Transport transport, TcpOptions tcp) {

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
    java.util.Objects.requireNonNull(transport, "transport");
    java.util.Objects.requireNonNull(tcp, "tcp");
    if (!(handshakeTimeoutMs > 0) || !(idleTimeoutMs > 0)) {
      throw new IllegalArgumentException("timeouts must be positive, got " + handshakeTimeoutMs + " and " + idleTimeoutMs);
    }
  }

  /**
   * No faults, 1 ms each way, 30 s handshake and 60 s idle timeouts, records carried as they are
   * ({@link Transport#NONE}; the command line and scenario files default to TCP).
   */
  public static NetworkOptions perfect() {
    Latency l = new Latency.Fixed(DEFAULT_LATENCY_MS);
    return new NetworkOptions(0, 0, 0, 0, 0, l, l, List.of(), List.of(), DEFAULT_HANDSHAKE_TIMEOUT_MS,
        DEFAULT_IDLE_TIMEOUT_MS, Transport.NONE, TcpOptions.defaults());
  }

  public NetworkOptions withLoss(double p) {
    return new NetworkOptions(p, duplicate, reorder, corrupt, truncate, toServer, toClient, partitions, faults,
        handshakeTimeoutMs, idleTimeoutMs, transport, tcp);
  }

  public NetworkOptions withRandomFaults(double lossP, double dupP, double reorderP, double corruptP, double truncateP) {
    return new NetworkOptions(lossP, dupP, reorderP, corruptP, truncateP, toServer, toClient, partitions, faults,
        handshakeTimeoutMs, idleTimeoutMs, transport, tcp);
  }

  public NetworkOptions withLatency(Latency both) {
    return withLatency(both, both);
  }

  public NetworkOptions withLatency(Latency clientToServer, Latency serverToClient) {
    return new NetworkOptions(loss, duplicate, reorder, corrupt, truncate, clientToServer, serverToClient, partitions,
        faults, handshakeTimeoutMs, idleTimeoutMs, transport, tcp);
  }

  public NetworkOptions withPartitions(List<Partition> p) {
    return new NetworkOptions(loss, duplicate, reorder, corrupt, truncate, toServer, toClient, p, faults,
        handshakeTimeoutMs, idleTimeoutMs, transport, tcp);
  }

  public NetworkOptions withFaults(List<Fault> f) {
    return new NetworkOptions(loss, duplicate, reorder, corrupt, truncate, toServer, toClient, partitions, f,
        handshakeTimeoutMs, idleTimeoutMs, transport, tcp);
  }

  public NetworkOptions withTimeouts(double handshakeMs, double idleMs) {
    return new NetworkOptions(loss, duplicate, reorder, corrupt, truncate, toServer, toClient, partitions, faults,
        handshakeMs, idleMs, transport, tcp);
  }

  public NetworkOptions withTransport(Transport t) {
    return new NetworkOptions(loss, duplicate, reorder, corrupt, truncate, toServer, toClient, partitions, faults,
        handshakeTimeoutMs, idleTimeoutMs, t, tcp);
  }

  public NetworkOptions withTcp(TcpOptions t) {
    return new NetworkOptions(loss, duplicate, reorder, corrupt, truncate, toServer, toClient, partitions, faults,
        handshakeTimeoutMs, idleTimeoutMs, transport, t);
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
