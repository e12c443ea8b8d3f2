package io.github.dgxspark.models.recommendations;

import io.github.dgxspark.models.eventlog.ApplicationProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The operators of a RAPIDS application's final plans that stayed on the CPU, and the share of SQL
 * time of the executions that hold them: the RAPIDS Accelerator names every operator it replaces
 * {@code Gpu...} (NVIDIA/spark-rapids docs/supported_ops.md), so a data-processing node without the
 * prefix ran on the CPU, with a row/columnar transition on each side of it.
 *
 * @param cpuOperators operator name → SQL executions whose final plan holds it on the CPU
 * @param cpuMillis summed duration of the SQL executions holding at least one CPU operator
 * @param sqlMillis summed duration of all SQL executions
 * @param transitions {@code GpuRowToColumnar} and {@code GpuColumnarToRow} nodes in all final plans
 */
record GpuFallbacks(
    Map<String, Integer> cpuOperators, long cpuMillis, long sqlMillis, int transitions) {

  /**
   * Plan nodes that process no data themselves: code-generation and adaptive wrappers, query
   * stages, reused exchanges and subqueries, and the transitions (counted separately).
   */
  static final Set<String> NOT_OPERATORS =
      Set.of(
          "InputAdapter",
          "WholeStageCodegen",
          "AdaptiveSparkPlan",
          "ColumnarToRow",
          "RowToColumnar",
          "ReusedExchange",
          "ReusedSubquery",
          "Subquery",
          "SubqueryBroadcast",
          "BroadcastQueryStage",
          "ShuffleQueryStage",
          "TableCacheQueryStage",
          "ResultQueryStage",
          "AQEShuffleRead",
          "CustomShuffleReader");

  GpuFallbacks {
    cpuOperators = Map.copyOf(cpuOperators);
  }

  static GpuFallbacks of(ApplicationProfile p) {
    Map<String, Integer> cpu = new TreeMap<>();
    long cpuMillis = 0;
    long sqlMillis = 0;
    int transitions = 0;
    for (ApplicationProfile.SqlExecution s : p.sqlExecutions()) {
      long ms = s.duration().map(Duration::toMillis).orElse(0L);
      sqlMillis += ms;
      boolean any = false;
      for (Map.Entry<String, Integer> e : s.operatorCounts().entrySet()) {
        String name = e.getKey().trim();
        int ran = e.getValue() - s.draftSubqueryOperatorCounts().getOrDefault(e.getKey(), 0);
        if (ran <= 0) {
          continue; // only in draft subquery plans, which the plugin replaces when they run
        }
        if (name.equals("GpuRowToColumnar") || name.equals("GpuColumnarToRow")) {
          transitions += ran;
        } else if (cpuOperator(name)) {
          cpu.merge(name, 1, Integer::sum);
          any = true;
        }
      }
      if (any) {
        cpuMillis += ms;
      }
    }
    return new GpuFallbacks(cpu, cpuMillis, sqlMillis, transitions);
  }

  /**
   * Whether a node is a data operator that ran on the CPU: not a {@code Gpu} node, not a wrapper,
   * and, for commands, only those that write data ({@code Execute InsertInto...}, {@code
   * Write...}).
   */
  static boolean cpuOperator(String name) {
    if (name.startsWith("Gpu") || NOT_OPERATORS.contains(name.split(" ")[0])) {
      return false;
    }
    if (name.startsWith("Execute ")) {
      String command = name.substring("Execute ".length());
      return !command.startsWith("Gpu")
          && (command.startsWith("InsertInto") || command.startsWith("Write"));
    }
    return true;
  }

  /** The diagnosis, when an operator stayed on the CPU. */
  Optional<String> diagnosis() {
    if (cpuOperators.isEmpty()) {
      return Optional.empty();
    }
    List<String> names = new ArrayList<>();
    new TreeMap<>(cpuOperators)
        .forEach(
            (n, c) ->
                names.add(
                    String.format(
                        Locale.ROOT, "%s (%d SQL execution%s)", n, c, c == 1 ? "" : "s")));
    return Optional.of(
        String.format(
            Locale.ROOT,
            "CPU fallback: %d operator(s) stayed on the CPU: %s. The SQL executions holding them"
                + " ran %.1f s of %.1f s of SQL time (%.0f %%), with %d row/columnar transition(s)"
                + " in the plans. The plugin's explain output (spark.rapids.sql.explain=NOT_ON_GPU)"
                + " names why each one stayed.",
            cpuOperators.size(),
            String.join(", ", names),
            cpuMillis / 1000.0,
            sqlMillis / 1000.0,
            sqlMillis > 0 ? 100.0 * cpuMillis / sqlMillis : 0,
            transitions));
  }
}
