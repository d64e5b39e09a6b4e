package dev.hslab.actors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.actors.tcp.TcpOptions;
import dev.hslab.model.config.Credentials;
import dev.hslab.model.config.EngineConfigs;
import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.engine.ModelEngine;
import dev.hslab.model.engine.SessionCache;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.trace.TraceEvent;
import dev.hslab.model.trace.TraceEvent.TcpFlag;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * TLS over the simulated TCP against what theory says of it (issue 18): with independent segment
 * loss p, the handshake time equals the lossless one exactly when none of the m segments it waits
 * for was lost, probability (1-p)^m; one lost data segment costs exactly the RTO of RFC 6298.
 */
class TcpTheoryTest {

  private static final Simulator SIM = Simulator.start();
  // PSK: a full handshake with no public-key operation, so 10,000 connections take seconds.
  private static final HandshakeConfig HC = HandshakeConfig.of(ProtocolVersion.TLS12, KeyExchange.PSK).withSeed(18);
  private static final Credentials CREDS = Credentials.forSeed(18);
  private static final NetworkOptions CLEAN = NetworkOptions.perfect().withTransport(Transport.TCP);

  @AfterAll
  static void stop() {
    SIM.close();
  }

  private static ConnectionSpec spec(int n, NetworkOptions net) {
    return new ConnectionSpec(n, ModelEngine.create(EngineConfigs.client(HC, CREDS, n, Optional.empty())),
        ModelEngine.create(EngineConfigs.server(HC, CREDS, n, new SessionCache(4))), Simulations.script(HC, true), net,
        Simulations.networkRandom(HC.seed(), n));
  }

  private static double handshakeTime(Trace t) {
    return t.handshakeCompletedAt().orElse(Double.NaN);
  }

  /** The segments whose loss must delay the handshake: SYN, SYN-ACK, and every data segment before it completed. */
  private static List<TraceEvent.OfSegment> critical(Trace lossless) {
    double done = handshakeTime(lossless);
    List<TraceEvent.OfSegment> out = new ArrayList<>();
    for (TraceEvent e : lossless.events()) {
      if (e instanceof TraceEvent.OfSegment s && (s.flags().contains(TcpFlag.SYN)
          || !s.payload().isEmpty() && s.timeMs() < done)) {
        out.add(s);
      }
    }
    return out;
  }

  @Test
  void theShareOfUndelayedHandshakesIsOneMinusPToTheM() {
    Trace lossless = SIM.run(spec(1, CLEAN)).trace();
    // SYN, SYN-ACK, the ClientHello, the server's flight, the client's, the server's Finished.
    assertThat(critical(lossless)).hasSize(6);
    assertThat(handshakeTime(lossless)).isEqualTo(6.0); // three round trips of 2 ms: TCP's, then TLS 1.2's two
    assertUndelayedShare(CLEAN, 0.03);
  }

  /**
   * The same with flights cut into several segments (an MSS of 100 bytes, IW10 sends them all at
   * once): a lost segment in the middle of a flight delays it as much as a lost first one, so m
   * counts every data segment of the lossless run.
   */
  @Test
  void theShareHoldsWhenFlightsSpanSeveralSegments() {
    NetworkOptions small = CLEAN.withTcp(new TcpOptions(100, 10, 1000, TcpOptions.RFC6298_MIN_RTO_MS, 120_000, 6, 15));
    assertThat(critical(SIM.run(spec(1, small)).trace())).hasSizeGreaterThan(6);
    assertUndelayedShare(small, 0.02);
  }

  /** Over 10,000 connections, how many kept the lossless handshake time is within the binomial's 99.9% bound of (1-p)^m. */
  private static void assertUndelayedShare(NetworkOptions clean, double p) {
    Trace lossless = SIM.run(spec(1, clean)).trace();
    double t0 = handshakeTime(lossless);
    int m = critical(lossless).size();
    int total = 10_000;
    NetworkOptions lossy = clean.withLoss(p);
    int undelayed = 0;
    for (int n = 1; n <= total; n++) {
      // Without the actors' messages (the same network and endpoints, DirectRunTest), so it takes seconds.
      double t = handshakeTime(DirectRun.run(spec(n, lossy)).trace());
      assertThat(t).as("connection %d", n).isGreaterThanOrEqualTo(t0);
      if (t == t0) {
        undelayed++;
      }
    }
    double q = Math.pow(1 - p, m);
    double sd = Math.sqrt(total * q * (1 - q));
    // Two-sided 99.9% bound of the binomial's normal approximation: z = 3.2905.
    assertThat((double) undelayed).as("m = %d, p = %s", m, p)
        .isBetween(total * q - 3.2905 * sd, total * q + 3.2905 * sd);
  }

  @Test
  void oneLostDataSegmentAddsExactlyTheRtoInEffect() {
    Trace lossless = SIM.run(spec(1, CLEAN)).trace();
    double t0 = handshakeTime(lossless);
    List<TraceEvent.OfSegment> data = critical(lossless).stream().filter(s -> !s.payload().isEmpty()).toList();
    assertThat(data).hasSize(4);
    // SRTT 2 ms and RTTVAR 1 ms from the SYN's round trip: SRTT + 4 RTTVAR = 6 ms, under both lower bounds.
    for (double minRto : new double[] {TcpOptions.RFC6298_MIN_RTO_MS, TcpOptions.LINUX_MIN_RTO_MS}) {
      for (TraceEvent.OfSegment s : data) {
        // A partition of half a millisecond in the sender's direction loses exactly that segment
        // (and a pure ACK sent with it, which nothing waits for).
        NetworkOptions net = CLEAN.withTcp(TcpOptions.defaults().withMinRto(minRto))
            .withPartitions(List.of(new Partition(s.timeMs(), s.timeMs() + 0.5, s.from())));
        Trace t = SIM.run(spec(1, net)).trace();
        long lost = t.events().stream().filter(e -> e instanceof TraceEvent.OfSegment x && !x.payload().isEmpty()
            && x.fate() == TraceEvent.SegmentFate.LOST).count();
        assertThat(lost).as("%s data at %s ms", s.from(), s.timeMs()).isEqualTo(1);
        assertThat(handshakeTime(t)).as("%s data at %s ms, min RTO %s", s.from(), s.timeMs(), minRto)
            .isEqualTo(t0 + minRto);
        assertThat(t.events()).anyMatch(e -> e instanceof TraceEvent.OfSegment x && x.retransmission()
            && x.from() == s.from() && x.seq() == s.seq() && x.timeMs() == s.timeMs() + minRto);
      }
    }
  }

  @Test
  void atFivePercentLossAtLeast999Of1000HandshakesComplete() {
    NetworkOptions lossy = CLEAN.withLoss(0.05);
    long established = java.util.stream.IntStream.rangeClosed(1, 1000)
        .filter(n -> DirectRun.run(spec(n, lossy)).outcome().established()).count();
    assertThat(established).isGreaterThanOrEqualTo(999);
  }

  @Test
  void theSameSeedGivesTheSameSegmentsAndTimes() {
    NetworkOptions noisy = CLEAN.withRandomFaults(0.1, 0.05, 0.05, 0.05, 0)
        .withLatency(new Latency.Uniform(2, 20));
    Trace a = SIM.run(spec(3, noisy)).trace();
    Trace b = SIM.run(spec(3, noisy)).trace();
    assertThat(a.events()).hasSameSizeAs(b.events());
    assertThat(a.events().toString()).isEqualTo(b.events().toString());
    assertThat(a.events()).anyMatch(e -> e instanceof TraceEvent.OfSegment s && s.from() == Side.CLIENT);
  }
}
