package io.github.dgxspark.models.perf;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The bottlenecks of one application (or of a config on a cluster, without a log).
 *
 * @param applicationId the application, when detected from a log
 * @param wallTime the application's wall time, when detected from a log
 * @param bottlenecks the findings, most severe first, then by estimated saving
 * @param basis what they were detected from
 */
public record BottleneckReport(
    Optional<String> applicationId,
    Optional<Duration> wallTime,
    List<Bottleneck> bottlenecks,
    String basis) {
  // Checks for nulls and copies the list.
  public BottleneckReport {
    Objects.requireNonNull(applicationId, "applicationId");
    Objects.requireNonNull(wallTime, "wallTime");
    bottlenecks = List.copyOf(bottlenecks);
    Objects.requireNonNull(basis, "basis");
  }

  /**
   * Whether a finding of a kind is present.
   *
   * @param kind the kind
   * @return true when one finding has it
   */
  public boolean has(BottleneckKind kind) {
    return bottlenecks.stream().anyMatch(b -> b.kind() == kind);
  }
}
