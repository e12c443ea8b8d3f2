package io.github.dgxspark.models.perf;

import static io.github.dgxspark.models.perf.Wording.evidence;
import static io.github.dgxspark.models.perf.Wording.seconds;

import io.github.dgxspark.core.ByteSizes;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/** The share of wall time in stages whose I/O is mostly shuffle read and write. */
final class ShuffleBoundDetector implements Detector {
  @Override
  public BottleneckKind kind() {
    return BottleneckKind.SHUFFLE_BOUND;
  }

  @Override
  public List<Bottleneck> detect(Observation o) {
    DetectorSpec spec = spec();
    double millis = o.stageMillis(Observation.Io.SHUFFLE);
    double share = millis / o.wallMillis;
    return spec.level(share)
        .map(
            level ->
                List.of(
                    o.finding(
                        spec,
                        level,
                        millis,
                        evidence(
                            "shuffleStageTimeMs",
                            millis,
                            "shuffleReadBytes",
                            o.totals.shuffleReadBytes(),
                            "shuffleWriteBytes",
                            o.totals.shuffleWriteBytes()),
                        OptionalDouble.of(Math.min(1, share)),
                        Double.NaN,
                        String.format(
                            Locale.ROOT,
                            "stages whose I/O is mostly shuffle ran %s, %.0f %% of wall time (%s"
                                + " read, %s written)",
                            seconds(millis),
                            100 * share,
                            ByteSizes.human(o.totals.shuffleReadBytes()),
                            ByteSizes.human(o.totals.shuffleWriteBytes())))))
        .orElse(List.of());
  }
}
