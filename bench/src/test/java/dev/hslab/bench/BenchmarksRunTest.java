package dev.hslab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every benchmark's operation runs and checks itself (a failed, incomplete or wrongly resumed
 * handshake, a failed verification, throws), on pools of two: each suite with chains from both
 * CA families, for every engine, the floor, and resumption. Times nothing.
 */
class BenchmarksRunTest {

  private static final int POOL = 2;

  @Test
  void everyHandshakeOfEveryEngineSuiteAndCaCompletesAsChecked() throws Exception {
    List<String> ran = new ArrayList<>();
    for (Suite suite : Suite.values()) {
      for (CaFamily ca : CaFamily.values()) {
        for (String engine : List.of("model", "jsse", "bcjsse", "jsse-bare", "bcjsse-bare", "jsse-adapter", "bcjsse-adapter")) {
          HandshakeBenchmark b = new HandshakeBenchmark();
          b.suite = suite;
          b.ca = ca;
          b.engine = engine;
          b.pool = POOL;
          b.setUp();
          for (int i = 0; i < 2 * POOL; i++) {
            assertThat(b.handshake()).isNotNull();
          }
          ran.add(engine);
        }
        FloorBenchmark f = new FloorBenchmark();
        f.suite = suite;
        f.ca = ca;
        f.pool = POOL;
        f.setUp();
        for (int i = 0; i < 2 * POOL; i++) {
          f.floor();
        }
      }
    }
    assertThat(ran).hasSize(Suite.values().length * CaFamily.values().length * 7);
  }

  @Test
  void everyResumptionIsAbbreviated() throws Exception {
    for (String by : List.of("id", "ticket")) {
      for (String engine : List.of("model", "jsse", "bcjsse")) {
        ResumptionBenchmark b = new ResumptionBenchmark();
        b.by = by;
        b.engine = engine;
        b.setUp(); // a full handshake, then one resumption
        for (int i = 0; i < 3; i++) {
          assertThat(b.resume()).isNotNull();
        }
      }
    }
  }
}
