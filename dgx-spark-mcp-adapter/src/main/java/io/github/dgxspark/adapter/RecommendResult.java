package io.github.dgxspark.adapter;

import io.github.dgxspark.core.ExecutorLayout;
import io.github.dgxspark.core.SparkConfig;
import io.github.dgxspark.core.WorkloadSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of {@link Operations#recommend}: {@code {"config":{key:value},"reasons":{key:why},
 * "mode","layout":{...},"notes":[...],"hardware":{...},"workload":{...},"plan":{...}}}.
 *
 * @param config the Spark config, key → value in the optimizer's order
 * @param reasons key → why, with sources
 * @param mode {@code cpu} or {@code gpu}
 * @param layout the executor layout
 * @param notes what the plan assumes or could not do
 * @param hardware the hardware it is for
 * @param workload the workload it is for
 * @param plan the Spark version, deploy mode, kept properties and constants used
 */
public record RecommendResult(
    Map<String, String> config,
    Map<String, String> reasons,
    String mode,
    ExecutorLayout layout,
    List<String> notes,
    ClusterSummary hardware,
    Workload workload,
    Plan plan) {
  // Checks the fields and copies the collections, keeping their order.
  public RecommendResult {
    config = ordered(config);
    reasons = ordered(reasons);
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(layout, "layout");
    notes = List.copyOf(notes);
    Objects.requireNonNull(hardware, "hardware");
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(plan, "plan");
  }

  static Map<String, String> ordered(Map<String, String> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /**
   * The config as spark-defaults.conf, each key with its reason as a comment.
   *
   * @return the file's text
   */
  public String defaultsConf() {
    return new SparkConfig(config).toDefaultsConf(reasons);
  }

  /**
   * The config as spark-submit flags.
   *
   * @return the command line
   */
  public String submitCommandLine() {
    return new SparkConfig(config).toSubmitCommandLine();
  }

  /**
   * The workload a config is for.
   *
   * @param workloadType the class's id
   * @param dataSizeBytes the input size, when known
   * @param mode {@code cpu}, {@code gpu} or {@code auto}
   */
  public record Workload(String workloadType, Optional<Long> dataSizeBytes, String mode) {
    // Checks the fields.
    public Workload {
      Objects.requireNonNull(workloadType, "workloadType");
      Objects.requireNonNull(dataSizeBytes, "dataSizeBytes");
      Objects.requireNonNull(mode, "mode");
    }

    static Workload of(WorkloadSpec spec) {
      return new Workload(
          spec.type().id(),
          spec.inputBytes().isPresent()
              ? Optional.of(spec.inputBytes().getAsLong())
              : Optional.empty(),
          spec.mode().id());
    }
  }

  /**
   * What the plan was made for.
   *
   * @param sparkVersion the Spark version
   * @param deployMode {@code client} or {@code cluster}
   * @param keep properties kept as given
   * @param tuning optimizer constants used, name → value
   */
  public record Plan(
      String sparkVersion,
      String deployMode,
      Map<String, String> keep,
      Map<String, String> tuning) {
    // Checks the fields and copies the maps.
    public Plan {
      Objects.requireNonNull(sparkVersion, "sparkVersion");
      Objects.requireNonNull(deployMode, "deployMode");
      keep = ordered(keep);
      tuning = ordered(tuning);
    }
  }
}
