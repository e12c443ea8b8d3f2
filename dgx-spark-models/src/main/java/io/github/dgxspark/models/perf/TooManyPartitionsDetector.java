package io.github.dgxspark.models.perf;

import static io.github.dgxspark.models.perf.Wording.count;
import static io.github.dgxspark.models.perf.Wording.evidence;
import static io.github.dgxspark.models.perf.Wording.seconds;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Stages of short tasks with many tasks per slot: the per-task overhead beyond the tuning guide's
 * tasks per slot.
 */
final class TooManyPartitionsDetector implements Detector {
  @Override
  public BottleneckKind kind() {
    return BottleneckKind.TOO_MANY_PARTITIONS;
  }

  @Override
  public List<Bottleneck> detect(Observation o) {
    DetectorSpec spec = spec();
    double shortTask = spec.parameter("shortTaskMillis");
    double perSlot = spec.parameter("tasksPerSlot");
    int stages = 0;
    double stageMillis = 0;
    double saving = 0;
    for (Observation.StageSpan st : o.stages) {
      long n = st.stage().runTimeMs().count();
      if (st.stage().runTimeMs().median() >= shortTask || n <= perSlot * st.segmentSlots()) {
        continue;
      }
      double extra =
          (n - perSlot * st.segmentSlots())
              * Replayer.overheadMillis(st.stage())
              / st.segmentSlots();
      stages++;
      stageMillis += st.shareMillis();
      saving += Math.min(st.shareMillis(), extra);
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
                            "%s had a median task under %.0f ms and more than %.0f tasks per slot;"
                                + " their per-task overhead (scheduling, deserialisation) beyond"
                                + " %.0f tasks per slot costs about %s",
                            count(n, "stage"),
                            shortTask,
                            perSlot,
                            perSlot,
                            seconds(saved)))))
        .orElse(List.of());
  }
}
