package dev.hslab.actors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.handshake.Outcome;
import dev.hslab.model.handshake.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** A loss sweep reads each connection's outcome and handshake time from its trace. */
class LossSweepTest {

  private static final Simulator SIM = Simulator.start();

  @AfterAll
  static void stop() {
    SIM.close();
  }

  private static LossSweep.Rate rate(double... times) {
    List<LossSweep.Connection> cs = new ArrayList<>();
    for (double t : times) {
      cs.add(new LossSweep.Connection(cs.size() + 1, Outcome.ESTABLISHED, OptionalDouble.of(t)));
    }
    cs.add(new LossSweep.Connection(cs.size() + 1, Outcome.timeout(Side.CLIENT, "WAIT_SERVER_HELLO", "server_hello"),
        OptionalDouble.empty()));
    return new LossSweep.Rate(0.1, cs);
  }

  /** The worked example of the nearest-rank method (Wikipedia, "Percentile": 15, 20, 35, 40, 50). */
  @Test
  void percentilesAreNearestRankAsInTheTextbookExample() {
    LossSweep.Rate r = rate(40, 15, 50, 35, 20);
    assertThat(r.percentile(5)).isEqualTo(OptionalDouble.of(15));
    assertThat(r.percentile(30)).isEqualTo(OptionalDouble.of(20));
    assertThat(r.percentile(40)).isEqualTo(OptionalDouble.of(20));
    assertThat(r.percentile(50)).isEqualTo(OptionalDouble.of(35));
    assertThat(r.percentile(100)).isEqualTo(OptionalDouble.of(50));
    // The connection that failed has no time: 5 of 6 completed, the percentiles are of those 5.
    assertThat(r.completed()).isEqualTo(5);
    assertThat(r.completionRate()).isEqualTo(5.0 / 6);
    assertThat(r.failures()).containsExactly(java.util.Map.entry("timeout:client:WAIT_SERVER_HELLO:server_hello", 1L));
  }

  @Test
  void thePercentileOfAHundredTimesIsThatRankWithoutRounding() {
    double[] t = new double[100];
    for (int i = 0; i < 100; i++) {
      t[i] = 100 - i; // given in descending order: 100, 99, ..., 1
    }
    LossSweep.Rate r = rate(t);
    assertThat(r.percentile(99)).isEqualTo(OptionalDouble.of(99));
    assertThat(r.percentile(90)).isEqualTo(OptionalDouble.of(90));
    assertThat(r.percentile(1)).isEqualTo(OptionalDouble.of(1));
    assertThat(rate().percentile(50)).isEmpty();
  }

  /**
   * RFC 5246 §7.3: a full handshake takes two round trips before the client has the server's
   * Finished, an abbreviated one one and a half before the server has the client's. At a fixed
   * 5 ms each way that is 20 ms and 15 ms, with nothing lost.
   */
  @Test
  void aLosslessFullHandshakeCompletesAfterTwoRoundTripsAndAResumedOneAfterOneAndAHalf() {
    NetworkOptions link = NetworkOptions.perfect().withLatency(new Latency.Fixed(5));
    List<LossSweep.Rate> rates = LossSweep.run(SIM, HandshakeConfig.reference().withSeed(4), link,
        new LossSweep.Options(List.of(0.0), 10, 0.5, 4));
    LossSweep.Rate r = rates.get(0);
    assertThat(r.loss()).isZero();
    assertThat(r.completed()).isEqualTo(10);
    assertThat(r.failures()).isEmpty();
    assertThat(r.connections().subList(0, 5)).allSatisfy(c -> assertThat(c.handshakeMs()).isEqualTo(OptionalDouble.of(20)));
    assertThat(r.connections().subList(5, 10)).allSatisfy(c -> assertThat(c.handshakeMs()).isEqualTo(OptionalDouble.of(15)));
  }

  /** Without kept traces the summary still carries each connection's facts: the same as the full trace's. */
  @Test
  void aSweepReportsWhatTheConnectionsFullTracesSay() {
    HandshakeConfig hc = HandshakeConfig.reference().withSeed(9);
    NetworkOptions link = NetworkOptions.perfect().withLatency(new Latency.Uniform(2, 20));
    List<LossSweep.Rate> rates = LossSweep.run(SIM, hc, link, new LossSweep.Options(List.of(0.0, 0.05, 0.2), 40, 0, 8));
    for (LossSweep.Rate r : rates) {
      List<ConnectionResult> full = Simulations.many(SIM, hc, link.withLoss(r.loss()), new Simulations.Many(40, 0, 8, true));
      assertThat(r.connections()).hasSize(40);
      for (int i = 0; i < 40; i++) {
        LossSweep.Connection c = r.connections().get(i);
        assertThat(full.get(i).trace().events()).hasSizeGreaterThan(2);
        assertThat(c.index()).isEqualTo(full.get(i).index());
        assertThat(c.outcome()).isEqualTo(full.get(i).outcome());
        assertThat(c.handshakeMs()).isEqualTo(full.get(i).trace().handshakeCompletedAt());
      }
    }
    assertThat(rates.get(0).completed()).isEqualTo(40);
    assertThat(rates.get(2).completed()).as("record loss is not recovered today").isLessThan(40);
    assertThat(rates.get(2).failures()).isNotEmpty();
  }

  @Test
  void theSameSeedGivesTheSameSweep() {
    HandshakeConfig hc = HandshakeConfig.reference().withSeed(5);
    NetworkOptions link = NetworkOptions.perfect().withLatency(new Latency.Uniform(2, 20));
    LossSweep.Options o = new LossSweep.Options(List.of(0.02, 0.1), 30, 0.5, 30);
    assertThat(LossSweep.run(SIM, hc, link, o)).isEqualTo(LossSweep.run(SIM, hc, link,
        new LossSweep.Options(List.of(0.02, 0.1), 30, 0.5, 3)));
  }

  @Test
  void aLinkThatLosesEverythingCompletesNothing() {
    LossSweep.Rate r = LossSweep.run(SIM, HandshakeConfig.reference(), NetworkOptions.perfect(),
        new LossSweep.Options(List.of(1.0), 3, 0, 3)).get(0);
    assertThat(r.completed()).isZero();
    assertThat(r.percentile(50)).isEmpty();
    assertThat(r.failures().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(3);
  }

  @Test
  void badOptionsAreRefused() {
    assertThatThrownBy(() -> new LossSweep.Options(List.of(), 1, 0, 1)).hasMessageContaining("no loss rate");
    assertThatThrownBy(() -> new LossSweep.Options(List.of(1.5), 1, 0, 1)).hasMessageContaining("not between 0 and 1");
    assertThatThrownBy(() -> new LossSweep.Options(List.of(0.1, 0.1), 1, 0, 1)).hasMessageContaining("twice");
    assertThatThrownBy(() -> new LossSweep.Options(List.of(0.1), 0, 0, 1)).hasMessageContaining("at least 1");
  }
}
