package io.github.dgxspark.models.perf;

import java.util.Locale;

/** Dr. Elephant's severity levels (linkedin/dr-elephant), declared from the most severe. */
public enum BottleneckSeverity {
  /** Fix first. */
  CRITICAL,
  /** Costs a lot. */
  SEVERE,
  /** Worth fixing. */
  MODERATE,
  /** Minor. */
  LOW;

  /**
   * The lower-case id used in JSON.
   *
   * @return e.g. {@code severe}
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The level reached by a value against ascending thresholds (low, moderate, severe, critical).
   *
   * @param value the measured value
   * @param thresholds four ascending thresholds
   * @return the level, or null when below the first
   */
  static BottleneckSeverity ascending(double value, double... thresholds) {
    for (int i = thresholds.length - 1; i >= 0; i--) {
      if (value >= thresholds[i]) {
        return values()[thresholds.length - 1 - i];
      }
    }
    return null;
  }
}
