package dev.hslab.cli;

import dev.hslab.actors.NetworkOptions;
import dev.hslab.scenario.NetworkGrammar;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The network flags of docs/cli.md but {@code --loss}: random faults, latency and aimed faults.
 * {@code run} takes one loss probability ({@link LossFlag}), {@code sweep} a list of them, the
 * rest the same.
 */
final class NetworkFlags {

  @Option(names = "--dup", paramLabel = "P", description = "probability that a record is duplicated")
  Double dup;

  @Option(names = "--reorder", paramLabel = "P", description = "probability that a record swaps with the next")
  Double reorder;

  @Option(names = "--corrupt", paramLabel = "P", description = "probability that a record has a bit flipped")
  Double corrupt;

  @Option(names = "--latency", paramLabel = "MS|MIN-MAX", description = "one-way latency in virtual milliseconds")
  String latency;

  @Option(names = "--fault", paramLabel = "KIND:TARGET[:ARG]",
      description = "an aimed fault, repeatable: drop|duplicate|delay|corrupt|truncate|reorder|inject, "
          + "e.g. drop:server.server_key_exchange, corrupt:client.finished:5")
  List<String> faults = new ArrayList<>();

  /** The network these flags describe, losing records with probability {@code loss} (null: none). */
  NetworkOptions toOptions(Double loss) throws UsageException {
    try {
      return NetworkGrammar.fromFlags(loss, dup, reorder, corrupt, latency, faults);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
