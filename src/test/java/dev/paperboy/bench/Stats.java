package dev.paperboy.bench;

import java.util.Arrays;
import java.util.function.DoubleSupplier;

/** Small statistics for benchmark reports: medians of repeated runs and percentiles. */
final class Stats {

  private Stats() {}

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
