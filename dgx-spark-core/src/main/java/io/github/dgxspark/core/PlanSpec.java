package io.github.dgxspark.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How the config will be run and what the user has pinned: the target Spark version, the deploy
 * mode, properties to keep as given, and the optimizer's constants.
 *
 * @param sparkVersion the Spark release the config is for (it names the RAPIDS shuffle manager
 *     class)
 * @param deployMode where spark-submit starts the driver
 * @param keep properties the user fixes ({@code --keep KEY=VALUE}): they appear as given and the
 *     optimizer plans the rest around them
 * @param tuning the optimizer's constants
 */
public record PlanSpec(
    SparkVersion sparkVersion, DeployMode deployMode, Map<String, String> keep, TuningSpec tuning) {
  // Checks the fields and copies the map.
  public PlanSpec {
    Objects.requireNonNull(sparkVersion, "sparkVersion");
    Objects.requireNonNull(deployMode, "deployMode");
    Objects.requireNonNull(tuning, "tuning");
    Map<String, String> copy = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : keep.entrySet()) {
      String key = Objects.requireNonNull(e.getKey(), "keep key").trim();
      if (!key.startsWith("spark.") || key.contains(" ") || key.endsWith(".")) {
        throw new DgxSparkException(
            String.format(
                Locale.ROOT,
                "kept property '%s' is not a Spark property; expected KEY=VALUE with a key such as"
                    + " spark.executor.cores",
                e.getKey()));
      }
      String value = Objects.requireNonNull(e.getValue(), "keep value").trim();
      if (value.isEmpty()) {
        throw new DgxSparkException(
            String.format(Locale.ROOT, "kept property '%s' has no value; expected KEY=VALUE", key));
      }
      copy.put(key, value);
    }
    keep = Collections.unmodifiableMap(copy);
  }

  /**
   * The defaults: the newest Spark the RAPIDS Accelerator supports, client deploy mode
   * (spark-submit's default), nothing kept, the built-in constants.
   *
   * @return the defaults
   */
  public static PlanSpec defaults() {
    return new PlanSpec(
        RapidsAccelerator.NEWEST_SUPPORTED_SPARK,
        DeployMode.CLIENT,
        Map.of(),
        TuningSpec.defaults());
  }

  /**
   * This spec for another Spark version.
   *
   * @param version the version
   * @return the spec
   */
  public PlanSpec withSparkVersion(SparkVersion version) {
    return new PlanSpec(version, deployMode, keep, tuning);
  }

  /**
   * This spec with another deploy mode.
   *
   * @param mode the deploy mode
   * @return the spec
   */
  public PlanSpec withDeployMode(DeployMode mode) {
    return new PlanSpec(sparkVersion, mode, keep, tuning);
  }

  /**
   * This spec keeping these properties (replacing what it kept).
   *
   * @param properties key → value
   * @return the spec
   */
  public PlanSpec withKeep(Map<String, String> properties) {
    return new PlanSpec(sparkVersion, deployMode, properties, tuning);
  }

  /**
   * This spec with other constants.
   *
   * @param constants the constants
   * @return the spec
   */
  public PlanSpec withTuning(TuningSpec constants) {
    return new PlanSpec(sparkVersion, deployMode, keep, constants);
  }
}
