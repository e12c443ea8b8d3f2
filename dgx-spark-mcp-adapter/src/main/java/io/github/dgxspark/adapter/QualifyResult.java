package io.github.dgxspark.adapter;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.dgxspark.models.workload.GpuGeneration;
import io.github.dgxspark.models.workload.QualificationReport;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of {@link Operations#qualify}: {@code {"target":{...,"gpuGeneration":{...}},
 * "applications":[{"appId","name","logPath","cpuWallTimeMs","predictedGpuWallTimeMs":{"expected",
 * "low","high"},"speedup":{"expected","low","high"},"recommended","category",
 * "supportedTimeFraction","unsupportedOperators":[{"name","timeShare"}],"reasons":[...],"sqls":
 * [...],"config":{...}}],"skipped":[{"logPath","error"}]}}.
 *
 * @param target the GPU target
 * @param applications ranked by expected saving (CPU minus expected GPU wall time), largest first
 * @param skipped logs that could not be read or qualified
 */
public record QualifyResult(
    Target target, List<Application> applications, List<SkippedLog> skipped) {
  // Checks the fields and copies the lists.
  public QualifyResult {
    Objects.requireNonNull(target, "target");
    applications = List.copyOf(applications);
    skipped = List.copyOf(skipped);
  }

  /**
   * The GPU target, as {@link ClusterSummary} with the GPU's generation factor.
   *
   * @param origin where the figures come from ({@code profile:NAME}, {@code nvidia-smi}, ...)
   * @param nodes number of nodes
   * @param clusterManager the cluster manager's id
   * @param logicalCoresPerNode logical cores of one node
   * @param memoryBytesPerNode memory of one node
   * @param gpusPerNode GPUs of one node
   * @param gpuName the first GPU's name
   * @param gpuGeneration the GPU's speed against the A100 the operator factors were measured on
   */
  public record Target(
      String origin,
      int nodes,
      String clusterManager,
      int logicalCoresPerNode,
      long memoryBytesPerNode,
      int gpusPerNode,
      Optional<String> gpuName,
      GpuGeneration gpuGeneration) {
    // Checks the fields.
    public Target {
      Objects.requireNonNull(origin, "origin");
      Objects.requireNonNull(clusterManager, "clusterManager");
      Objects.requireNonNull(gpuName, "gpuName");
      Objects.requireNonNull(gpuGeneration, "gpuGeneration");
    }

    static Target of(ClusterSummary c, GpuGeneration g) {
      return new Target(
          c.origin(),
          c.nodes(),
          c.clusterManager(),
          c.logicalCoresPerNode(),
          c.memoryBytesPerNode(),
          c.gpusPerNode(),
          c.gpuName(),
          g);
    }
  }

  /**
   * One application's qualification.
   *
   * @param appId Spark's application id, {@code null} when the log has none
   * @param name the application's name, empty when the log has none
   * @param logPath the log read
   * @param cpuWallTimeMs measured wall time, ms
   * @param predictedGpuWallTimeMs predicted GPU wall time, ms
   * @param speedup CPU / GPU wall time, to two decimals
   * @param recommended true for Small, Medium or Large
   * @param category Not recommended, Small, Medium, Large or Already on GPU
   * @param supportedTimeFraction task time in supported operators, 0-1, to two decimals
   * @param unsupportedOperators largest share first, shares to three decimals
   * @param reasons how it was predicted and what decides it
   * @param sqls each SQL execution's part
   * @param config the config to run it with on the GPUs
   */
  public record Application(
      @JsonInclude(JsonInclude.Include.ALWAYS) Optional<String> appId,
      String name,
      String logPath,
      long cpuWallTimeMs,
      Millis predictedGpuWallTimeMs,
      QualificationReport.Range speedup,
      boolean recommended,
      String category,
      double supportedTimeFraction,
      List<QualificationReport.OperatorShare> unsupportedOperators,
      List<String> reasons,
      List<QualificationReport.SqlBreakdown> sqls,
      Map<String, String> config) {
    // Checks the fields and copies the collections, keeping the config's order.
    public Application {
      Objects.requireNonNull(appId, "appId");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(logPath, "logPath");
      Objects.requireNonNull(predictedGpuWallTimeMs, "predictedGpuWallTimeMs");
      Objects.requireNonNull(speedup, "speedup");
      Objects.requireNonNull(category, "category");
      unsupportedOperators = List.copyOf(unsupportedOperators);
      reasons = List.copyOf(reasons);
      sqls = List.copyOf(sqls);
      config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }

    static Application of(QualificationReport r, Path log) {
      QualificationReport.Range t = r.predictedGpuWallTimeMs();
      QualificationReport.Range s = r.speedup();
      return new Application(
          r.applicationId(),
          r.applicationName().orElse(""),
          log.toString(),
          r.cpuWallTimeMs(),
          new Millis(Math.round(t.expected()), Math.round(t.low()), Math.round(t.high())),
          new QualificationReport.Range(
              round(s.expected(), 100), round(s.low(), 100), round(s.high(), 100)),
          r.recommended(),
          r.category(),
          round(r.supportedTimeFraction(), 100),
          r.unsupportedOperators().stream()
              .map(o -> new QualificationReport.OperatorShare(o.name(), round(o.timeShare(), 1000)))
              .toList(),
          r.reasons(),
          r.sqls(),
          r.config().entries());
    }

    /** What moving to the GPUs saves: CPU minus expected GPU wall time, ms. */
    long expectedSavingMs() {
      return cpuWallTimeMs - predictedGpuWallTimeMs.expected();
    }

    private static double round(double v, int scale) {
      return (double) Math.round(v * scale) / scale;
    }
  }

  /**
   * A time with an interval, ms.
   *
   * @param expected the expected time
   * @param low the low end
   * @param high the high end
   */
  public record Millis(long expected, long low, long high) {}
}
