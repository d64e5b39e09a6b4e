package dev.hslab.bench;

import dev.hslab.bench.HandshakeComparisons.Budget;
import java.util.ArrayList;
import java.util.List;

/**
 * The handshake rows again, interleaved in one JVM ({@link Paired}): for each suite and CA family,
 * alternate slices of the model's handshakes, the floor's operations ({@link FloorBenchmark}), and
 * the bare handshakes of SunJSSE and BCJSSE, set up as deployed and the documented way
 * ({@link HandshakeBenchmark}), all on the same pools; each side's median rate over the rounds.
 * (On the project machine JMH's separate runs of the model and the floor gave ratios between 0.54
 * and 0.99 from one run to the next.) The JIT profiles are shared, which is harmless here: the
 * floor's code is a subset of the handshake's (the same BouncyCastle and JDK primitives), and the
 * two set-ups of a peer run the same provider code. Rows {@code paired.SUITE.CA}: {@code model}
 * against {@code floor}, {@code jsse} and {@code bcjsse}; {@code jsse} against {@code jsse-bare},
 * {@code bcjsse} against {@code bcjsse-bare}.
 */
public final class PairedHandshakes {

  /** The engines of {@link HandshakeBenchmark} measured here, in slice order, then the floor. */
  private static final List<String> ENGINES = List.of("model", "jsse", "jsse-bare", "bcjsse", "bcjsse-bare");

  private PairedHandshakes() {}

  public static List<Comparison> run(Budget budget) throws Exception {
    List<Comparison> out = new ArrayList<>();
    for (Suite suite : Suite.values()) {
      for (CaFamily ca : CaFamily.values()) {
        out.addAll(run(suite, ca, budget));
      }
    }
    return out;
  }

  static List<Comparison> run(Suite suite, CaFamily ca, Budget budget) throws Exception {
    List<Paired.Measured> ops = new ArrayList<>();
    for (String engine : ENGINES) {
      HandshakeBenchmark b = new HandshakeBenchmark();
      b.suite = suite;
      b.ca = ca;
      b.engine = engine;
      b.pool = budget.pool();
      b.setUp();
      ops.add(Paired.Measured.one(b::handshake));
    }
    FloorBenchmark floor = new FloorBenchmark();
    floor.suite = suite;
    floor.ca = ca;
    floor.pool = budget.pool();
    floor.setUp();
    ops.add(Paired.Measured.one(floor::floor));
    double[] rates = Paired.medianRates(ops, budget);
    double model = rates[0];
    double jsse = rates[1];
    double jsseBare = rates[2];
    double bcjsse = rates[3];
    double bcjsseBare = rates[4];
    double floorRate = rates[5];
    String name = "paired." + suite.label() + "." + ca.label();
    return List.of(
        new Comparison(name, "model", "floor", model, floorRate),
        new Comparison(name, "model", "jsse", model, jsse),
        new Comparison(name, "model", "bcjsse", model, bcjsse),
        new Comparison(name, "jsse", "jsse-bare", jsse, jsseBare),
        new Comparison(name, "bcjsse", "bcjsse-bare", bcjsse, bcjsseBare));
  }
}
