package io.github.dgxspark.models.workload;

import io.github.dgxspark.models.eventlog.ApplicationProfile;
import io.github.dgxspark.models.workload.QualificationReport.Range;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The GPU's fixed costs the qualification wall-time model charges beyond Amdahl over task time: the
 * first-stage warm-up (executor start-up, plugin and CUDA initialisation), the least a GPU stage
 * takes, and one row-columnar transition's share of its stage's GPU time, each a range (low for the
 * fastest GPU, high for the slowest) with where it was measured. {@link #packaged()} holds those
 * measured on the public GPU logs ({@code data/models/gpu-operators.json} fixedCosts); {@link
 * #measured} replaces the first two with the user's own GPU runs.
 *
 * @param firstStageMs wall time of a GPU application's first stage, ms
 * @param minStageMs the least a GPU stage takes, ms
 * @param transitionFraction one transition's GPU time as a share of its stage's run time
 * @param firstStageBasis where {@code firstStageMs} comes from
 * @param minStageBasis where {@code minStageMs} comes from
 * @param transitionBasis where {@code transitionFraction} comes from
 * @param source which costs were used, in a sentence starting {@code from your history} or {@code
 *     packaged}
 */
public record GpuCosts(
    Range firstStageMs,
    Range minStageMs,
    Range transitionFraction,
    String firstStageBasis,
    String minStageBasis,
    String transitionBasis,
    String source) {

  // Checks the fields.
  public GpuCosts {
    Objects.requireNonNull(firstStageMs, "firstStageMs");
    Objects.requireNonNull(minStageMs, "minStageMs");
    Objects.requireNonNull(transitionFraction, "transitionFraction");
    Objects.requireNonNull(firstStageBasis, "firstStageBasis");
    Objects.requireNonNull(minStageBasis, "minStageBasis");
    Objects.requireNonNull(transitionBasis, "transitionBasis");
    Objects.requireNonNull(source, "source");
  }

  /** The packaged file's costs, for the source sentence. */
  private static final String PACKAGED =
      "packaged: data/models/gpu-operators.json fixedCosts, measured on public GPU logs";

  /**
   * The costs measured on the public GPU logs of {@code data/models/gpu-operators.json}.
   *
   * @return the packaged costs
   */
  public static GpuCosts packaged() {
    return packaged(PACKAGED + "; " + ADVICE);
  }

  /** What replaces the packaged costs. */
  private static final String ADVICE =
      "'history add' the event logs of your own GPU runs to use your cluster's";

  private static GpuCosts packaged(String source) {
    return new GpuCosts(
        packagedRange("firstStageMs"),
        packagedRange("minStageMs"),
        packagedRange("transitionFraction"),
        GpuWallTime.costBasis("firstStageMs"),
        GpuWallTime.costBasis("minStageMs"),
        GpuWallTime.costBasis("transitionFraction"),
        source);
  }

  private static Range packagedRange(String what) {
    return new Range(
        GpuWallTime.cost(what, GpuWallTime.Scenario.EXPECTED),
        GpuWallTime.cost(what, GpuWallTime.Scenario.FAST),
        GpuWallTime.cost(what, GpuWallTime.Scenario.SLOW));
  }

  /**
   * The costs measured on the user's own GPU runs, measured as the packaged ones were: the warm-up
   * is each run's first stage (submission to completion), taken only from runs deployed as the
   * target is (a local-mode run starts no executor, so its first stage says nothing of a cluster's,
   * and the other way round); the least GPU stage is the median of each run's one-task stages after
   * the first. Across runs: the median expected, the least and the most the range. A cost no run
   * measures stays the packaged one, and {@link #source()} says which is which; the transition
   * share, which needs the GPU operators' own metrics, stays packaged.
   *
   * @param gpuRuns profiles of the user's runs; those whose plans hold no GPU operator are left out
   * @param labels each run's name in the source (e.g. its log path), in the same order
   * @param localTarget whether the target runs in local mode
   * @param where the history, in words, e.g. {@code your history /home/me/.dgx-spark/history.json}
   * @param notes what could not be used and why (e.g. a log that is gone), for the source
   * @return the costs
   * @throws IllegalArgumentException if the lists differ in size
   */
  public static GpuCosts measured(
      List<ApplicationProfile> gpuRuns,
      List<String> labels,
      boolean localTarget,
      String where,
      List<String> notes) {
    Objects.requireNonNull(gpuRuns, "gpuRuns");
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(notes, "notes");
    if (gpuRuns.size() != labels.size()) {
      throw new IllegalArgumentException(
          gpuRuns.size() + " runs but " + labels.size() + " labels; expected one label per run");
    }
    List<Double> firsts = new ArrayList<>();
    List<String> firstRuns = new ArrayList<>();
    List<Double> mins = new ArrayList<>();
    List<String> minRuns = new ArrayList<>();
    List<String> skipped = new ArrayList<>(notes);
    for (int i = 0; i < gpuRuns.size(); i++) {
      ApplicationProfile p = gpuRuns.get(i);
      String label = labels.get(i);
      GpuWallTime.Structure st;
      try {
        st = GpuWallTime.structure(p);
      } catch (RuntimeException e) {
        skipped.add(label + " has no wall time");
        continue;
      }
      if (!st.onGpu()) {
        skipped.add(label + " ran no GPU operator");
        continue;
      }
      boolean local = p.master().map(m -> m.startsWith("local")).orElse(false);
      if (local == localTarget) {
        firsts.add((double) st.firstStageMs());
        firstRuns.add(String.format(Locale.ROOT, "%s %,d ms", label, st.firstStageMs()));
      } else {
        skipped.add(
            label
                + (local
                    ? " ran in local mode (no executor start-up), the target is a cluster"
                    : " ran on a cluster, the target is local mode")
                + ": not used for the warm-up");
      }
      oneTaskMedian(p, st)
          .ifPresent(
              ms -> {
                mins.add(ms);
                minRuns.add(String.format(Locale.ROOT, "%s %,.0f ms", label, ms));
              });
    }
    if (firsts.isEmpty() && mins.isEmpty()) {
      return packaged(
          PACKAGED
              + " (from "
              + where
              + ": no GPU run measures them"
              + (skipped.isEmpty() ? "" : "; " + String.join("; ", skipped))
              + "); "
              + ADVICE);
    }
    GpuCosts base = packaged();
    String yours = "from " + where + ": ";
    List<String> used = new ArrayList<>();
    Range first = base.firstStageMs();
    String firstBasis = base.firstStageBasis();
    if (!firsts.isEmpty()) {
      first = range(firsts);
      firstBasis = yours + "first stage of your GPU run(s) " + String.join(", ", firstRuns);
      used.add(
          String.format(
              Locale.ROOT,
              "warm-up (first stage) %,.0f ms from %d GPU run(s)",
              first.expected(),
              firsts.size()));
    }
    Range min = base.minStageMs();
    String minBasis = base.minStageBasis();
    if (!mins.isEmpty()) {
      min = range(mins);
      minBasis =
          yours
              + "median one-task stage after the first of your run(s) "
              + String.join(", ", minRuns);
      used.add(
          String.format(
              Locale.ROOT,
              "least GPU stage %,.0f ms from %d GPU run(s)",
              min.expected(),
              mins.size()));
    }
    List<String> kept = new ArrayList<>();
    if (firsts.isEmpty()) {
      kept.add("warm-up");
    }
    if (mins.isEmpty()) {
      kept.add("least GPU stage");
    }
    kept.add("row-columnar transition share");
    return new GpuCosts(
        first,
        min,
        base.transitionFraction(),
        firstBasis,
        minBasis,
        base.transitionBasis(),
        yours
            + String.join(", ", used)
            + "; "
            + PACKAGED.replace("packaged: ", "packaged (")
            + "): "
            + String.join(", ", kept)
            + (skipped.isEmpty() ? "" : "; not used: " + String.join("; ", skipped)));
  }

  /** Median, least and most of the values, as a range. */
  private static Range range(List<Double> values) {
    List<Double> v = new ArrayList<>(values);
    v.sort(Double::compare);
    int n = v.size();
    double median = n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    return new Range(median, v.get(0), v.get(n - 1));
  }

  /** The median wall time of the run's one-task stages after the first, if it has any. */
  private static Optional<Double> oneTaskMedian(ApplicationProfile p, GpuWallTime.Structure st) {
    Optional<Instant> first =
        st.stages().stream()
            .map(GpuWallTime.StageTime::start)
            .flatMap(Optional::stream)
            .min(Instant::compareTo);
    List<Double> ms = new ArrayList<>();
    for (ApplicationProfile.Stage s : p.stages()) {
      Optional<Instant> start = s.submitted().or(s::firstTaskLaunch);
      Optional<Instant> end = s.completed().or(s::lastTaskFinish);
      if (s.tasks() != 1 || start.isEmpty() || end.isEmpty() || start.equals(first)) {
        continue;
      }
      ms.add((double) Math.max(0, Duration.between(start.get(), end.get()).toMillis()));
    }
    return ms.isEmpty() ? Optional.empty() : Optional.of(range(ms).expected());
  }
}
