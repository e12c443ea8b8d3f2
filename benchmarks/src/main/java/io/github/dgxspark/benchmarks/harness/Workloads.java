package io.github.dgxspark.benchmarks.harness;

import io.github.dgxspark.core.DgxSparkException;
import io.github.dgxspark.core.WorkloadType;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The harness's workloads, one per workload type it covers, in a fixed order. */
final class Workloads {
  private static final List<SparkWorkload> ALL =
      List.of(
          new EtlWorkload(),
          new SqlAnalyticsWorkload(),
          new MlTrainingWorkload(),
          new StreamingWorkload(),
          new GraphWorkload());

  private Workloads() {}

  /**
   * Every workload.
   *
   * @return etl, sql-analytics, ml-training, streaming, graph
   */
  static List<SparkWorkload> all() {
    return ALL;
  }

  /**
   * The workload for a type id.
   *
   * @param id e.g. {@code sql-analytics}
   * @return the workload
   * @throws DgxSparkException if the harness has no workload of that type
   */
  static SparkWorkload byId(String id) {
    WorkloadType type = WorkloadType.parse(id);
    return ALL.stream()
        .filter(w -> w.type() == type)
        .findFirst()
        .orElseThrow(
            () ->
                new DgxSparkException(
                    String.format(
                        Locale.ROOT,
                        "the harness has no '%s' workload; expected one of %s",
                        id,
                        ALL.stream().map(w -> w.type().id()).collect(Collectors.joining(", ")))));
  }
}
