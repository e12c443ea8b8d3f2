package io.github.dgxspark.models.perf;

import static io.github.dgxspark.models.perf.Wording.evidence;
import static io.github.dgxspark.models.perf.Wording.seconds;

import io.github.dgxspark.core.ByteSizes;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/** The share of wall time in stages whose I/O is mostly input read. */
final class InputBoundDetector implements Detector {
  @Override
  public BottleneckKind kind() {
    return BottleneckKind.INPUT_BOUND;
  }

  @Override
  public List<Bottleneck> detect(Observation o) {
    DetectorSpec spec = spec();
    double millis = o.stageMillis(Observation.Io.INPUT);
    double share = millis / o.wallMillis;
    return spec.level(share)
        .map(
            level ->
                List.of(
                    o.finding(
                        spec,
                        level,
                        millis,
                        evidence("inputStageTimeMs", millis, "inputBytes", o.totals.inputBytes()),
                        OptionalDouble.of(Math.min(1, share)),
                        Double.NaN,
                        String.format(
                            Locale.ROOT,
                            "stages whose I/O is mostly input ran %s, %.0f %% of wall time (%s"
                                + " read)",
                            seconds(millis),
                            100 * share,
                            ByteSizes.human(o.totals.inputBytes())))))
        .orElse(List.of());
  }
}
