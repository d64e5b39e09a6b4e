package dev.hslab.output.chart;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps a data interval (the domain) onto an interval of the page (the range, in SVG user units,
 * which may run backwards, as a y axis does) and chooses the axis's ticks. Values outside the
 * domain map outside the range; the charts choose domains that hold their data.
 */
public sealed interface Scale {

  /** Where value {@code v} is drawn. */
  double apply(double v);

  /** The value drawn at {@code position}: the inverse of {@link #apply}. */
  double invert(double position);

  double domainMin();

  double domainMax();

  /** The ticks of this scale's axis, ascending, each inside the domain. */
  List<Tick> ticks();

  /**
   * A linear scale whose ticks are every {@code step} from {@code domainMin} (1, 2 or 5 times a
   * power of ten, so labels stay short).
   */
  record Linear(double domainMin, double domainMax, double rangeFrom, double rangeTo, double step) implements Scale {

    public Linear {
      if (!(domainMax > domainMin) || !(step > 0)) {
        throw new IllegalArgumentException("empty domain or step: [" + domainMin + ", " + domainMax + "], " + step);
      }
    }

    /**
     * The scale of data in {@code [min, max]}, its domain widened to whole steps of a round size
     * that gives about {@code ticks} intervals (at least 1 wide when min equals max).
     */
    public static Linear nice(double min, double max, int ticks, double rangeFrom, double rangeTo) {
      if (min == max) {
        min = min - 1;
        max = max + 1;
      }
      double step = niceStep((max - min) / Math.max(1, ticks));
      double lo = Math.floor(min / step + 1e-9) * step;
      double hi = Math.ceil(max / step - 1e-9) * step;
      return new Linear(lo, hi, rangeFrom, rangeTo, step);
    }

    @Override
    public double apply(double v) {
      return rangeFrom + (v - domainMin) / (domainMax - domainMin) * (rangeTo - rangeFrom);
    }

    @Override
    public double invert(double position) {
      return domainMin + (position - rangeFrom) / (rangeTo - rangeFrom) * (domainMax - domainMin);
    }

    @Override
    public List<Tick> ticks() {
      List<Tick> out = new ArrayList<>();
      long n = Math.round((domainMax - domainMin) / step);
      for (long i = 0; i <= n; i++) {
        double v = domainMin + i * step;
        if (v <= domainMax + step * 1e-9) {
          out.add(new Tick(v, label(v, step)));
        }
      }
      return out;
    }
  }

  /**
   * A base-10 logarithmic scale over whole decades: ticks at every power of ten, and at 2 and 5
   * times it when the domain spans at most two decades.
   */
  record Log(double domainMin, double domainMax, double rangeFrom, double rangeTo) implements Scale {

    public Log {
      if (!(domainMin > 0) || !(domainMax > domainMin)) {
        throw new IllegalArgumentException("a log scale needs 0 < min < max, got [" + domainMin + ", " + domainMax + "]");
      }
    }

    /** The scale of positive data in {@code [min, max]}: the decades that hold it, at least one. */
    public static Log decades(double min, double max, double rangeFrom, double rangeTo) {
      if (!(min > 0) || max < min) {
        throw new IllegalArgumentException("a log scale needs 0 < min <= max, got [" + min + ", " + max + "]");
      }
      int lo = (int) Math.floor(Math.log10(min) + 1e-9);
      int hi = (int) Math.ceil(Math.log10(max) - 1e-9);
      if (hi <= lo) {
        hi = lo + 1;
      }
      return new Log(Math.pow(10, lo), Math.pow(10, hi), rangeFrom, rangeTo);
    }

    @Override
    public double apply(double v) {
      double lo = Math.log10(domainMin);
      return rangeFrom + (Math.log10(v) - lo) / (Math.log10(domainMax) - lo) * (rangeTo - rangeFrom);
    }

    @Override
    public double invert(double position) {
      double lo = Math.log10(domainMin);
      return Math.pow(10, lo + (position - rangeFrom) / (rangeTo - rangeFrom) * (Math.log10(domainMax) - lo));
    }

    @Override
    public List<Tick> ticks() {
      int lo = (int) Math.round(Math.log10(domainMin));
      int hi = (int) Math.round(Math.log10(domainMax));
      List<Tick> out = new ArrayList<>();
      for (int k = lo; k <= hi; k++) {
        for (int m : hi - lo <= 2 ? new int[] {1, 2, 5} : new int[] {1}) {
          BigDecimal v = BigDecimal.valueOf(m).scaleByPowerOfTen(k);
          if (v.doubleValue() <= domainMax * (1 + 1e-12)) {
            out.add(new Tick(v.doubleValue(), v.stripTrailingZeros().toPlainString()));
          }
        }
      }
      return out;
    }
  }

  /** 1, 2 or 5 times a power of ten: the smallest such at least {@code raw}. */
  static double niceStep(double raw) {
    if (!(raw > 0)) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double r = raw / magnitude;
    double m = r <= 1 + 1e-9 ? 1 : r <= 2 + 1e-9 ? 2 : r <= 5 + 1e-9 ? 5 : 10;
    return m * magnitude;
  }

  /** {@code v} written with as many decimals as {@code step} needs, no more. */
  static String label(double v, double step) {
    int decimals = Math.max(0, -(int) Math.floor(Math.log10(step) + 1e-9));
    BigDecimal b = BigDecimal.valueOf(v).setScale(decimals, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros();
    return b.signum() == 0 ? "0" : b.toPlainString();
  }
}
