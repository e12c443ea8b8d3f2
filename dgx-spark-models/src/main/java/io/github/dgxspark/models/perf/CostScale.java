package io.github.dgxspark.models.perf;

import java.time.Duration;
import java.util.Optional;

/**
 * How severe a finding may be for the time it costs the application ({@code costScale} in {@code
 * data/models/bottleneck-detectors.json}): a sub-second cost is low whatever its ratio, and a level
 * above low needs its share of the application's wall time.
 *
 * @param lowBelowMillis a cost under this is at most low, ms
 * @param minClaimedSavingMillis a saving under this is not claimed, ms
 * @param moderateWallTimeFraction the share of wall time a moderate finding costs at least
 * @param severeWallTimeFraction the share of wall time a severe finding costs at least
 * @param criticalWallTimeFraction the share of wall time a critical finding costs at least
 */
record CostScale(
    double lowBelowMillis,
    double minClaimedSavingMillis,
    double moderateWallTimeFraction,
    double severeWallTimeFraction,
    double criticalWallTimeFraction) {

  /**
   * The level a finding gets: its measured level, no higher than its cost allows.
   *
   * @param level the level its measure reached
   * @param costMillis the time it costs, ms
   * @param wallMillis the application's wall time, ms
   */
  BottleneckSeverity limit(BottleneckSeverity level, double costMillis, double wallMillis) {
    BottleneckSeverity allowed = allowed(costMillis, wallMillis);
    return level.compareTo(allowed) >= 0 ? level : allowed;
  }

  /** The most severe level a cost allows. */
  BottleneckSeverity allowed(double costMillis, double wallMillis) {
    if (!(costMillis >= lowBelowMillis)) {
      return BottleneckSeverity.LOW;
    }
    double share = costMillis / Math.max(1, wallMillis);
    if (share >= criticalWallTimeFraction) {
      return BottleneckSeverity.CRITICAL;
    }
    if (share >= severeWallTimeFraction) {
      return BottleneckSeverity.SEVERE;
    }
    return share >= moderateWallTimeFraction ? BottleneckSeverity.MODERATE : BottleneckSeverity.LOW;
  }

  /** Whether a saving is large enough to claim. */
  boolean claims(double savingMillis) {
    return savingMillis >= minClaimedSavingMillis;
  }

  /** A saving as claimed: absent when too small to claim. */
  Optional<Duration> saving(double savingMillis) {
    return claims(savingMillis)
        ? Optional.of(Duration.ofMillis(Math.round(savingMillis)))
        : Optional.empty();
  }
}
