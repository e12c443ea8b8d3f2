package io.github.dgxspark.models.perf;

import static io.github.dgxspark.models.perf.Wording.count;
import static io.github.dgxspark.models.perf.Wording.evidence;

import io.github.dgxspark.models.eventlog.ApplicationProfile;
import io.github.dgxspark.models.eventlog.ApplicationProfile.Failures;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Executors lost while the application ran; they cost the running tasks lost with them, redone at
 * the mean task time over the slots.
 */
final class ExecutorLossDetector implements Detector {
  @Override
  public BottleneckKind kind() {
    return BottleneckKind.EXECUTOR_LOSS;
  }

  @Override
  public List<Bottleneck> detect(Observation o) {
    Failures f = o.profile.failures();
    if (o.totals.tasks() == 0 || (f.executorsLost().isEmpty() && f.executorLostTasks() == 0)) {
      return List.of();
    }
    DetectorSpec spec = spec();
    double cost = Math.min(o.wallMillis, f.executorLostTasks() * o.meanTaskMillis() / o.slots);
    int lost = f.executorsLost().size();
    List<String> why =
        f.executorsLost().stream()
            .map(ApplicationProfile.ExecutorLoss::reason)
            .distinct()
            .limit(2)
            .toList();
    String executors =
        lost == 0
            ? "Executors were lost"
            : count(lost, "executor") + (lost == 1 ? " was lost" : " were lost");
    String reason =
        String.format(
            Locale.ROOT,
            "%s%s; %s",
            executors,
            why.isEmpty() ? "" : " (" + String.join("; ", why) + ")",
            f.executorLostTasks() > 0
                ? String.format(
                    Locale.ROOT,
                    "%s running on %s failed and %s redone",
                    count(f.executorLostTasks(), "task"),
                    lost == 1 ? "it" : "them",
                    f.executorLostTasks() == 1 ? "was" : "were")
                : lost == 1
                    ? "no running task was lost with it"
                    : "no running task was lost with them");
    return List.of(
        o.finding(
            spec,
            f.failedStages() > 0 ? BottleneckSeverity.CRITICAL : BottleneckSeverity.SEVERE,
            cost,
            evidence("executorsLost", lost, "executorLostTasks", f.executorLostTasks()),
            OptionalDouble.of(Math.min(1, cost / o.wallMillis)),
            cost,
            reason));
  }
}
