package dev.hslab.output.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Scales map data to the page and back, and choose round ticks that cover the data. */
class ScaleTest {

  private static List<String> labels(Scale s) {
    return s.ticks().stream().map(Tick::label).toList();
  }

  @Test
  void aNiceStepIsOneTwoOrFiveTimesAPowerOfTenAtLeastTheRawStep() {
    assertThat(Scale.niceStep(0.7)).isEqualTo(1);
    assertThat(Scale.niceStep(1)).isEqualTo(1);
    assertThat(Scale.niceStep(1.3)).isEqualTo(2);
    assertThat(Scale.niceStep(3)).isEqualTo(5);
    assertThat(Scale.niceStep(7)).isEqualTo(10);
    assertThat(Scale.niceStep(18.6)).isEqualTo(20);
    assertThat(Scale.niceStep(0.013)).isCloseTo(0.02, within(1e-15));
  }

  @Test
  void aLinearScaleWidensItsDomainToWholeStepsAndTicksEveryStep() {
    Scale.Linear s = Scale.Linear.nice(3, 93, 5, 0, 500);
    assertThat(s.domainMin()).isZero();
    assertThat(s.domainMax()).isEqualTo(100);
    assertThat(labels(s)).containsExactly("0", "20", "40", "60", "80", "100");
    Scale.Linear small = Scale.Linear.nice(0.013, 0.087, 4, 0, 100);
    assertThat(labels(small)).containsExactly("0", "0.02", "0.04", "0.06", "0.08", "0.1");
    Scale.Linear negative = Scale.Linear.nice(-7, 12, 4, 0, 100);
    assertThat(labels(negative)).containsExactly("-10", "-5", "0", "5", "10", "15");
    assertThat(labels(Scale.Linear.nice(4, 4, 4, 0, 100))).containsExactly("3", "3.5", "4", "4.5", "5");
  }

  @Test
  void aLinearScaleMapsItsDomainOntoItsRangeEvenBackwards() {
    Scale.Linear y = new Scale.Linear(0, 100, 376, 48, 20);
    assertThat(y.apply(0)).isEqualTo(376);
    assertThat(y.apply(100)).isEqualTo(48);
    assertThat(y.apply(50)).isEqualTo(212);
    assertThat(y.invert(212)).isEqualTo(50);
  }

  @Test
  void aLogScaleCoversWholeDecadesAndTicksOneTwoFiveWhenItSpansAtMostTwo() {
    Scale.Log one = Scale.Log.decades(4, 4, 0, 100);
    assertThat(one.domainMin()).isEqualTo(1);
    assertThat(one.domainMax()).isEqualTo(10);
    assertThat(labels(one)).containsExactly("1", "2", "5", "10");
    assertThat(labels(Scale.Log.decades(23, 81, 0, 100))).containsExactly("10", "20", "50", "100");
    assertThat(labels(Scale.Log.decades(10, 100, 0, 100))).containsExactly("10", "20", "50", "100");
    assertThat(labels(Scale.Log.decades(0.4, 3.1, 0, 100))).containsExactly("0.1", "0.2", "0.5", "1", "2", "5", "10");
    assertThat(labels(Scale.Log.decades(0.4, 31, 0, 100))).containsExactly("0.1", "1", "10", "100");
    assertThat(labels(Scale.Log.decades(23, 3100, 0, 100))).containsExactly("10", "100", "1000", "10000");
  }

  @Test
  void aLogScaleGivesEachDecadeTheSameLength() {
    Scale.Log s = Scale.Log.decades(23, 3100, 100, 400);
    assertThat(s.apply(10)).isEqualTo(100);
    assertThat(s.apply(100)).isCloseTo(200, within(1e-9));
    assertThat(s.apply(1000)).isCloseTo(300, within(1e-9));
    assertThat(s.apply(10000)).isCloseTo(400, within(1e-9));
    // log10(2) of a decade past 10
    assertThat(s.apply(20)).isCloseTo(100 + 100 * Math.log10(2), within(1e-9));
    assertThat(s.invert(s.apply(1234.5))).isCloseTo(1234.5, within(1e-9));
  }

  @Test
  void impossibleScalesAreRefused() {
    assertThatThrownBy(() -> Scale.Log.decades(0, 10, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Scale.Linear(1, 1, 0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
