package io.github.dgxspark.models.recommendations;

import io.github.dgxspark.models.perf.PerformanceHistory;
import io.github.dgxspark.models.perf.PerformanceRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The run-to-run coefficient of variation of wall time, for the A/B power calculation. An
 * application's own repeats are not in one event log, and the packaged history's repeats are runs
 * of the real-Spark harness on a 2-core machine, not of a cluster: {@link #forApplication} uses the
 * published figure for repeated cloud application benchmarks and names the harness's figure beside
 * it. {@link #observed} pools the history's repeated identical runs (same source, workload, scale,
 * input, layout, config, machine and Spark version).
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
          + " Performance Reproducible in Modern Cloud Networks?'). Measure 3 baseline runs of"
          + " this application to replace it";

  /**
   * The variation assumed for an application on its cluster: {@link #PUBLISHED_CV}, with the
   * history's harness repeats named as what they are.
   *
   * @param history measured runs
   * @param workload a workload type id
   */
  static RunVariance forApplication(PerformanceHistory history, String workload) {
    RunVariance harness = observed(history, workload);
    String note =
        harness.cv().isPresent()
            ? String.format(
                Locale.ROOT,
                ". Not used: the packaged harness repeats (cv %.3f) ran on a 2-core machine, not"
                    + " on this application's cluster",
                harness.cv().getAsDouble())
            : "";
    return new RunVariance(OptionalDouble.of(PUBLISHED_CV), PUBLISHED_SOURCE + note);
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
