package io.github.dgxspark.models.perf;

import static io.github.dgxspark.models.perf.Wording.evidence;
import static io.github.dgxspark.models.perf.Wording.seconds;

import io.github.dgxspark.models.eventlog.ApplicationProfile.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A stage whose longest task is many times its median and sets the stage's end; it costs the time
 * the stage would end sooner with its work split evenly.
 */
final class TaskSkewDetector implements Detector {
  @Override
  public BottleneckKind kind() {
    return BottleneckKind.TASK_SKEW;
  }

  @Override
  public List<Bottleneck> detect(Observation o) {
    DetectorSpec spec = spec();
    double minLongest = spec.parameter("minLongestTaskMillis");
    double stageFraction = spec.parameter("longestTaskStageFraction");
    List<Bottleneck> found = new ArrayList<>();
    for (Observation.StageSpan st : o.stages) {
      Stage s = st.stage();
      long max = s.runTimeMs().max();
      if (max <= minLongest || max <= stageFraction * st.spanMillis()) {
        continue;
      }
      Optional<BottleneckSeverity> level = spec.level(s.skewRatio());
      if (level.isEmpty()) {
        continue;
      }
      double even = Math.max(s.runTimeMs().p95(), st.workMillis() / Math.max(1, st.segmentSlots()));
      double saving = Math.max(0, max - even);
      String reason =
          String.format(
              Locale.ROOT,
              "stage %d: the longest task ran %s, %.1f× the median %s, and set the stage's end%s",
              s.id(),
              seconds(max),
              s.skewRatio(),
              seconds(s.runTimeMs().median()),
              o.claims(saving)
                  ? "; split evenly the stage would end about " + seconds(saving) + " sooner"
                  : "");
      found.add(
          o.finding(
              spec,
              level.get(),
              saving,
              evidence(
                  "stageId",
                  s.id(),
                  "skewRatio",
                  s.skewRatio(),
                  "maxTaskMs",
                  max,
                  "medianTaskMs",
                  s.runTimeMs().median()),
              OptionalDouble.of(st.spanMillis() / o.wallMillis),
              saving,
              reason));
    }
    return found;
  }
}
