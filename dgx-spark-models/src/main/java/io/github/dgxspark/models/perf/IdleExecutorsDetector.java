package io.github.dgxspark.models.perf;

import static io.github.dgxspark.models.perf.Wording.count;
import static io.github.dgxspark.models.perf.Wording.evidence;
import static io.github.dgxspark.models.perf.Wording.seconds;

import io.github.dgxspark.core.ClusterManager;
import io.github.dgxspark.models.eventlog.ApplicationProfile.Stage;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Executor slots alive but running no task (Sparklens' core utilisation). It costs hardware, not
 * wall time: its cost is the idle slot time per slot, and no wall-time saving is claimed. Not
 * reported in local mode, whose slots are driver threads that hold no cluster hardware. Without a
 * log, executors that leave the cluster's cores unused.
 */
final class IdleExecutorsDetector implements Detector {
  @Override
  public BottleneckKind kind() {
    return BottleneckKind.IDLE_EXECUTORS;
  }

  @Override
  public List<Bottleneck> detect(Observation o) {
    if (o.profile.clusterManager().orElse(null) == ClusterManager.LOCAL) {
      // local mode's task slots are threads of the driver JVM: no cluster manager holds hardware
      // for them, so idle slots free nothing and "fewer executors" does not apply
      return List.of();
    }
    DetectorSpec spec = spec();
    double used = 0;
    for (Stage s : o.profile.stages()) {
      used += s.wallTimeMs().sum();
    }
    long appStart =
        o.profile.startTime().map(Replayer::millis).orElse(o.replay.segments.get(0).startMillis());
    double available =
        Replayer.observedSlots(o.profile, o.replay.layout, appStart, appStart + (long) o.wallMillis)
            * o.wallMillis;
    if (available <= 0) {
      return List.of();
    }
    double idle = Math.max(0, 1 - used / available);
    Optional<BottleneckSeverity> level = spec.level(idle);
    if (level.isEmpty()) {
      return List.of();
    }
    double cost = idle * o.wallMillis;
    return List.of(
        o.finding(
            spec,
            level.get(),
            cost,
            evidence("idleSlotFraction", idle, "usedSlotMs", used, "availableSlotMs", available),
            OptionalDouble.empty(),
            Double.NaN,
            String.format(
                Locale.ROOT,
                "executor slots ran no task %.0f %% of the time they were alive (%s of %s slot"
                    + " time): fewer or dynamically allocated executors would do the same work on"
                    + " less hardware; this saves hardware, not wall time",
                100 * idle,
                seconds(available - used),
                seconds(available))));
  }

  @Override
  public List<Bottleneck> detect(ConfigLayout c) {
    DetectorSpec spec = spec();
    int used = c.executors() * c.executorCores();
    double idle = 1 - (double) used / c.clusterCores();
    if (idle <= spec.parameter("configMinIdleFraction")) {
      return List.of();
    }
    return spec.level(idle)
        .map(
            level ->
                List.of(
                    new Bottleneck(
                        kind(),
                        level,
                        evidence("usedCores", used, "clusterCores", c.clusterCores()),
                        OptionalDouble.empty(),
                        Optional.empty(),
                        String.format(
                            Locale.ROOT,
                            "%s × %s use %d of the cluster's %d cores (%.0f %% idle)",
                            count(c.executors(), "executor"),
                            count(c.executorCores(), "core"),
                            used,
                            c.clusterCores(),
                            100 * idle),
                        spec.citation())))
        .orElse(List.of());
  }
}
