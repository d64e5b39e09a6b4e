package dev.hslab.actors.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** RFC 6298 §2 and §5, the numbers worked by hand from the RFC's formulas. */
class RtoEstimatorTest {

  @Test
  void beforeAnySampleTheRtoIsOneSecond() {
    assertThat(new RtoEstimator(TcpOptions.defaults()).rto()).isEqualTo(1000);
  }

  @Test
  void theFirstSampleSetsSrttAndHalfOfItAsVarianceAndTheLowerBoundApplies() {
    RtoEstimator e = new RtoEstimator(TcpOptions.defaults());
    e.sample(100); // §2.2: SRTT = R, RTTVAR = R/2, RTO = SRTT + max(G, 4 RTTVAR) = 300
    assertThat(e.srtt()).isEqualTo(100);
    assertThat(e.rttvar()).isEqualTo(50);
    assertThat(e.rto()).isEqualTo(1000); // §2.4: rounded up to 1 s

    RtoEstimator linux = new RtoEstimator(TcpOptions.defaults().withMinRto(TcpOptions.LINUX_MIN_RTO_MS));
    linux.sample(100);
    assertThat(linux.rto()).isEqualTo(300);
  }

  @Test
  void laterSamplesUpdateVarianceFromTheOldSrttThenTheSrtt() {
    RtoEstimator e = new RtoEstimator(TcpOptions.defaults().withMinRto(TcpOptions.LINUX_MIN_RTO_MS));
    e.sample(100);
    e.sample(200); // §2.3: RTTVAR = 3/4 * 50 + 1/4 * |100 - 200| = 62.5; SRTT = 7/8 * 100 + 1/8 * 200 = 112.5
    assertThat(e.rttvar()).isEqualTo(62.5);
    assertThat(e.srtt()).isEqualTo(112.5);
    assertThat(e.rto()).isCloseTo(112.5 + 4 * 62.5, within(1e-9));
  }

  @Test
  void aTimeoutDoublesTheRtoUpToTheMaximum() {
    RtoEstimator e = new RtoEstimator(TcpOptions.defaults());
    double[] expected = {2000, 4000, 8000, 16_000, 32_000, 64_000, 120_000, 120_000};
    for (double x : expected) {
      e.backOff();
      assertThat(e.rto()).isEqualTo(x);
    }
    e.sample(10); // §5.7 of a later sample: the estimate replaces the backed-off value
    assertThat(e.rto()).isEqualTo(1000);
  }

  @Test
  void afterASynTimeoutDataStartsWithThreeSeconds() {
    RtoEstimator e = new RtoEstimator(TcpOptions.defaults());
    e.backOff();
    e.afterSynTimeout();
    assertThat(e.rto()).isEqualTo(3000); // RFC 6298 §5.7
  }
}
