package io.github.dgxspark.models.estimate;

import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.models.estimate.CombinedTimeReport.ModelTime;
import io.github.dgxspark.models.perf.ErnestModel;
import io.github.dgxspark.models.perf.PerformanceHistory;
import io.github.dgxspark.models.perf.PerformancePrediction;
import io.github.dgxspark.models.perf.PerformanceRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Combines the per-byte rates ({@link Estimators#time}) and the Ernest model into one time answer,
 * each judged against the range of the measured runs it rests on.
 */
final class CombinedTime {
  static final String RATES = "per-byte rates";

  static final String ERNEST = "Ernest";

  /**
   * How far beyond its runs' input sizes and core counts a model is still taken as valid: a factor
   * of 2 each way, the factor {@link Estimators#nearestInSize} uses to pick runs and the
   * performance models use to flag an Ernest extrapolation.
   */
  static final double RANGE_FACTOR = 2;

  private CombinedTime() {}

  /** The combination of the models' answers: what {@link CombinedTimeReport} reports of it. */
  record Choice(
      Duration expected,
      Duration low,
      Duration high,
      String model,
      boolean extrapolated,
      List<ModelTime> models) {}

  /**
   * Picks the answer: the models in range are used (two: geometric mean, interval spanning both);
   * none in range: the per-byte rates extrapolated, the interval widened to every model's.
   *
   * @param rates the per-byte rates' answer (always there: priors at worst)
   * @param ernest Ernest's answer, when it gave one
   */
  static Choice choose(ModelTime rates, Optional<ModelTime> ernest) {
    List<ModelTime> all = new ArrayList<>();
    all.add(rates);
    ernest.ifPresent(all::add);
    List<ModelTime> inRange = all.stream().filter(ModelTime::inRange).toList();
    boolean extrapolated = inRange.isEmpty();
    List<ModelTime> used = extrapolated ? List.of(rates) : inRange;
    List<ModelTime> spanned = extrapolated ? all : inRange;
    double logMean =
        used.stream().mapToDouble(m -> Math.log(Math.max(1, m.expected().toMillis()))).sum()
            / used.size();
    long low = spanned.stream().mapToLong(m -> m.low().toMillis()).min().orElseThrow();
    long high = spanned.stream().mapToLong(m -> m.high().toMillis()).max().orElseThrow();
    long expected =
        used.size() == 1
            ? used.get(0).expected().toMillis()
            : Math.min(Math.max(Math.round(Math.exp(logMean)), low), high);
    List<ModelTime> marked = all.stream().map(m -> m.withUsed(used.contains(m))).toList();
    String model = String.join(" and ", used.stream().map(ModelTime::name).toList());
    return new Choice(
        Duration.ofMillis(expected),
        Duration.ofMillis(low),
        Duration.ofMillis(high),
        model,
        extrapolated,
        marked);
  }

  /**
   * The report: both models judged on their runs, the choice and its reason.
   *
   * @param job the job
   * @param busyCores the cores its input keeps busy on the cluster, as the per-byte rates count
   *     them
   * @param gpu whether it runs on the GPUs
   * @param rates the per-byte rates' estimate, computed on {@code ratesHistory}
   * @param ratesHistory the history the rates came from
   * @param ratesSource which history that is, for the user
   * @param ernest Ernest's prediction, fitted on {@code ernestHistory}
   * @param ernestHistory the history Ernest was fitted on
   * @param ernestSource which history that is, for the user
   */
  static CombinedTimeReport report(
      JobSpec job,
      int busyCores,
      boolean gpu,
      TimeEstimate rates,
      PerformanceHistory ratesHistory,
      String ratesSource,
      PerformancePrediction ernest,
      PerformanceHistory ernestHistory,
      String ernestSource) {
    ModelTime r = ratesTime(job, busyCores, gpu, rates, ratesHistory, ratesSource);
    Optional<ModelTime> e = ernestTime(job, gpu, ernest, ernestHistory, ernestSource);
    Choice c = choose(r, e);
    StringBuilder why = new StringBuilder();
    if (c.extrapolated()) {
      why.append(
          "no model has measured runs near this job, so this is an extrapolation: the per-byte"
              + " rates scaled linearly in input size and cores (which assumes perfect scaling, an"
              + " optimistic end), the interval widened to every model's answer");
    } else if (c.models().stream().filter(ModelTime::used).count() > 1) {
      why.append(
          "both models hold here: the expected time is the geometric mean of theirs and the"
              + " interval spans both of their intervals");
    } else {
      why.append("only the ").append(c.model()).append(" model holds here, so it alone is used");
    }
    for (ModelTime m : c.models()) {
      why.append("; ")
          .append(m.name())
          .append(
              String.format(
                  Locale.ROOT,
                  " %s (%s-%s), %s",
                  human(m.expected()),
                  human(m.low()),
                  human(m.high()),
                  m.used() ? "used" : "not used"))
          .append(": ")
          .append(m.validity());
    }
    if (e.isEmpty()) {
      why.append("; Ernest gives no time: ").append(ernest.reason());
    }
    return new CombinedTimeReport(
        c.expected(),
        c.low(),
        c.high(),
        Math.max(rates.level(), ernest.interval().map(i -> i.level()).orElse(0.0)),
        c.model(),
        c.extrapolated(),
        c.models(),
        why.toString(),
        rates,
        ernest);
  }

  /**
   * The per-byte rates' answer, valid inside the input sizes and core counts of the runs it uses
   * (x/÷ 2).
   */
  private static ModelTime ratesTime(
      JobSpec job,
      int busyCores,
      boolean gpu,
      TimeEstimate t,
      PerformanceHistory history,
      String source) {
    boolean inRange;
    String validity;
    if (job.measuredIntensity().isPresent()) {
      inRange = true;
      validity = "measured in the job's own event log at its own input size";
    } else if (t.fallback()) {
      inRange = true;
      validity =
          "a generic class prior, not a measurement: no measured run of this workload, so its wide"
              + " range stands for any size";
    } else {
      List<PerformanceRun> runs =
          Estimators.nearestInSize(job, Estimators.matching(job, gpu, history));
      long min = runs.stream().mapToLong(PerformanceRun::inputBytes).min().orElse(0);
      long max = runs.stream().mapToLong(PerformanceRun::inputBytes).max().orElse(0);
      int minCores = runs.stream().mapToInt(PerformanceRun::coresUsed).min().orElse(0);
      int maxCores = runs.stream().mapToInt(PerformanceRun::coresUsed).max().orElse(0);
      String range =
          String.format(
              Locale.ROOT,
              "valid for inputs of %s on %s (the %s and %s of the %d %s run(s) it uses, x/÷ %.0f;"
                  + " the rate is scaled linearly in cores)",
              sizes(min, max, RANGE_FACTOR),
              cores((int) Math.ceil(minCores / RANGE_FACTOR), (int) (maxCores * RANGE_FACTOR)),
              sizes(min, max, 1),
              cores(minCores, maxCores),
              runs.size(),
              gpu ? "GPU" : "CPU",
              RANGE_FACTOR);
      List<String> outside = new ArrayList<>();
      if (job.inputBytes().isEmpty()) {
        outside.add("the job gives no input size, so no size range can hold it");
      } else {
        long in = job.inputBytes().getAsLong();
        if (in < min / RANGE_FACTOR || in > max * RANGE_FACTOR) {
          outside.add("the job's " + ByteSizes.human(in) + " is outside its input sizes");
        }
      }
      if (busyCores < minCores / RANGE_FACTOR || busyCores > maxCores * RANGE_FACTOR) {
        outside.add("the job's " + busyCores + " busy cores are outside its core counts");
      }
      inRange = outside.isEmpty();
      validity =
          range + (inRange ? "; the job lies inside" : "; " + String.join(", and ", outside));
    }
    return new ModelTime(
        RATES,
        t.expected(),
        t.low(),
        t.high(),
        inRange,
        false,
        validity,
        job.measuredIntensity().isPresent() ? t.source() : source + ": " + t.source());
  }

  /**
   * Ernest's answer, valid inside the input sizes and core counts of the runs it was fitted on (x/÷
   * 2), on runs of the job's own mode (CPU or GPU), with input bytes as its size.
   */
  private static Optional<ModelTime> ernestTime(
      JobSpec job,
      boolean gpu,
      PerformancePrediction p,
      PerformanceHistory history,
      String source) {
    if (p.expected().isEmpty() || p.interval().isEmpty() || p.model().isEmpty()) {
      return Optional.empty();
    }
    List<PerformanceRun> runs = history.runsOf(p.workload());
    long min = runs.stream().mapToLong(PerformanceRun::inputBytes).min().orElse(0);
    long max = runs.stream().mapToLong(PerformanceRun::inputBytes).max().orElse(0);
    int minCores = runs.stream().mapToInt(PerformanceRun::coresUsed).min().orElse(0);
    int maxCores = runs.stream().mapToInt(PerformanceRun::coresUsed).max().orElse(0);
    long gpuRuns = runs.stream().filter(r -> r.gpusPerExecutor() > 0).count();
    List<String> outside = new ArrayList<>();
    boolean bytes = p.model().get().sizeBasis() == ErnestModel.SizeBasis.INPUT_BYTES;
    if (!bytes) {
      outside.add("some of its runs have no input size, so it compares scale factors, not bytes");
    } else if (job.inputBytes().isEmpty()) {
      outside.add("the job gives no input size");
    } else {
      long in = job.inputBytes().getAsLong();
      if (in < min / RANGE_FACTOR || in > max * RANGE_FACTOR) {
        outside.add("the job's " + ByteSizes.human(in) + " is outside its input sizes");
      }
    }
    if (p.machines() < minCores / RANGE_FACTOR || p.machines() > maxCores * RANGE_FACTOR) {
      outside.add(p.machines() + " cores is outside its core counts");
    }
    if (gpu ? gpuRuns < runs.size() : gpuRuns > 0) {
      outside.add(
          String.format(
              Locale.ROOT,
              "the job runs on %s but %d of its %d runs ran on %s",
              gpu ? "GPUs" : "CPUs",
              gpu ? runs.size() - gpuRuns : gpuRuns,
              runs.size(),
              gpu ? "CPUs" : "GPUs"));
    }
    String validity =
        String.format(
                Locale.ROOT,
                "valid for inputs of %s on %s (the %s and %s of the %d runs it was fitted on, x/÷"
                    + " %.0f), in their mode (%d GPU, %d CPU runs)",
                sizes(min, max, RANGE_FACTOR),
                cores((int) Math.ceil(minCores / RANGE_FACTOR), (int) (maxCores * RANGE_FACTOR)),
                sizes(min, max, 1),
                cores(minCores, maxCores),
                runs.size(),
                RANGE_FACTOR,
                gpuRuns,
                runs.size() - gpuRuns)
            + (outside.isEmpty()
                ? "; the job lies inside" + (p.thinData() ? " (thin data: indicative only)" : "")
                : "; " + String.join(", and ", outside));
    Duration expected = p.expected().get();
    Duration low = Duration.ofMillis(Math.min(p.interval().get().low(), expected.toMillis()));
    Duration high = Duration.ofMillis(Math.max(p.interval().get().high(), expected.toMillis()));
    return Optional.of(
        new ModelTime(
            ERNEST,
            expected,
            low,
            high,
            outside.isEmpty(),
            false,
            validity,
            source + ": " + p.source()));
  }

  /** A size range for a sentence, widened by a factor each way. */
  private static String sizes(long min, long max, double factor) {
    return ByteSizes.human((long) (min / factor)) + "-" + ByteSizes.human((long) (max * factor));
  }

  /** A core-count range for a sentence: "2 cores" or "1-2 cores". */
  private static String cores(int min, int max) {
    return (min == max ? String.valueOf(min) : min + "-" + max) + (max == 1 ? " core" : " cores");
  }

  /** A duration for a sentence: ms, s, min s, or h min. */
  static String human(Duration d) {
    long ms = d.toMillis();
    if (ms < 1_000) {
      return ms + " ms";
    }
    if (ms < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
    if (ms < 3_600_000) {
      return String.format(Locale.ROOT, "%d min %d s", ms / 60_000, ms / 1000 % 60);
    }
    return String.format(Locale.ROOT, "%d h %d min", ms / 3_600_000, ms / 60_000 % 60);
  }
}
