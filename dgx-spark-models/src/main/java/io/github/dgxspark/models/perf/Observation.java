package io.github.dgxspark.models.perf;

import io.github.dgxspark.core.ClusterSpec;
import io.github.dgxspark.models.eventlog.ApplicationProfile;
import io.github.dgxspark.models.eventlog.ApplicationProfile.Stage;
import io.github.dgxspark.models.eventlog.ApplicationProfile.Totals;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What every detector reads in one event log: the replayed stage spans, wall, busy and slot time,
 * and the cluster when known. Detectors report through {@link #finding}, which limits the severity
 * by the cost and claims only savings worth claiming.
 */
final class Observation {
  /** The dominant I/O of a stage: its time goes to input read, or to shuffle read and write. */
  enum Io {
    INPUT,
    SHUFFLE,
    NONE
  }

  /**
   * One stage attempt as replayed.
   *
   * @param stage the stage attempt
   * @param spanMillis first task launch to last task finish, ms
   * @param shareMillis its span within its segment, ms (what time attribution counts)
   * @param segmentSlots the task slots observed while it ran
   * @param workMillis its tasks' slot time, ms
   */
  record StageSpan(
      Stage stage, double spanMillis, double shareMillis, double segmentSlots, double workMillis) {
    Io io() {
      long in = stage.inputBytes().sum();
      long shuffled = stage.shuffleReadBytes().sum() + stage.shuffleWriteBytes().sum();
      if (in > 0 && in >= shuffled) {
        return Io.INPUT;
      }
      return shuffled > in ? Io.SHUFFLE : Io.NONE;
    }
  }

  /** How the cost scale shows in a finding's source. */
  static final String COST_NOTE =
      "; the level is limited by the time it costs ([est] this project's cost scale: under 1 s"
          + " low; moderate, severe, critical from 1, 2, 5 % of wall time)";

  final ApplicationProfile profile;
  final Replayer replay;
  final Totals totals;
  final Optional<ClusterSpec> cluster;
  final CostScale scale;
  final double wallMillis;
  final double busyMillis;
  final double slots;
  final List<StageSpan> stages;

  Observation(ApplicationProfile profile, Optional<ClusterSpec> cluster, CostScale scale) {
    this.profile = profile;
    this.replay = Replayer.of(profile);
    this.totals = profile.totals();
    this.cluster = cluster;
    this.scale = scale;
    this.wallMillis = Math.max(1, replay.observedMillis);
    this.busyMillis = wallMillis - replay.driverMillis;
    this.slots =
        Math.max(
            1,
            replay.segments.stream().mapToDouble(s -> s.observedSlots() * s.spanMillis()).sum()
                / Math.max(1, busyMillis));
    List<StageSpan> spans = new ArrayList<>();
    for (Replayer.Segment seg : replay.segments) {
      for (Replayer.StageRun run : seg.stages()) {
        double span = Math.max(0, run.lastFinishMillis() - run.firstLaunchMillis());
        double work = 0;
        for (double d : run.durations()) {
          work += d;
        }
        spans.add(
            new StageSpan(
                run.stage(), span, Math.min(span, seg.spanMillis()), seg.observedSlots(), work));
      }
    }
    this.stages = List.copyOf(spans);
  }

  /** The time of stage attempts whose I/O is mostly of one kind, ms. */
  double stageMillis(Io io) {
    return stages.stream().filter(s -> s.io() == io).mapToDouble(StageSpan::shareMillis).sum();
  }

  /** The spans of the stage attempts that failed, ms. */
  double failedStageMillis() {
    return stages.stream()
        .filter(s -> s.stage().failureReason().isPresent())
        .mapToDouble(StageSpan::spanMillis)
        .sum();
  }

  /** The mean executor run time of a task, ms. */
  double meanTaskMillis() {
    return totals.tasks() > 0 ? (double) totals.executorRunTimeMs() / totals.tasks() : 0;
  }

  /**
   * A finding: its level limited by its cost, its cost added to the evidence as {@code costMs}, and
   * its saving claimed only when large enough.
   *
   * @param spec the detector's entry, whose citation is the source
   * @param level the level its measure reached
   * @param costMillis the time it costs the application, ms
   * @param evidence its numbers
   * @param wallTimeFraction the share of wall time it costs, when it has one
   * @param savingMillis the wall time saved if fixed, ms; NaN when no estimate is made
   * @param reason its sentence
   */
  Bottleneck finding(
      DetectorSpec spec,
      BottleneckSeverity level,
      double costMillis,
      Map<String, Double> evidence,
      OptionalDouble wallTimeFraction,
      double savingMillis,
      String reason) {
    Map<String, Double> withCost = new LinkedHashMap<>(evidence);
    withCost.put("costMs", (double) Math.max(0, Math.round(costMillis)));
    return new Bottleneck(
        spec.kind(),
        scale.limit(level, costMillis, wallMillis),
        withCost,
        wallTimeFraction,
        Double.isNaN(savingMillis) ? Optional.empty() : scale.saving(savingMillis),
        reason,
        spec.citation() + COST_NOTE);
  }

  /** Whether a saving is large enough to claim in a sentence. */
  boolean claims(double savingMillis) {
    return scale.claims(savingMillis);
  }
}
