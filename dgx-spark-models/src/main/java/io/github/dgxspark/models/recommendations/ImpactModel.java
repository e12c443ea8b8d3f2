package io.github.dgxspark.models.recommendations;

import io.github.dgxspark.core.ClusterSpec;
import io.github.dgxspark.core.SparkConfig;
import io.github.dgxspark.core.WorkloadSpec;
import io.github.dgxspark.models.eventlog.ApplicationProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Predicts the impact of changes. On a logged application: the bottleneck the changed keys act on,
 * and the share of the wall time that bottleneck cost (failed task attempts, GC above the healthy
 * level, skewed tasks beyond the stage's 95th percentile); each saving is bounded by what the log
 * measured. Keys no model covers, and configs without a log, give "unknown".
 */
final class ImpactModel {
  /** Interval coverage stated for the attribution bounds. */
  static final double LEVEL = 0.9;

  /**
   * GC share of task time Dr. Elephant rates "low" (below it GC is healthy): the saving counts only
   * GC above it (MODELS-FACTS §3.1, linkedin/dr-elephant Executor GC heuristic).
   */
  static final double HEALTHY_GC_SHARE = 0.08;

  private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

  /** What a key acts on. */
  enum Lever {
    FAILURES,
    GC,
    SKEW
  }

  private static final Map<Lever, Set<String>> KEYS = new EnumMap<>(Lever.class);

  static {
    KEYS.put(
        Lever.FAILURES,
        Set.of(
            "spark.sql.files.maxPartitionBytes",
            "spark.rapids.sql.concurrentGpuTasks",
            "spark.executor.memoryOverhead",
            "spark.shuffle.service.enabled"));
    KEYS.put(
        Lever.GC,
        Set.of("spark.executor.extraJavaOptions", "spark.executor.memory", "spark.executor.cores"));
    KEYS.put(
        Lever.SKEW, Set.of("spark.sql.adaptive.skewJoin.enabled", "spark.sql.adaptive.enabled"));
  }

  private final Optional<ApplicationProfile> profile;
  private final String noModel;

  private ImpactModel(Optional<ApplicationProfile> profile, String noModel) {
    this.profile = profile;
    this.noModel = noModel;
  }

  static ImpactModel forProfile(ApplicationProfile profile) {
    return new ImpactModel(Optional.of(profile), "");
  }

  static ImpactModel forConfig(SparkConfig config, ClusterSpec cluster, WorkloadSpec workload) {
    return new ImpactModel(
        Optional.empty(),
        "without an event log only the performance history could say, and it holds no measured"
            + " runs of "
            + workload.type().id()
            + " jobs to fit a run-time model on");
  }

  Impact estimate(List<Change> changes) {
    if (profile.isEmpty()) {
      return Impact.unknown(noModel);
    }
    ApplicationProfile p = profile.get();
    Set<String> keys = new TreeSet<>();
    changes.forEach(c -> keys.add(c.key()));
    Optional<Duration> wall = wall(p);
    if (wall.isEmpty() || wall.get().toMillis() <= 0) {
      return Impact.unknown("the event log has no application duration to compare against");
    }
    if (p.failures().failedJobs() > 0 && touches(keys, Lever.FAILURES)) {
      return Impact.unknown(
          String.format(
              Locale.ROOT,
              "%d job(s) of the application failed, so its wall time is no baseline: the change is"
                  + " needed for the job to finish, and how long it then takes is not predictable"
                  + " from this log",
              p.failures().failedJobs()));
    }
    double wallMs = wall.get().toMillis();
    double busy = busyShare(p, wallMs);
    double expected = 0;
    double favourable = 0;
    List<String> parts = new ArrayList<>();
    List<String> unmodelled = new ArrayList<>();
    for (String k : keys) {
      if (KEYS.values().stream().noneMatch(s -> s.contains(k))) {
        unmodelled.add(k);
      }
    }
    if (touches(keys, Lever.FAILURES) && p.failures().failedTasks() > 0) {
      double[] wasted = wastedTaskShare(p);
      expected += wasted[0] * busy;
      favourable += wasted[1] * busy;
      parts.add(
          String.format(
              Locale.ROOT,
              "%d failed task attempts took an estimated %.1f %% of task time (%.1f %% at most),"
                  + " and tasks ran during %.0f %% of the wall time",
              p.failures().failedTasks(),
              wasted[0] * 100,
              wasted[1] * 100,
              busy * 100));
    }
    if (touches(keys, Lever.GC)) {
      double run = p.totals().executorRunTimeMs();
      double gc = run > 0 ? p.totals().jvmGcTimeMs() / run : 0;
      if (gc > HEALTHY_GC_SHARE) {
        expected += (gc - HEALTHY_GC_SHARE) * busy;
        favourable += gc * busy;
        parts.add(
            String.format(
                Locale.ROOT,
                "GC took %.1f %% of task time; bringing it to the healthy %.0f %% saves the excess",
                gc * 100,
                HEALTHY_GC_SHARE * 100));
      }
    }
    if (touches(keys, Lever.SKEW)) {
      double tail = 0;
      double fullTail = 0;
      for (ApplicationProfile.Stage s : p.stages()) {
        if (s.skewRatio() >= Evidence.SKEW_RATIO && s.runTimeMs().max() >= Evidence.SKEW_MIN_MS) {
          tail += s.runTimeMs().max() - s.runTimeMs().p95();
          fullTail += s.runTimeMs().max() - s.runTimeMs().median();
        }
      }
      if (fullTail > 0) {
        expected += Math.min(1, tail / wallMs);
        favourable += Math.min(1, fullTail / wallMs);
        parts.add(
            "skewed stages' longest tasks ran beyond the stage's 95th percentile (expected) or"
                + " median (at best)");
      }
    }
    if (parts.isEmpty()) {
      return Impact.unknown(
          "no model covers "
              + String.join(", ", unmodelled.isEmpty() ? keys : unmodelled)
              + " on this log: the bottleneck it addresses has no measured time share here");
    }
    expected = Math.min(expected, 0.95);
    favourable = Math.max(expected, Math.min(favourable, 0.95));
    Range time = new Range(-expected, -favourable, 0);
    double confidence = confidence(time);
    String basis =
        "Bottleneck attribution on the event log: "
            + String.join("; ", parts)
            + ". The interval runs from no gain to the whole measured share."
            + (unmodelled.isEmpty() ? "" : " Not modelled: " + String.join(", ", unmodelled) + ".")
            + " Cost = run time x the cores or GPUs held, unchanged by these keys.";
    return new Impact(
        true,
        Optional.of(time),
        Optional.of(time),
        wall,
        LEVEL,
        confidence,
        "bottleneck-saving",
        basis);
  }

  /**
   * Probability that the change helps: the interval read as a central {@link #LEVEL} interval of a
   * normal distribution, P(change below 0).
   */
  static double confidence(Range r) {
    double z = NORMAL.inverseCumulativeProbability(0.5 + LEVEL / 2);
    double sigma = (r.high() - r.low()) / (2 * z);
    if (sigma <= 0) {
      return r.expected() < 0 ? 1 : 0;
    }
    return NORMAL.cumulativeProbability(-r.expected() / sigma);
  }

  private static boolean touches(Set<String> keys, Lever lever) {
    return keys.stream().anyMatch(KEYS.get(lever)::contains);
  }

  static Optional<Duration> wall(ApplicationProfile p) {
    if (p.duration().isPresent()) {
      return p.duration();
    }
    Optional<Instant> first =
        p.stages().stream()
            .flatMap(s -> s.firstTaskLaunch().stream())
            .min(Comparator.naturalOrder());
    Optional<Instant> last =
        p.stages().stream()
            .flatMap(s -> s.lastTaskFinish().stream())
            .max(Comparator.naturalOrder());
    return first.isPresent() && last.isPresent()
        ? Optional.of(Duration.between(first.get(), last.get()))
        : Optional.empty();
  }

  /** Share of the wall time in which some task ran: the union of the stages' task windows. */
  static double busyShare(ApplicationProfile p, double wallMs) {
    List<long[]> windows = new ArrayList<>();
    for (ApplicationProfile.Stage s : p.stages()) {
      if (s.firstTaskLaunch().isPresent() && s.lastTaskFinish().isPresent()) {
        windows.add(
            new long[] {
              s.firstTaskLaunch().get().toEpochMilli(), s.lastTaskFinish().get().toEpochMilli()
            });
      }
    }
    windows.sort(Comparator.comparingLong(w -> w[0]));
    long covered = 0;
    long end = Long.MIN_VALUE;
    for (long[] w : windows) {
      if (w[1] <= end) {
        continue;
      }
      covered += w[1] - Math.max(w[0], end);
      end = w[1];
    }
    return Math.max(0, Math.min(1, covered / wallMs));
  }

  /**
   * Task time of failed attempts as a share of all task time: failed tasks × the stage's median run
   * time (expected) and × its maximum (at most), capped at the stage's total.
   */
  static double[] wastedTaskShare(ApplicationProfile p) {
    double total = p.totals().executorRunTimeMs();
    if (total <= 0) {
      return new double[] {0, 0};
    }
    double expected = 0;
    double most = 0;
    for (ApplicationProfile.Stage s : p.stages()) {
      if (s.failedTasks() == 0) {
        continue;
      }
      double sum = s.runTimeMs().sum();
      expected += Math.min(sum, (double) s.failedTasks() * s.runTimeMs().median());
      most += Math.min(sum, (double) s.failedTasks() * s.runTimeMs().max());
    }
    return new double[] {Math.min(1, expected / total), Math.min(1, most / total)};
  }
}
