package io.github.dgxspark.models.perf;

import static io.github.dgxspark.models.perf.Wording.count;
import static io.github.dgxspark.models.perf.Wording.evidence;
import static io.github.dgxspark.models.perf.Wording.seconds;

import io.github.dgxspark.models.eventlog.ApplicationProfile.Failures;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Failed tasks and stage attempts; they cost the failed attempts' spans plus the failed tasks at
 * the mean task time over the slots.
 */
final class TaskFailuresDetector implements Detector {
  @Override
  public BottleneckKind kind() {
    return BottleneckKind.TASK_FAILURES;
  }

  @Override
  public List<Bottleneck> detect(Observation o) {
    Failures f = o.profile.failures();
    long tasks = o.totals.tasks();
    if (tasks == 0 || f.failedTasks() == 0) {
      return List.of();
    }
    DetectorSpec spec = spec();
    double rate = (double) f.failedTasks() / tasks;
    double lost =
        Math.min(
            o.wallMillis, o.failedStageMillis() + f.failedTasks() * o.meanTaskMillis() / o.slots);
    BottleneckSeverity level =
        f.failedStages() > 0
            ? BottleneckSeverity.CRITICAL
            : spec.level(rate).orElse(BottleneckSeverity.LOW);
    List<String> reasons =
        f.taskFailureReasons().entrySet().stream()
            .map(e -> e.getKey() + " (" + e.getValue() + ")")
            .toList();
    String reason =
        String.format(
            Locale.ROOT,
            "%d of %s failed (%.1f %%)%s; redoing them cost about %s (failed stage attempts' spans"
                + " plus failed tasks at the mean task time over %.0f slots). Reasons: %s",
            f.failedTasks(),
            count(tasks, "task"),
            100 * rate,
            f.failedStages() > 0
                ? " and " + count(f.failedStages(), "stage attempt") + " failed"
                : "",
            seconds(lost),
            o.slots,
            String.join("; ", reasons));
    return List.of(
        o.finding(
            spec,
            level,
            lost,
            evidence(
                "failedTasks",
                f.failedTasks(),
                "taskFailureFraction",
                rate,
                "failedStages",
                f.failedStages()),
            OptionalDouble.of(Math.min(1, lost / o.wallMillis)),
            lost,
            reason));
  }
}
