package io.github.dgxspark.models.perf;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One bottleneck finding.
 *
 * @param kind what it is
 * @param severity how much it matters
 * @param evidence the numbers that show it, by name with the unit in the name (e.g. {@code
 *     gcTimeFraction}, {@code driverTimeMs}); a finding from an event log also has {@code costMs},
 *     the time it costs the application, ms, which bounds its severity (under 1 s it is low)
 * @param wallTimeFraction the share of the application's wall time it costs, in [0, 1]; absent
 *     without an event log
 * @param estimatedSaving wall time saved if it were fixed; absent when no estimate can be made or
 *     the saving is too small to claim (under 100 ms)
 * @param reason a readable sentence with the numbers and how the time was attributed
 * @param source where the thresholds come from
 */
public record Bottleneck(
    BottleneckKind kind,
    BottleneckSeverity severity,
    Map<String, Double> evidence,
    OptionalDouble wallTimeFraction,
    Optional<Duration> estimatedSaving,
    String reason,
    String source) {
  // Checks the fields and copies the map.
  public Bottleneck {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(severity, "severity");
    Map<String, Double> copy = new LinkedHashMap<>();
    evidence.forEach((k, v) -> copy.put(Objects.requireNonNull(k), Objects.requireNonNull(v)));
    evidence = Collections.unmodifiableMap(copy);
    Objects.requireNonNull(wallTimeFraction, "wallTimeFraction");
    Objects.requireNonNull(estimatedSaving, "estimatedSaving");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(source, "source");
  }
}
