package dev.hslab.scenario;

import java.util.List;

/**
 * The simulated network of a scenario, mirroring docs/cli.md's network flags ({@code --loss},
 * {@code --dup}, {@code --reorder}, {@code --corrupt}, {@code --latency}, {@code --fault}) plus
 * partitions. A plain data record: the actors' network options are built from it at merge.
 *
 * @param loss probability that a record is lost, per record (likewise dup, reorder, corrupt)
 * @param latencyMinMs one-way latency lower bound in milliseconds (equal bounds: fixed latency)
 * @param partitions time windows in which the link carries nothing, either way
 */
public record NetworkOptions(
    double loss, double dup, double reorder, double corrupt, double latencyMinMs, double latencyMaxMs,
    List<Fault> faults, List<Partition> partitions) {

  /** From {@code fromMs} (inclusive) to {@code toMs} (exclusive) of virtual time, nothing crosses. */
  public record Partition(double fromMs, double toMs) {}

  /** A perfect link: no loss, no latency, no faults. */
  public static final NetworkOptions PERFECT = new NetworkOptions(0, 0, 0, 0, 0, 0, List.of(), List.of());

  public NetworkOptions {
    faults = List.copyOf(faults);
    partitions = List.copyOf(partitions);
  }

  /**
   * Whether the in-memory loopback can run this network faithfully: it delivers every record in
   * order, at once. Latency alone does not change what is sent, but the loopback has no clock, so
   * it too needs the actors' virtual time.
   */
  public boolean perfect() {
    return equals(PERFECT);
  }
}
