package io.github.dgxspark.models.perf;

import static io.github.dgxspark.models.perf.Wording.count;
import static io.github.dgxspark.models.perf.Wording.evidence;
import static io.github.dgxspark.models.perf.Wording.seconds;

import io.github.dgxspark.models.eventlog.ApplicationProfile.Failures;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Shuffle fetches that failed, forcing map stages to be recomputed; they cost the failed stage
 * attempts' spans.
 */
final class FetchFailuresDetector implements Detector {
  @Override
  public BottleneckKind kind() {
    return BottleneckKind.FETCH_FAILURES;
  }

  @Override
  public List<Bottleneck> detect(Observation o) {
    Failures f = o.profile.failures();
    if (o.totals.tasks() == 0 || f.fetchFailures() == 0) {
      return List.of();
    }
    DetectorSpec spec = spec();
    double cost = Math.min(o.wallMillis, o.failedStageMillis());
    String fetches = count(f.fetchFailures(), "shuffle fetch", "shuffle fetches");
    String reason =
        f.failedStages() > 0
            ? String.format(
                Locale.ROOT,
                "%s failed, so %s failed and map output was recomputed (%s in failed stage"
                    + " attempts); usually a lost executor or shuffle service",
                fetches,
                count(f.failedStages(), "stage attempt"),
                seconds(cost))
            : String.format(
                Locale.ROOT,
                "%s failed and map output was recomputed; usually a lost executor or shuffle"
                    + " service",
                fetches);
    return List.of(
        o.finding(
            spec,
            f.failedStages() > 0 ? BottleneckSeverity.CRITICAL : BottleneckSeverity.SEVERE,
            cost,
            evidence("fetchFailures", f.fetchFailures(), "failedStages", f.failedStages()),
            OptionalDouble.of(Math.min(1, cost / o.wallMillis)),
            cost,
            reason));
  }
}
