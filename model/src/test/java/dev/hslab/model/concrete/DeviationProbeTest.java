package dev.hslab.model.concrete;

import dev.hslab.model.config.HandshakeConfig;
import org.junit.jupiter.api.Test;

class DeviationProbeTest {
  @Test
  void probe() {
    long t = System.nanoTime();
    DeviationSuite.Result r = DeviationSuite.run(HandshakeConfig.reference(), EngineUnderTest.MODEL);
    for (DeviationRun x : r.runs()) {
      System.out.println((x.ran() ? (x.matches() ? "ok   " : "DIFF ") : "skip ") + x.deviation().mutation().kind() + " | " + x.deviation().mutation()
          + " | expected " + x.deviation().expected() + " | actual " + x.actual() + " " + x.note() + (x.matches() ? "" : " | " + x.labels() + " | " + x.deviation().trace()));
    }
    System.out.println("runs " + r.runs().size() + " ran " + r.ran() + " mismatches " + r.mismatches() + " s " + (System.nanoTime() - t) / 1e9);
  }
}
