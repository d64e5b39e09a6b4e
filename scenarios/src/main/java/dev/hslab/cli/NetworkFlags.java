package dev.hslab.cli;

import dev.hslab.actors.NetworkOptions;
import dev.hslab.actors.Transport;
import dev.hslab.scenario.NetworkGrammar;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The network flags of docs/cli.md but {@code --loss}: the transport, random faults (on TCP
 * segments under TCP, on records under none), latency and aimed faults (always on TLS records).
 * {@code run} takes one loss probability ({@link LossFlag}), {@code sweep} a list of them, the
 * rest the same.
 */
final class NetworkFlags {

  @Option(names = "--transport", paramLabel = "tcp|none", completionCandidates = TransportNames.class,
      description = "what carries the TLS records: tcp (default; the random faults hit its segments, which it recovers) "
          + "or none (the random faults hit records, nothing recovers them)")
  String transport;

  @Option(names = "--min-rto", paramLabel = "MS",
      description = "TCP's lower bound on the retransmission timeout: 1000 (RFC 6298, default) or 200 (Linux)")
  Double minRto;

  @Option(names = "--dup", paramLabel = "P", description = "probability that a segment (record) is duplicated")
  Double dup;

  @Option(names = "--reorder", paramLabel = "P", description = "probability that a segment (record) swaps with the next")
  Double reorder;

  @Option(names = "--corrupt", paramLabel = "P",
      description = "probability that a segment (record) has a bit flipped; TCP drops it by checksum")
  Double corrupt;

  @Option(names = "--latency", paramLabel = "MS|MIN-MAX", description = "one-way latency in virtual milliseconds")
  String latency;

  @Option(names = "--fault", paramLabel = "KIND:TARGET[:ARG]",
      description = "an aimed fault on a TLS record, repeatable (a middlebox altering the TLS byte stream above TCP): "
          + "drop|duplicate|delay|corrupt|truncate|reorder|inject, e.g. drop:server.server_key_exchange, corrupt:client.finished:5")
  List<String> faults = new ArrayList<>();

  /** The network these flags describe, losing records with probability {@code loss} (null: none). */
  NetworkOptions toOptions(Double loss) throws UsageException {
    try {
      return NetworkGrammar.fromFlags(loss, dup, reorder, corrupt, latency, faults, transport, minRto);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /**
   * As {@link #toOptions(Double)}, for a DTLS run when {@code dtls}: DTLS carries its own
   * datagrams over the simulated UDP network ({@link Transport#UDP}) and recovers loss with its
   * own timers (RFC 6347 §4.2.4), so {@code --transport} (what carries TLS) does not apply.
   */
  NetworkOptions toOptions(Double loss, boolean dtls) throws UsageException {
    if (!dtls) {
      return toOptions(loss);
    }
    if (transport != null) {
      throw new UsageException("--transport " + transport
          + ": DTLS carries its own datagrams over UDP; --transport chooses what carries TLS (tcp|none)");
    }
    return toOptions(loss).withTransport(Transport.UDP);
  }

  /** Tab completion's words for {@code --transport}: what {@link NetworkGrammar#transport} reads. */
  static final class TransportNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return NetworkGrammar.TRANSPORTS.stream().map(Transport::label).iterator();
    }
  }
}
