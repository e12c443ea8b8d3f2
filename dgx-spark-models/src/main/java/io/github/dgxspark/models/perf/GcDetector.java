package io.github.dgxspark.models.perf;

import static io.github.dgxspark.models.perf.Wording.evidence;
import static io.github.dgxspark.models.perf.Wording.percent;
import static io.github.dgxspark.models.perf.Wording.seconds;

import io.github.dgxspark.models.eventlog.ApplicationProfile.Totals;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/** JVM garbage collection: its share of task run time, costing that share of the busy time. */
final class GcDetector implements Detector {
  @Override
  public BottleneckKind kind() {
    return BottleneckKind.GC;
  }

  @Override
  public List<Bottleneck> detect(Observation o) {
    Totals t = o.totals;
    if (t.executorRunTimeMs() <= 0) {
      return List.of();
    }
    DetectorSpec spec = spec();
    double gc = (double) t.jvmGcTimeMs() / t.executorRunTimeMs();
    Optional<BottleneckSeverity> level = spec.level(gc);
    if (level.isEmpty()) {
      return List.of();
    }
    double cost = gc * o.busyMillis;
    double target = spec.threshold(BottleneckSeverity.LOW);
    double saving = Math.max(0, gc - target) * o.busyMillis;
    String reason =
        String.format(
            Locale.ROOT,
            "JVM GC took %.0f %% of task run time (%s of %s), about %s of wall time (%s)%s",
            100 * gc,
            seconds(t.jvmGcTimeMs()),
            seconds(t.executorRunTimeMs()),
            seconds(cost),
            percent(cost / o.wallMillis),
            o.claims(saving)
                ? String.format(
                    Locale.ROOT,
                    "; bringing it to %.0f %% saves about %s",
                    100 * target,
                    seconds(saving))
                : "");
    return List.of(
        o.finding(
            spec,
            level.get(),
            cost,
            evidence("gcTimeFraction", gc, "jvmGcTimeMs", t.jvmGcTimeMs()),
            OptionalDouble.of(cost / o.wallMillis),
            saving,
            reason));
  }
}
