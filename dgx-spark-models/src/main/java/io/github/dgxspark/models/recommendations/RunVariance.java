package io.github.dgxspark.models.recommendations;

import io.github.dgxspark.core.DgxSparkException;
import io.github.dgxspark.core.SparkSemantics;
import io.github.dgxspark.models.perf.PerformanceHistory;
import io.github.dgxspark.models.perf.PerformanceRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The run-to-run coefficient of variation of wall time, for the A/B power calculation. An
 * application's own repeats are not in one event log, and the packaged history's repeats are runs
 * of the real-Spark harness on a 2-core machine, not of a cluster: {@link #forApplication} uses the
 * user's own repeated runs of the application ({@code history add}) when their history holds 2 or
 * more, otherwise the published figure for repeated cloud application benchmarks, naming the
 * harness's figure beside it. {@link #observed} pools the history's repeated identical runs (same
 * source, workload, scale, input, layout, config, machine and Spark version).
 *
 * @param cv the pooled coefficient of variation (standard deviation ÷ mean), when observed
 * @param source which runs it was pooled over, or why it is unknown
 */
record RunVariance(OptionalDouble cv, String source) {
  RunVariance {
    Objects.requireNonNull(cv, "cv");
    Objects.requireNonNull(source, "source");
  }

  /**
   * Run-to-run coefficient of variation of wall time assumed for an application whose own repeats
   * are unknown: 3.7 %, the upper bound Henning et al. measured over 2,366 repetitions of an
   * application benchmark on 789 Kubernetes clusters on AWS ("When Should I Run My Application
   * Benchmark? Studying Cloud Performance Variability for the Case of Stream Processing
   * Applications", arXiv:2504.11826, 2025, abstract: "coefficient of variation of &lt; 3.7 %").
   */
  static final double PUBLISHED_CV = 0.037;

  /** Where {@link #PUBLISHED_CV} comes from, for the plan's variance source. */
  static final String PUBLISHED_SOURCE =
      "published figure for repeated cloud application benchmarks: cv < 3.7 % over 2,366"
          + " repetitions on 789 AWS Kubernetes clusters (Henning et al., arXiv:2504.11826, 2025);"
          + " shared or network-bound clusters can vary more (Uta et al., NSDI 2020, 'Is Big Data"
          + " Performance Reproducible in Modern Cloud Networks?')";

  /** What replaces the published figure, for the plan's variance source. */
  static final String HOW_TO_REPLACE =
      "To replace it with this application's own figure, run it 3 times unchanged (same cluster,"
          + " config and input) and 'history add' the 3 event logs";

  /**
   * Relative difference in input bytes within which two runs read the same data: a rerun on the
   * same files reads the same bytes, and 1 % leaves room for metadata and footers read again.
   */
  static final double SAME_INPUT_FRACTION = 0.01;

  /**
   * The variation of this application on its cluster: from the user's own repeated runs of it when
   * their history holds 2 or more ({@link #repeats}), otherwise {@link #PUBLISHED_CV}, with the
   * history's harness repeats named as what they are and what would replace the figure.
   *
   * @param builtIn the packaged history
   * @param workload a workload type id
   * @param thisRun the analysed log as a measured run, empty without a log
   * @param user the user's history, empty when none is given
   */
  static RunVariance forApplication(
      PerformanceHistory builtIn,
      String workload,
      Optional<PerformanceRun> thisRun,
      Optional<UserHistory> user) {
    String why = "";
    if (thisRun.isPresent() && user.isPresent()) {
      PerformanceRun run = thisRun.get();
      String app = run.applicationName().map(n -> "'" + n + "'").orElse("this application");
      List<PerformanceRun> named =
          user.get().history().runs().stream()
              .filter(r -> r.applicationName().isPresent())
              .filter(r -> r.applicationName().equals(run.applicationName()))
              .toList();
      List<PerformanceRun> same = repeats(run, named);
      if (same.size() >= 2) {
        RunVariance own = ofRuns(same);
        if (own.cv().getAsDouble() > 0) {
          return new RunVariance(
              own.cv(),
              String.format(
                  Locale.ROOT,
                  "your history %s: %d runs of %s (same cluster, Spark version, executor layout,"
                      + " settings and input within %.0f %%; %s), cv %.3f (%d degree(s) of"
                      + " freedom: more repeats make it firmer)",
                  user.get().file(),
                  same.size(),
                  app,
                  100 * SAME_INPUT_FRACTION,
                  own.source(),
                  own.cv().getAsDouble(),
                  same.size() - 1));
        }
      }
      why =
          !Files.exists(user.get().file())
              ? ". No history of yours at " + user.get().file()
              : same.size() >= 2
                  ? String.format(
                      Locale.ROOT,
                      ". Your history %s holds %d repeats of %s with identical wall times: no"
                          + " variation measured to size a test on",
                      user.get().file(),
                      same.size(),
                      app)
                  : run.applicationName().isEmpty()
                      ? ". Your history "
                          + user.get().file()
                          + " cannot match it: the log names no application"
                      : String.format(
                          Locale.ROOT,
                          ". Your history %s holds %d run(s) of %s, %d distinct repeat(s) of this one (same"
                              + " cluster, Spark version, executor layout, settings and input within %.0f"
                              + " %%; one app id counts once); 2 are needed",
                          user.get().file(),
                          named.size(),
                          app,
                          same.size(),
                          100 * SAME_INPUT_FRACTION);
    } else if (user.isPresent()) {
      why =
          ". Your history "
              + user.get().file()
              + " is searched for repeats only with the log of a finished application (its name"
              + " and wall time)";
    }
    RunVariance harness = observed(builtIn, workload);
    String note =
        harness.cv().isPresent()
            ? String.format(
                Locale.ROOT,
                ". Not used: the packaged harness repeats (cv %.3f) ran on a 2-core machine, not"
                    + " on this application's cluster",
                harness.cv().getAsDouble())
            : "";
    return new RunVariance(
        OptionalDouble.of(PUBLISHED_CV), PUBLISHED_SOURCE + note + why + ". " + HOW_TO_REPLACE);
  }

  /**
   * The runs of a history that repeat a run: a senior engineer's "same job, run again", i.e. the
   * same application name, workload type, cluster (master), Spark version, executor cores, memory
   * and GPUs, the same executor count unless dynamic allocation chose it, the same
   * performance-shaping settings ({@code PerformanceRun}'s measured settings) and the same input
   * bytes within {@link #SAME_INPUT_FRACTION}; one run per application id, since the same log added
   * twice is one run, not a repeat.
   *
   * @param run the run to repeat
   * @param runs candidates
   * @return the repeats, one per application id, in history order
   */
  static List<PerformanceRun> repeats(PerformanceRun run, List<PerformanceRun> runs) {
    Map<String, PerformanceRun> byId = new LinkedHashMap<>();
    for (PerformanceRun r : runs) {
      if (repeats(run, r)) {
        byId.putIfAbsent(r.applicationId().or(r::eventLog).orElse("run " + byId.size()), r);
      }
    }
    return List.copyOf(byId.values());
  }

  private static boolean repeats(PerformanceRun a, PerformanceRun b) {
    boolean dynamic = dynamicAllocation(a);
    long big = Math.max(a.inputBytes(), b.inputBytes());
    return a.applicationName().isPresent()
        && a.applicationName().equals(b.applicationName())
        && a.workload().equals(b.workload())
        && a.machine().equals(b.machine())
        && a.sparkVersion().equals(b.sparkVersion())
        && a.executorCores() == b.executorCores()
        && a.executorMemoryBytes() == b.executorMemoryBytes()
        && a.gpusPerExecutor() == b.gpusPerExecutor()
        && (dynamic || a.executors() == b.executors())
        && a.config().entries().equals(b.config().entries())
        && Math.abs(a.inputBytes() - b.inputBytes()) <= SAME_INPUT_FRACTION * big;
  }

  /** Whether dynamic allocation chose the run's executor count: unset is off, Spark's default. */
  private static boolean dynamicAllocation(PerformanceRun r) {
    String key = "spark.dynamicAllocation.enabled";
    try {
      return r.config().get(key).filter(v -> SparkSemantics.flag(key, v)).isPresent();
    } catch (DgxSparkException e) {
      return false; // a value Spark rejects: the application did not run with it
    }
  }

  /** The cv of one group of repeats, its source listing their app ids and wall times. */
  private static RunVariance ofRuns(List<PerformanceRun> g) {
    double mean = g.stream().mapToDouble(r -> r.wallTime().toMillis()).average().orElse(0);
    double ss = g.stream().mapToDouble(r -> Math.pow(r.wallTime().toMillis() - mean, 2)).sum();
    double cv = Math.sqrt(ss / (g.size() - 1)) / mean;
    return new RunVariance(
        OptionalDouble.of(cv),
        "wall times "
            + g.stream()
                .map(
                    r ->
                        r.applicationId().orElse("?")
                            + " "
                            + String.format(Locale.ROOT, "%,d ms", r.wallTime().toMillis()))
                .toList());
  }

  /** The user's history file and its runs. */
  record UserHistory(Path file, PerformanceHistory history) {
    UserHistory {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(history, "history");
    }

    /** The history in the file, none when the file does not exist. */
    static UserHistory of(Path file) {
      return new UserHistory(
          file,
          Files.exists(file)
              ? PerformanceHistory.load(file)
              : new PerformanceHistory("no file at " + file, List.of()));
    }
  }

  /**
   * The variation of repeated runs in a history. (Repeats of one query inside a log are no
   * substitute: queries that share a description differ in data and plan.)
   *
   * @param history measured runs
   * @param workload a workload type id; its groups are used when the history repeats it
   */
  static RunVariance observed(PerformanceHistory history, String workload) {
    Map<String, List<PerformanceRun>> groups = new TreeMap<>();
    for (PerformanceRun r : history.runs()) {
      String key =
          String.join(
              "|",
              r.source(),
              r.workload(),
              Double.toString(r.scale()),
              Long.toString(r.inputBytes()),
              Integer.toString(r.executors()),
              Integer.toString(r.executorCores()),
              Long.toString(r.executorMemoryBytes()),
              Integer.toString(r.gpusPerExecutor()),
              new TreeMap<>(r.config().entries()).toString(),
              r.machine(),
              r.sparkVersion());
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
    }
    groups.values().removeIf(g -> g.size() < 2);
    if (groups.isEmpty()) {
      return new RunVariance(
          OptionalDouble.empty(),
          "the performance history ("
              + history.runs().size()
              + " runs) has no repeated identical runs, so no run-to-run variation has been"
              + " observed");
    }
    List<List<PerformanceRun>> same =
        groups.values().stream().filter(g -> g.get(0).workload().equals(workload)).toList();
    boolean own = !same.isEmpty();
    return pooled(own ? same : List.copyOf(groups.values()), own, workload);
  }

  private static RunVariance pooled(List<List<PerformanceRun>> groups, boolean own, String type) {
    double weighted = 0;
    int dof = 0;
    int runs = 0;
    List<String> used = new ArrayList<>();
    for (List<PerformanceRun> g : groups) {
      double mean = g.stream().mapToDouble(r -> r.wallTime().toMillis()).average().orElse(0);
      double ss = g.stream().mapToDouble(r -> Math.pow(r.wallTime().toMillis() - mean, 2)).sum();
      weighted += ss / (mean * mean);
      dof += g.size() - 1;
      runs += g.size();
      PerformanceRun f = g.get(0);
      used.add(
          String.format(
              Locale.ROOT,
              "%s %s scale %s, %d x %d cores, %d settings: %s ms",
              f.source(),
              f.workload(),
              f.scale(),
              f.executors(),
              f.executorCores(),
              f.config().entries().size(),
              g.stream().map(r -> Long.toString(r.wallTime().toMillis())).toList()));
    }
    double cv = Math.sqrt(weighted / dof);
    return new RunVariance(
        OptionalDouble.of(cv),
        String.format(
            Locale.ROOT,
            "performance history (data/performance-history.json), repeated identical runs of %s:"
                + " cv %.3f pooled over %d group(s), %d runs (%s)",
            own ? "the '" + type + "' workload" : "other workloads (none of '" + type + "')",
            cv,
            groups.size(),
            runs,
            String.join("; ", used)));
  }
}
