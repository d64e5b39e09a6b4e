package dev.hslab.actors;

import dev.hslab.model.config.Credentials;
import dev.hslab.model.config.EngineConfigs;
import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.engine.ModelEngine;
import dev.hslab.model.engine.SessionCache;
import dev.hslab.model.loopback.Loopback;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The scale benchmark (issue 5): not a unit test. Run by hand:
 * {@code mvn -B -q -o -pl actors -am test -Dtest=ScaleBench -Dsurefire.failIfNoSpecifiedTests=false -Dhslab.bench=true}.
 *
 * <ol>
 *   <li>Ratio: the same suite (reference, TLS 1.2 ECDHE_RSA) and script over the in-memory loopback
 *       and through the actors on a perfect network, measured in the same JVM after a warm-up.
 *   <li>Scale: 10,000 connections to one server (shared session cache), half of them resuming, 1%
 *       loss, all in flight at once; every connection accounted for, peak heap reported.
 * </ol>
 */
public final class ScaleBench {

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    HandshakeConfig hc = HandshakeConfig.reference().withSeed(42);
    try (Simulator sim = Simulator.start()) {
      loopback(hc, 300);
      actors(sim, hc, 300);
      long c0 = cpuNanos();
      double lb = loopback(hc, 2000);
      long c1 = cpuNanos();
      double ac = actors(sim, hc, 2000);
      long c2 = cpuNanos();
      double lbCpu = (c1 - c0) / 1e6 / 2000;
      double acCpu = (c2 - c1) / 1e6 / 2000;
      System.out.printf("ratio: loopback %.0f conn/s (1 thread, %.2f ms CPU/conn), actors %.0f conn/s (%.2f ms CPU/conn),"
          + " throughput actors/loopback = %.2f, CPU cost actors/loopback = %.2f%n", lb, lbCpu, ac, acCpu, ac / lb,
          acCpu / lbCpu);
      resetPeaks();
      long t0 = System.nanoTime();
      List<ConnectionResult> rs = Simulations.many(sim, hc, NetworkOptions.perfect().withLoss(0.01),
          new Simulations.Many(n, 0.5, n, false));
      double s = (System.nanoTime() - t0) / 1e9;
      Map<String, Long> counts = rs.stream().collect(Collectors.groupingBy(r -> r.outcome().established()
          ? "established" : "failed", TreeMap::new, Collectors.counting()));
      long resumed = rs.stream().filter(r -> r.outcome().established()
          && r.client().negotiated().map(x -> x.resumed()).orElse(false)).count();
      System.out.printf("scale: %d started, %s (resumed %d), %.1f s, %.0f conn/s, peak heap %d MB%n", n, counts, resumed,
          s, n / s, peakHeapMb());
    }
  }

  private static double loopback(HandshakeConfig hc, int count) {
    Credentials creds = Credentials.forSeed(hc.seed());
    SessionCache cache = new SessionCache(count + 1);
    long t0 = System.nanoTime();
    for (int i = 1; i <= count; i++) {
      Loopback.run(ModelEngine.create(EngineConfigs.client(hc, creds, i, Optional.empty())),
          ModelEngine.create(EngineConfigs.server(hc, creds, i, cache)), Simulations.script(hc, true));
    }
    return count / ((System.nanoTime() - t0) / 1e9);
  }

  private static double actors(Simulator sim, HandshakeConfig hc, int count) {
    long t0 = System.nanoTime();
    List<ConnectionResult> rs = Simulations.many(sim, hc, NetworkOptions.perfect(), new Simulations.Many(count, 0, 256, false));
    if (rs.stream().anyMatch(r -> !r.outcome().established())) {
      throw new IllegalStateException("a connection failed on a perfect network");
    }
    return count / ((System.nanoTime() - t0) / 1e9);
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static void resetPeaks() {
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  private static long peakHeapMb() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
  }

  @Test
  @EnabledIfSystemProperty(named = "hslab.bench", matches = "true")
  void bench() {
    main(new String[0]);
  }
}
