package io.github.dgxspark.adapter;

import io.github.dgxspark.models.perf.Bottleneck;
import io.github.dgxspark.models.perf.BottleneckReport;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The answer of {@link Operations#bottlenecks}: {@code {"applicationId"?,"wallTimeMs"?,"basis",
 * "bottlenecks":[{"kind","severity","evidence":{...},"wallTimeFraction"?,"estimatedSavingMs"?,
 * "reason","source"}],"logWarnings"?}}, most severe first.
 *
 * @param applicationId the application's id, from a log that names it
 * @param wallTimeMs the application's wall time, from a log
 * @param basis what they were detected from
 * @param bottlenecks most severe first
 * @param logWarnings what of the log could not be read, when something could not
 */
public record BottlenecksResult(
    Optional<String> applicationId,
    Optional<Long> wallTimeMs,
    String basis,
    List<Item> bottlenecks,
    Optional<List<String>> logWarnings) {
  // Checks the fields and copies the list.
  public BottlenecksResult {
    Objects.requireNonNull(applicationId, "applicationId");
    Objects.requireNonNull(wallTimeMs, "wallTimeMs");
    Objects.requireNonNull(basis, "basis");
    bottlenecks = List.copyOf(bottlenecks);
    Objects.requireNonNull(logWarnings, "logWarnings");
  }

  static BottlenecksResult of(BottleneckReport r, Optional<List<String>> logWarnings) {
    return new BottlenecksResult(
        r.applicationId(),
        r.wallTime().map(Duration::toMillis),
        r.basis(),
        Item.all(r),
        logWarnings);
  }

  /**
   * One bottleneck.
   *
   * @param kind what it is, e.g. {@code gc}, {@code task-skew}, {@code spill}
   * @param severity {@code critical}, {@code severe}, {@code moderate} or {@code low}
   * @param evidence the numbers that show it, unit in the name
   * @param wallTimeFraction share of the wall time it costs (with a log)
   * @param estimatedSavingMs wall time saved if fixed
   * @param reason what was found, with the numbers
   * @param source where the thresholds come from
   */
  public record Item(
      String kind,
      String severity,
      Map<String, Double> evidence,
      OptionalDouble wallTimeFraction,
      Optional<Long> estimatedSavingMs,
      String reason,
      String source) {
    // Checks the fields and copies the map, keeping its order.
    public Item {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(severity, "severity");
      evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
      Objects.requireNonNull(wallTimeFraction, "wallTimeFraction");
      Objects.requireNonNull(estimatedSavingMs, "estimatedSavingMs");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(source, "source");
    }

    static List<Item> all(BottleneckReport r) {
      return r.bottlenecks().stream().map(Item::of).toList();
    }

    static Item of(Bottleneck b) {
      return new Item(
          b.kind().id(),
          b.severity().id(),
          b.evidence(),
          b.wallTimeFraction(),
          b.estimatedSaving().map(Duration::toMillis),
          b.reason(),
          b.source());
    }
  }
}
