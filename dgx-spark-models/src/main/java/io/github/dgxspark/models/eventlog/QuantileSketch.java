package io.github.dgxspark.models.eventlog;

import java.util.Arrays;

/**
 * A bounded quantile sketch of non-negative longs with 1% relative accuracy (the DDSketch scheme of
 * Masson, Rim and Lee, VLDB 2019: logarithmic buckets of ratio γ = 1.01/0.99). Memory is one int
 * per bucket between the smallest and largest bucket seen: about 230 buckets per decade of range.
 * Count, sum, min and max are exact.
 */
final class QuantileSketch {
  private static final double RELATIVE_ACCURACY = 0.01;
  private static final double GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);
  private static final double LOG_GAMMA = Math.log(GAMMA);

  private long count;
  private long sum;
  private long min = Long.MAX_VALUE;
  private long max;
  private long zeros;
  private int[] buckets = new int[0];
  private int offset;

  /** Adds a value; negative values count as 0. */
  void add(long value) {
    count++;
    sum += value;
    long v = Math.max(0, value);
    min = Math.min(min, v);
    max = Math.max(max, v);
    if (v == 0) {
      zeros++;
      return;
    }
    int index = (int) Math.ceil(Math.log(v) / LOG_GAMMA);
    if (buckets.length == 0) {
      buckets = new int[8];
      offset = index;
    } else if (index < offset) {
      int grow = Math.max(offset - index, buckets.length / 2);
      int[] b = new int[buckets.length + grow];
      System.arraycopy(buckets, 0, b, grow, buckets.length);
      buckets = b;
      offset -= grow;
    } else if (index - offset >= buckets.length) {
      buckets = Arrays.copyOf(buckets, Math.max(index - offset + 1, buckets.length * 3 / 2));
    }
    buckets[index - offset]++;
  }

  long count() {
    return count;
  }

  long max() {
    return max;
  }

  /**
   * The value at quantile {@code q} (0..1): the lower-rank value's bucket representative, clamped
   * to the exact min and max.
   */
  long quantile(double q) {
    if (count == 0) {
      return 0;
    }
    long rank = (long) Math.floor(q * (count - 1));
    if (rank < zeros) {
      return 0;
    }
    long seen = zeros;
    for (int i = 0; i < buckets.length; i++) {
      seen += buckets[i];
      if (seen > rank) {
        double value = 2 * Math.pow(GAMMA, i + offset) / (GAMMA + 1);
        return Math.max(min, Math.min(max, Math.round(value)));
      }
    }
    return max;
  }

  ApplicationProfile.Distribution toDistribution() {
    return new ApplicationProfile.Distribution(
        count, sum, count == 0 ? 0 : min, quantile(0.5), quantile(0.95), max);
  }
}
