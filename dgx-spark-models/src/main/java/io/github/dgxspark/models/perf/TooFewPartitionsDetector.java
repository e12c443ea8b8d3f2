package io.github.dgxspark.models.perf;

import static io.github.dgxspark.models.perf.Wording.count;
import static io.github.dgxspark.models.perf.Wording.evidence;
import static io.github.dgxspark.models.perf.Wording.seconds;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Stages with fewer tasks than task slots: the time they would finish sooner spread over every
 * slot. Without a log, shuffle partitions under the tuning guide's tasks per slot.
 */
final class TooFewPartitionsDetector implements Detector {
  @Override
  public BottleneckKind kind() {
    return BottleneckKind.TOO_FEW_PARTITIONS;
  }

  @Override
  public List<Bottleneck> detect(Observation o) {
    DetectorSpec spec = spec();
    int stages = 0;
    double stageMillis = 0;
    double saving = 0;
    for (Observation.StageSpan st : o.stages) {
      long n = st.stage().runTimeMs().count();
      if (n == 0 || n >= st.segmentSlots() || st.spanMillis() <= 0) {
        continue;
      }
      double lost = Math.max(0, st.spanMillis() - st.workMillis() / st.segmentSlots());
      if (lost > 0) {
        stages++;
        stageMillis += st.shareMillis();
        saving += Math.min(st.shareMillis(), lost);
      }
    }
    if (stages == 0) {
      return List.of();
    }
    double share = saving / o.wallMillis;
    int n = stages;
    double ran = stageMillis;
    double saved = saving;
    return spec.level(share)
        .map(
            level ->
                List.of(
                    o.finding(
                        spec,
                        level,
                        saved,
                        evidence("stages", n, "stageTimeMs", ran, "taskSlots", o.slots),
                        OptionalDouble.of(Math.min(1, share)),
                        saved,
                        String.format(
                            Locale.ROOT,
                            "%s had fewer tasks than the %.0f task slots and ran %s; spread over"
                                + " all slots they would finish about %s sooner",
                            count(n, "stage"),
                            o.slots,
                            seconds(ran),
                            seconds(saved)))))
        .orElse(List.of());
  }

  @Override
  public List<Bottleneck> detect(ConfigLayout c) {
    DetectorSpec spec = spec();
    double perSlot = spec.parameter("configMinTasksPerSlot");
    if (c.shufflePartitions() >= perSlot * c.taskSlots()) {
      return List.of();
    }
    boolean under = c.shufflePartitions() < c.taskSlots();
    return List.of(
        new Bottleneck(
            kind(),
            under ? BottleneckSeverity.SEVERE : BottleneckSeverity.MODERATE,
            evidence("shufflePartitions", c.shufflePartitions(), "taskSlots", c.taskSlots()),
            OptionalDouble.empty(),
            Optional.empty(),
            String.format(
                Locale.ROOT,
                "spark.sql.shuffle.partitions=%d for %d task slots: under the %.0f tasks per slot"
                    + " the tuning guide's 2–3 tasks per core ask for, %s",
                c.shufflePartitions(),
                c.taskSlots(),
                perSlot,
                under
                    ? "so some slots get no shuffle task at all"
                    : "so the last wave leaves slots idle"),
            spec.source().get("configMinTasksPerSlot")));
  }
}
