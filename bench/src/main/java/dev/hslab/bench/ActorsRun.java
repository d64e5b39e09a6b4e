package dev.hslab.bench;

import dev.hslab.actors.NetworkOptions;
import java.util.Locale;

/**
 * How {@link ActorsBenchmark} runs its batch: in memory over the loopback on the benchmark's own
 * thread (the baseline), or through the actors on a dispatcher of 1 or 2 threads over a lossless
 * or a lossy network (virtual time: latency and timeouts cost no real time).
 */
public enum ActorsRun {
  LOOPBACK(0, 0),
  LOSSLESS_1(1, 0),
  /** 1% of records lost (docs/cli.md {@code --loss 0.01}); a loss is not retransmitted, so its connection fails. */
  LOSSY_1(1, 0.01),
  LOSSLESS_2(2, 0);

  private final int threads;
  private final double loss;

  ActorsRun(int threads, double loss) {
    this.threads = threads;
    this.loss = loss;
  }

  /** The actor system's dispatcher threads; 0 for the loopback. */
  public int threads() {
    return threads;
  }

  public boolean lossy() {
    return loss > 0;
  }

  /** 1 ms each way, the default timeouts (30 s handshake, 60 s idle), and this run's loss. */
  public NetworkOptions network() {
    return NetworkOptions.perfect().withLoss(loss);
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
