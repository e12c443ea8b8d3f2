package io.github.dgxspark.adapter;

import io.github.dgxspark.models.workload.IoPatternReport;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of {@link Operations#ioPattern}: {@code {"inputBytes","shuffleBytes","outputBytes",
 * "dominant","scanHeavy","shuffleHeavy","writeHeavy","diskTimeMs","networkTimeMs","measured",
 * "reason","source","workloadType","hardware":{...},"logWarnings"?}}.
 *
 * @param inputBytes bytes read
 * @param shuffleBytes bytes shuffled (the larger of shuffle write and read)
 * @param outputBytes bytes written
 * @param dominant the phase that moves the most bytes: {@code scan}, {@code shuffle} or {@code
 *     write}
 * @param scanHeavy true when reading dominates
 * @param shuffleHeavy true when shuffling dominates
 * @param writeHeavy true when writing dominates
 * @param diskTimeMs time on the hardware's disks, ms
 * @param networkTimeMs time on the network, ms
 * @param measured true when the bytes come from an event log
 * @param reason how the figures were found
 * @param source where the figures come from
 * @param workloadType the workload's class
 * @param hardware the hardware the bytes are timed on
 * @param logWarnings what of the log could not be read, when something could not
 */
public record IoPatternResult(
    long inputBytes,
    long shuffleBytes,
    long outputBytes,
    String dominant,
    boolean scanHeavy,
    boolean shuffleHeavy,
    boolean writeHeavy,
    long diskTimeMs,
    long networkTimeMs,
    boolean measured,
    String reason,
    String source,
    String workloadType,
    ClusterSummary hardware,
    Optional<List<String>> logWarnings) {
  // Checks the fields.
  public IoPatternResult {
    Objects.requireNonNull(dominant, "dominant");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(workloadType, "workloadType");
    Objects.requireNonNull(hardware, "hardware");
    Objects.requireNonNull(logWarnings, "logWarnings");
  }

  static IoPatternResult of(
      IoPatternReport r,
      String workloadType,
      ClusterSummary hardware,
      Optional<List<String>> logWarnings) {
    return new IoPatternResult(
        r.inputBytes(),
        r.shuffleBytes(),
        r.outputBytes(),
        r.dominant().name().toLowerCase(Locale.ROOT),
        r.scanHeavy(),
        r.shuffleHeavy(),
        r.writeHeavy(),
        r.diskTime().toMillis(),
        r.networkTime().toMillis(),
        r.measured(),
        r.reason(),
        r.source(),
        workloadType,
        hardware,
        logWarnings);
  }
}
