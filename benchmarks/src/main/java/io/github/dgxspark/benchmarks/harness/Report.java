package io.github.dgxspark.benchmarks.harness;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The harness's answer: per cell (workload, scale, deployment) the median wall time of each config
 * and the ratio to the default; per workload the median ratio of the recommended config.
 *
 * <p>A config with a failed run (out of memory, time limit) has no time in its cell. When Spark's
 * defaults failed and the compared config finished, the ratio is 0: the config is the difference
 * between a job that runs and one that does not, and the cell's note says so. When the defaults
 * only ran past the time limit, the ratio is the config's time ÷ the limit, an upper bound. When
 * the compared config failed and the defaults finished, the ratio is infinite, which the goal
 * counts as slower. When both failed the cell has no ratio (NaN) and no workload median counts it.
 *
 * @param cells one row per cell and config other than the default
 * @param workloadRatios workload id → median ratio recommended ÷ default over its cells
 * @param text the report as Markdown
 */
record Report(List<Cell> cells, Map<String, Double> workloadRatios, String text) {
  // Checks the fields and copies the collections.
  Report {
    cells = List.copyOf(cells);
    workloadRatios = Map.copyOf(workloadRatios);
    Objects.requireNonNull(text, "text");
  }

  /**
   * One compared config in one cell.
   *
   * @param workload the workload id
   * @param scale the scale factor
   * @param deployment the deployment id
   * @param configKind the config compared with the default
   * @param defaultMillis median wall time with Spark's defaults, NaN if a default run failed
   * @param configMillis median wall time with the config, NaN if one of its runs failed
   * @param ratio configMillis ÷ defaultMillis; 0 if only the defaults failed, infinite if only the
   *     config failed, NaN if both failed
   * @param note empty, or which side failed and why
   */
  record Cell(
      String workload,
      double scale,
      String deployment,
      String configKind,
      double defaultMillis,
      double configMillis,
      double ratio,
      String note) {
    /**
     * Whether this is the recommended config and it is slower than the goal allows (a failed
     * recommended config, ratio infinite, is slower).
     *
     * @return true for a recommended config above {@link Harness#SLOWER_RATIO}
     */
    boolean slower() {
      return configKind.equals("recommended") && ratio > Harness.SLOWER_RATIO;
    }
  }

  /**
   * Builds the report from the runs.
   *
   * @param runs every run that finished
   * @param failures every run that did not
   * @param machine the machine
   * @param at when
   * @param command the command line
   * @return the report
   */
  static Report of(
      List<RunResult> runs, List<FailedRun> failures, Machine machine, Instant at, String command) {
    Map<String, List<RunAttempt>> byCell = new LinkedHashMap<>();
    List<RunAttempt> all = new ArrayList<>(runs);
    all.addAll(failures);
    for (RunAttempt a : all) {
      RunSpec s = a.spec();
      String key = s.workload() + "|" + s.scale() + "|" + s.deployment();
      byCell.computeIfAbsent(key, k -> new ArrayList<>()).add(a);
    }
    List<Cell> cells = new ArrayList<>();
    for (List<RunAttempt> cellRuns : byCell.values()) {
      RunSpec first = cellRuns.get(0).spec();
      Map<String, List<Long>> times = new LinkedHashMap<>();
      Map<String, String> failed = new LinkedHashMap<>();
      long defaultLimit = 0;
      for (RunAttempt a : cellRuns) {
        String kind = a.spec().configKind();
        times.computeIfAbsent(kind, k -> new ArrayList<>());
        if (a instanceof RunResult r) {
          times.get(kind).add(r.wallTimeMillis());
        } else {
          FailedRun f = (FailedRun) a;
          failed.putIfAbsent(kind, f.reason());
          if (kind.equals("default") && f.timedOut()) {
            defaultLimit = Math.max(defaultLimit, f.limitMillis());
          }
        }
      }
      if (!times.containsKey("default")) {
        continue;
      }
      double def = failed.containsKey("default") ? Double.NaN : median(times.get("default"));
      long limit = defaultLimit;
      times.forEach(
          (kind, t) -> {
            if (!kind.equals("default")) {
              double c = failed.containsKey(kind) ? Double.NaN : median(t);
              double ratio;
              String note;
              if (Double.isNaN(def) && Double.isNaN(c)) {
                ratio = Double.NaN;
                note = "both failed: " + failed.get(kind);
              } else if (Double.isNaN(def) && limit > 0) {
                ratio = c / limit;
                note = "defaults " + failed.get("default") + "; the ratio is an upper bound";
              } else if (Double.isNaN(def)) {
                ratio = 0;
                note = "defaults failed: " + failed.get("default");
              } else if (Double.isNaN(c)) {
                ratio = Double.POSITIVE_INFINITY;
                note = "FAILED: " + failed.get(kind);
              } else {
                ratio = c / def;
                note = "";
              }
              cells.add(
                  new Cell(
                      first.workload(),
                      first.scale(),
                      first.deployment(),
                      kind,
                      def,
                      c,
                      ratio,
                      note));
            }
          });
    }
    Map<String, Double> ratios = new LinkedHashMap<>();
    cells.stream()
        .filter(c -> c.configKind().equals("recommended") && !Double.isNaN(c.ratio()))
        .collect(Collectors.groupingBy(Cell::workload, LinkedHashMap::new, Collectors.toList()))
        .forEach((w, cs) -> ratios.put(w, medianOf(cs.stream().map(Cell::ratio).toList())));
    return new Report(cells, ratios, text(cells, ratios, machine, at, command));
  }

  private static String text(
      List<Cell> cells, Map<String, Double> ratios, Machine machine, Instant at, String command) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "Real-Spark harness, %s%n", at));
    b.append("Machine: ").append(machine.description()).append('\n');
    b.append("Spark: ").append(SparkRun.sparkVersion()).append('\n');
    b.append("Command: Harness ").append(command).append("\n\n");
    b.append("| workload | scale | deployment | config | default ms | config ms | ratio |\n");
    b.append("|---|---|---|---|---|---|---|\n");
    for (Cell c : cells) {
      b.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %s | %s | %s%s |%n",
              c.workload(),
              Harness.scaleText(c.scale()),
              c.deployment(),
              c.configKind(),
              millis(c.defaultMillis()),
              millis(c.configMillis()),
              ratio(c.ratio()),
              !c.note().isEmpty() ? " (" + c.note() + ")" : c.slower() ? " SLOWER" : ""));
    }
    b.append("\n| workload | median ratio recommended ÷ default |\n|---|---|\n");
    ratios.forEach(
        (w, r) ->
            b.append(
                String.format(
                    Locale.ROOT,
                    "| %s | %s%s |%n",
                    w,
                    ratio(r),
                    r > Harness.SLOWER_RATIO
                        ? String.format(Locale.ROOT, " (above %.2f: slower)", Harness.SLOWER_RATIO)
                        : "")));
    if (!ratios.isEmpty()) {
      double median = medianOf(new ArrayList<>(ratios.values()));
      double max = ratios.values().stream().max(Comparator.naturalOrder()).orElse(0.0);
      b.append(
          String.format(
              Locale.ROOT,
              "%nMax over workloads: %s (goal <= %.2f, never meaningfully slower: %s); median %s"
                  + " (no goal on this machine class: the median gain needs task threads that"
                  + " share one heap, see benchmarks/README.md \"Where the time goes\")%n",
              ratio(max),
              Harness.SLOWER_RATIO,
              max <= Harness.SLOWER_RATIO ? "met" : "NOT met",
              ratio(median)));
      // the goal is per workload; a slower cell inside a workload's median is named, not hidden
      List<String> slower =
          cells.stream()
              .filter(Cell::slower)
              .map(
                  c ->
                      String.format(
                          Locale.ROOT,
                          "%s at scale %s on %s (%s)",
                          c.workload(),
                          Harness.scaleText(c.scale()),
                          c.deployment(),
                          ratio(c.ratio())))
              .toList();
      if (!slower.isEmpty()) {
        b.append(
            String.format(
                Locale.ROOT,
                "Cells where the recommended config is slower than %.2f × the defaults: %s%n",
                Harness.SLOWER_RATIO,
                String.join("; ", slower)));
      }
    }
    return b.toString();
  }

  private static String millis(double ms) {
    return Double.isNaN(ms) ? "failed" : String.format(Locale.ROOT, "%.0f", ms);
  }

  private static String ratio(double r) {
    return Double.isNaN(r)
        ? "n/a"
        : Double.isInfinite(r) ? "failed" : String.format(Locale.ROOT, "%.2f", r);
  }

  private static double median(List<Long> values) {
    return medianOf(values.stream().map(Long::doubleValue).toList());
  }

  static double medianOf(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
