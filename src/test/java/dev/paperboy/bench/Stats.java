package dev.paperboy.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.DoubleSupplier;

/** Small statistics for benchmark reports: medians of repeated runs and percentiles. */
final class Stats {

  private Stats() {}

  /** A figure measured several times: its median, and the spread the machine's noise gave. */
  record Spread(double median, double min, double max, int runs) {

    static Spread of(double... values) {
      double[] sorted = values.clone();
      Arrays.sort(sorted);
      return new Spread(
          percentile(sorted, 50), sorted[0], sorted[sorted.length - 1], sorted.length);
    }

    /** {@code 12.3 (11.9–13.0)}, or just the value when measured once. */
    String format(String pattern) {
      String m = String.format(Locale.ROOT, pattern, median);
      if (runs < 2) {
        return m;
      }
      return m
          + " ("
          + String.format(Locale.ROOT, pattern, min)
          + "–"
          + String.format(Locale.ROOT, pattern, max)
          + ")";
    }
  }

  static double median(int repeats, DoubleSupplier measurement) {
    double[] values = new double[repeats];
    for (int i = 0; i < repeats; i++) {
      values[i] = measurement.getAsDouble();
    }
    return percentile(values, 50);
  }

  static double percentile(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
