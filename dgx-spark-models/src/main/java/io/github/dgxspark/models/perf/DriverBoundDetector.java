package io.github.dgxspark.models.perf;

import static io.github.dgxspark.models.perf.Wording.evidence;
import static io.github.dgxspark.models.perf.Wording.seconds;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/** Wall time with no task running: the driver's own work, planning and scheduling gaps. */
final class DriverBoundDetector implements Detector {
  @Override
  public BottleneckKind kind() {
    return BottleneckKind.DRIVER_BOUND;
  }

  @Override
  public List<Bottleneck> detect(Observation o) {
    DetectorSpec spec = spec();
    double millis = o.replay.driverMillis;
    double share = millis / o.wallMillis;
    return spec.level(share)
        .map(
            level ->
                List.of(
                    o.finding(
                        spec,
                        level,
                        millis,
                        evidence("driverTimeMs", millis, "wallTimeMs", o.wallMillis),
                        OptionalDouble.of(Math.min(1, share)),
                        millis,
                        String.format(
                            Locale.ROOT,
                            "no task ran for %s of %s (%.0f %%): driver work, planning,"
                                + " scheduling gaps or waiting for executors; more executors do"
                                + " not shorten it%s",
                            seconds(millis),
                            seconds(o.wallMillis),
                            100 * share,
                            o.claims(millis)
                                ? " (the saving shown is the upper bound if it all moved off the"
                                    + " driver)"
                                : ""))))
        .orElse(List.of());
  }
}
