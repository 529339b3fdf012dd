package io.github.asgkms.bench;

import java.util.Arrays;
import java.util.List;

/** The few statistics the harness reports: medians, because one slow run on a shared machine
 * must not move the figure, and quartiles, to show how much the runs spread. */
final class Stats {
  private Stats() {}

  static double median(List<Double> values) {
    return quantile(values, 0.5);
  }

  /** Linear interpolation between the closest ranks. */
  static double quantile(List<Double> values, double q) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values");
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    double rank = q * (sorted.length - 1);
    int low = (int) Math.floor(rank);
    int high = (int) Math.ceil(rank);
    return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
  }
}
