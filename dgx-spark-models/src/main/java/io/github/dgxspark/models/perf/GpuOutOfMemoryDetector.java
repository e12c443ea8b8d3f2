package io.github.dgxspark.models.perf;

import static io.github.dgxspark.models.perf.Wording.count;
import static io.github.dgxspark.models.perf.Wording.evidence;
import static io.github.dgxspark.models.perf.Wording.seconds;

import io.github.dgxspark.models.eventlog.ApplicationProfile.Failures;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Tasks failed with a GPU out-of-memory error; they cost their retries at the mean task time over
 * the slots plus their share of the failed stage attempts' spans (the GPU out-of-memory share of
 * the failed tasks), as {@link TaskFailuresDetector} charges all failures, so that the two findings
 * price the same failures alike.
 */
final class GpuOutOfMemoryDetector implements Detector {
  @Override
  public BottleneckKind kind() {
    return BottleneckKind.GPU_OUT_OF_MEMORY;
  }

  @Override
  public List<Bottleneck> detect(Observation o) {
    Failures f = o.profile.failures();
    long tasks = o.totals.tasks();
    if (tasks == 0 || f.gpuOutOfMemoryTasks() == 0) {
      return List.of();
    }
    DetectorSpec spec = spec();
    double share = (double) f.gpuOutOfMemoryTasks() / tasks;
    BottleneckSeverity level =
        f.failedStages() > 0
            ? BottleneckSeverity.CRITICAL
            : share < spec.parameter("moderateBelowTaskFraction")
                ? BottleneckSeverity.MODERATE
                : BottleneckSeverity.SEVERE;
    double stageShare = (double) f.gpuOutOfMemoryTasks() / Math.max(1, f.failedTasks());
    double cost =
        Math.min(
            o.wallMillis,
            Math.min(1, stageShare) * o.failedStageMillis()
                + f.gpuOutOfMemoryTasks() * o.meanTaskMillis() / o.slots);
    return List.of(
        o.finding(
            spec,
            level,
            cost,
            evidence("gpuOutOfMemoryTasks", f.gpuOutOfMemoryTasks(), "taskFraction", share),
            OptionalDouble.of(Math.min(1, cost / o.wallMillis)),
            cost,
            String.format(
                Locale.ROOT,
                "%s failed with GPU out-of-memory (%.1f %% of tasks), e.g. %s; redoing them cost"
                    + " about %s (their retries, and their share of the failed stage attempts'"
                    + " spans); fewer concurrent GPU tasks or smaller batches/partitions avoid the"
                    + " retries",
                count(f.gpuOutOfMemoryTasks(), "task"),
                100 * share,
                f.examples().stream()
                    .filter(e -> e.contains("OOM") || e.contains("OutOfMemory"))
                    .findFirst()
                    .orElse("(no message kept)"),
                seconds(cost))));
  }
}
