package dev.hslab.actors;

import dev.hslab.model.crypto.RandomSource;

/**
 * Numbers drawn from the seeded {@link RandomSource}: the network's only randomness, so the same
 * seed gives the same losses, latencies and bit flips.
 */
public final class Draws {

  private final RandomSource source;
  private final byte[] buffer = new byte[8];

  public Draws(RandomSource source) {
    this.source = source;
  }

  /** Uniform in [0, 1), 53 random bits. */
  public double uniform() {
    source.nextBytes(buffer);
    long v = 0;
    for (byte b : buffer) {
      v = (v << 8) | (b & 0xff);
    }
    return (v >>> 11) * 0x1.0p-53;
  }

  /** True with probability {@code p}; draws nothing when p is 0, so unused faults keep the stream. */
  public boolean chance(double p) {
    return p > 0 && uniform() < p;
  }

  /** Uniform in [0, n). */
  public int below(int n) {
    return (int) Math.min(n - 1, Math.floor(uniform() * n));
  }

  /** Box-Muller: one normal deviate from two uniforms. */
  public double normal(double mean, double sd) {
    double u1 = 1.0 - uniform(); // (0, 1]: log stays finite
    double u2 = uniform();
    return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}
