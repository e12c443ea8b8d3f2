package io.github.dgxspark.models.perf;

import static io.github.dgxspark.models.perf.Wording.evidence;
import static io.github.dgxspark.models.perf.Wording.seconds;

import io.github.dgxspark.models.eventlog.ApplicationProfile.Stage;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Execution memory spilled to disk, against the bytes each stage processed; it costs the time
 * handling the spilled bytes again, assuming time grows with the bytes handled.
 */
final class SpillDetector implements Detector {
  @Override
  public BottleneckKind kind() {
    return BottleneckKind.SPILL;
  }

  @Override
  public List<Bottleneck> detect(Observation o) {
    DetectorSpec spec = spec();
    double maxProcessed = spec.parameter("maxProcessedBytes");
    double worst = 0;
    double spillMillis = 0;
    double saving = 0;
    for (Observation.StageSpan st : o.stages) {
      Stage s = st.stage();
      long processed =
          Math.max(
              Math.max(s.inputBytes().sum(), s.outputBytes().sum()),
              Math.max(s.shuffleReadBytes().sum(), s.shuffleWriteBytes().sum()));
      long spilled = s.memoryBytesSpilled().sum();
      if (spilled == 0 || processed == 0 || processed > maxProcessed) {
        continue;
      }
      double ratio = (double) spilled / processed;
      if (spec.level(ratio).isPresent()) {
        worst = Math.max(worst, ratio);
        spillMillis += st.shareMillis();
        saving += st.shareMillis() * Math.min(1, ratio) / (1 + Math.min(1, ratio));
      }
    }
    if (worst == 0) {
      return List.of();
    }
    String reason =
        String.format(
            Locale.ROOT,
            "stages that spilled (up to %.0f %% of the bytes they processed) ran %s, %.0f %% of"
                + " wall time%s",
            100 * worst,
            seconds(spillMillis),
            100 * spillMillis / o.wallMillis,
            o.claims(saving)
                ? "; assuming time grows with the bytes handled and a spilled byte is handled"
                    + " again, avoiding spill saves about "
                    + seconds(saving)
                : "");
    return List.of(
        o.finding(
            spec,
            spec.level(worst).orElseThrow(),
            saving,
            evidence(
                "worstStageSpillFraction",
                worst,
                "memoryBytesSpilled",
                o.totals.memoryBytesSpilled(),
                "diskBytesSpilled",
                o.totals.diskBytesSpilled()),
            OptionalDouble.of(Math.min(1, spillMillis / o.wallMillis)),
            saving,
            reason));
  }
}
