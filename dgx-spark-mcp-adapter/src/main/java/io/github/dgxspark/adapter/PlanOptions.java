package io.github.dgxspark.adapter;

import io.github.dgxspark.core.DeployMode;
import io.github.dgxspark.core.PlanSpec;
import io.github.dgxspark.core.SparkVersion;
import io.github.dgxspark.core.TuningSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the config will be run and what the user pins, as the CLI's {@code --spark-version}, {@code
 * --deploy-mode}, {@code --keep KEY=VALUE} (repeatable) and {@code --tuning FILE} or the tool's
 * {@code sparkVersion}, {@code deployMode}, {@code keep} and {@code tuning} arguments say.
 *
 * @param sparkVersion the target Spark version, e.g. {@code 3.5.1}; the newest the RAPIDS
 *     Accelerator supports when absent
 * @param deployMode {@code client} (spark-submit's default, when absent) or {@code cluster}
 * @param keep properties to keep as given, key → value
 * @param tuning optimizer constants to override, name → value
 */
public record PlanOptions(
    Optional<String> sparkVersion,
    Optional<String> deployMode,
    Map<String, String> keep,
    Map<String, String> tuning) {

  // Checks the fields and copies the maps.
  public PlanOptions {
    Objects.requireNonNull(sparkVersion, "sparkVersion");
    Objects.requireNonNull(deployMode, "deployMode");
    keep = Map.copyOf(keep);
    tuning = Map.copyOf(tuning);
  }

  /**
   * The defaults: nothing given.
   *
   * @return the options
   */
  public static PlanOptions none() {
    return new PlanOptions(Optional.empty(), Optional.empty(), Map.of(), Map.of());
  }

  /**
   * Parses {@code KEY=VALUE} pairs as {@code --keep} gives them.
   *
   * @param pairs the pairs, each once
   * @return key → value in order
   * @throws AdapterException if a pair has no {@code =} or names a key twice
   */
  public static Map<String, String> keepPairs(List<String> pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new AdapterException(
            "--keep '" + pair + "' is not KEY=VALUE; expected e.g. --keep spark.executor.cores=8");
      }
      String key = pair.substring(0, eq).trim();
      if (m.put(key, pair.substring(eq + 1).trim()) != null) {
        throw new AdapterException("--keep names " + key + " twice; expected each property once");
      }
    }
    return m;
  }

  /**
   * The Spark release a {@code --spark-version} (or {@code sparkVersion} argument) names, as {@code
   * recommend} and {@code validate} read it.
   *
   * @param sparkVersion the text, e.g. {@code 3.5}, or empty
   * @return that version, else the newest the RAPIDS Accelerator supports (PlanSpec's default)
   * @throws io.github.dgxspark.core.DgxSparkException if the text is not a version
   */
  public static SparkVersion targetSpark(Optional<String> sparkVersion) {
    return sparkVersion.isPresent()
        ? SparkVersion.parse(sparkVersion.get())
        : PlanSpec.defaults().sparkVersion();
  }

  /**
   * The plan spec these options describe.
   *
   * @return the spec
   * @throws io.github.dgxspark.core.DgxSparkException if the version, deploy mode, a kept property
   *     or a tuning constant is not valid
   */
  public PlanSpec resolve() {
    PlanSpec p = PlanSpec.defaults().withSparkVersion(targetSpark(sparkVersion));
    if (deployMode.isPresent()) {
      p = p.withDeployMode(DeployMode.parse(deployMode.get()));
    }
    return p.withKeep(keep).withTuning(TuningSpec.defaults().with(tuning));
  }
}
