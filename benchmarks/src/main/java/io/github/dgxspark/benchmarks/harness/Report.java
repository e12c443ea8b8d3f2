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
   * @param defaultMillis median wall time with Spark's defaults
   * @param configMillis median wall time with the config
   * @param ratio configMillis ÷ defaultMillis
   */
  record Cell(
      String workload,
      double scale,
      String deployment,
      String configKind,
      double defaultMillis,
      double configMillis,
      double ratio) {}

  /**
   * Builds the report from the runs.
   *
   * @param runs every run
   * @param machine the machine
   * @param at when
   * @param command the command line
   * @return the report
   */
  static Report of(List<RunResult> runs, Machine machine, Instant at, String command) {
    Map<String, List<RunResult>> byCell = new LinkedHashMap<>();
    for (RunResult r : runs) {
      RunSpec s = r.spec();
      String key = s.workload() + "|" + s.scale() + "|" + s.deployment();
      byCell.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
    }
    List<Cell> cells = new ArrayList<>();
    for (List<RunResult> cellRuns : byCell.values()) {
      RunSpec first = cellRuns.get(0).spec();
      Map<String, List<Long>> byKind = new LinkedHashMap<>();
      cellRuns.forEach(
          r ->
              byKind
                  .computeIfAbsent(r.spec().configKind(), k -> new ArrayList<>())
                  .add(r.wallTimeMillis()));
      List<Long> defaults = byKind.get("default");
      if (defaults == null) {
        continue;
      }
      double def = median(defaults);
      byKind.forEach(
          (kind, times) -> {
            if (!kind.equals("default")) {
              double t = median(times);
              cells.add(
                  new Cell(
                      first.workload(), first.scale(), first.deployment(), kind, def, t, t / def));
            }
          });
    }
    Map<String, Double> ratios = new LinkedHashMap<>();
    cells.stream()
        .filter(c -> c.configKind().equals("recommended"))
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
              "| %s | %s | %s | %s | %.0f | %.0f | %.2f%s |%n",
              c.workload(),
              Harness.scaleText(c.scale()),
              c.deployment(),
              c.configKind(),
              c.defaultMillis(),
              c.configMillis(),
              c.ratio(),
              c.configKind().equals("recommended") && c.ratio() > Harness.SLOWER_RATIO
                  ? " SLOWER"
                  : ""));
    }
    b.append("\n| workload | median ratio recommended ÷ default |\n|---|---|\n");
    ratios.forEach(
        (w, r) ->
            b.append(
                String.format(
                    Locale.ROOT,
                    "| %s | %.2f%s |%n",
                    w,
                    r,
                    r > Harness.SLOWER_RATIO ? " (above 1.05: slower)" : "")));
    if (!ratios.isEmpty()) {
      double median = medianOf(new ArrayList<>(ratios.values()));
      double max = ratios.values().stream().max(Comparator.naturalOrder()).orElse(0.0);
      b.append(
          String.format(
              Locale.ROOT,
              "%nMedian over workloads: %.2f (goal <= %.2f: %s); max %.2f (goal <= %.2f: %s)%n",
              median,
              Harness.GOAL_MEDIAN_RATIO,
              median <= Harness.GOAL_MEDIAN_RATIO ? "met" : "NOT met",
              max,
              Harness.SLOWER_RATIO,
              max <= Harness.SLOWER_RATIO ? "met" : "NOT met"));
    }
    return b.toString();
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
