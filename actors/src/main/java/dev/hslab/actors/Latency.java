package dev.hslab.actors;

/** How long a record takes in one direction, in virtual milliseconds. */
public sealed interface Latency {

  /** Draws one latency; a fixed latency draws nothing, so it never shifts the random stream. */
  double draw(Draws random);

  record Fixed(double ms) implements Latency {
    public Fixed {
      requireNonNegative(ms, "latency");
    }

    @Override
    public double draw(Draws random) {
      return ms;
    }
  }

  record Uniform(double minMs, double maxMs) implements Latency {
    public Uniform {
      requireNonNegative(minMs, "minimum latency");
      if (!(maxMs >= minMs)) {
        throw new IllegalArgumentException("latency range " + minMs + "-" + maxMs + " ms is empty");
      }
    }

    @Override
    public double draw(Draws random) {
      return minMs + random.uniform() * (maxMs - minMs);
    }
  }

  /** A normal distribution, cut at zero (a record never arrives before it is sent). */
  record Normal(double meanMs, double sdMs) implements Latency {
    public Normal {
      requireNonNegative(meanMs, "mean latency");
      requireNonNegative(sdMs, "latency deviation");
    }

    @Override
    public double draw(Draws random) {
      return Math.max(0, random.normal(meanMs, sdMs));
    }
  }

  private static void requireNonNegative(double v, String what) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(what + " must be a non-negative number of ms, got " + v);
    }
  }
}
