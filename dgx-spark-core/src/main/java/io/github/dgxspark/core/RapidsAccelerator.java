package io.github.dgxspark.core;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Facts about the RAPIDS Accelerator for Apache Spark that depend on the Spark version: which
 * Apache Spark releases the newest plugin release supports and the shim-specific class of its
 * shuffle manager.
 */
public final class RapidsAccelerator {
  /** The plugin release these facts are read from. */
  public static final String RELEASE = "26.06.0";

  /**
   * The Apache Spark releases RAPIDS Accelerator 26.06.0 supports (NVIDIA/spark-rapids
   * docs/download.md, "Release v26.06.0", Supported Spark versions).
   */
  static final List<SparkVersion> SUPPORTED_SPARK =
      List.of(
          new SparkVersion(3, 3, 0),
          new SparkVersion(3, 3, 1),
          new SparkVersion(3, 3, 2),
          new SparkVersion(3, 3, 3),
          new SparkVersion(3, 3, 4),
          new SparkVersion(3, 4, 0),
          new SparkVersion(3, 4, 1),
          new SparkVersion(3, 4, 2),
          new SparkVersion(3, 4, 3),
          new SparkVersion(3, 4, 4),
          new SparkVersion(3, 5, 0),
          new SparkVersion(3, 5, 1),
          new SparkVersion(3, 5, 2),
          new SparkVersion(3, 5, 3),
          new SparkVersion(3, 5, 4),
          new SparkVersion(3, 5, 5),
          new SparkVersion(3, 5, 6),
          new SparkVersion(3, 5, 7),
          new SparkVersion(3, 5, 8),
          new SparkVersion(4, 0, 0),
          new SparkVersion(4, 0, 1),
          new SparkVersion(4, 0, 2),
          new SparkVersion(4, 0, 3),
          new SparkVersion(4, 1, 1));

  /** The newest Apache Spark release the plugin supports: the default target version. */
  public static final SparkVersion NEWEST_SUPPORTED_SPARK =
      SUPPORTED_SPARK.get(SUPPORTED_SPARK.size() - 1);

  /** Where the supported versions and the shuffle-manager class names come from. */
  static final String SOURCE =
      "NVIDIA/spark-rapids docs/download.md (Release v26.06.0, supported Spark versions) and"
          + " docs/additional-functionality/rapids-shuffle.md (spark.shuffle.manager value per Spark"
          + " shim: com.nvidia.spark.rapids.spark<major><minor><patch>.RapidsShuffleManager)";

  private RapidsAccelerator() {}

  /**
   * Whether the plugin release {@link #RELEASE} supports this Apache Spark release.
   *
   * @param version the Spark version
   * @return true when it is one of the supported releases
   */
  public static boolean supports(SparkVersion version) {
    return SUPPORTED_SPARK.contains(Objects.requireNonNull(version, "version"));
  }

  /**
   * The RAPIDS shuffle manager class for a Spark release: the plugin ships one per Spark shim,
   * named after the release's three numbers ({@code 3.5.1} → {@code
   * com.nvidia.spark.rapids.spark351.RapidsShuffleManager}).
   *
   * @param version the Spark version
   * @return the class name for {@code spark.shuffle.manager}
   * @throws DgxSparkException if the plugin does not support that release; the message lists the
   *     releases it does support
   */
  public static String shuffleManagerClass(SparkVersion version) {
    if (!supports(version)) {
      throw new DgxSparkException(
          String.format(
              Locale.ROOT,
              "Spark %s is not supported by RAPIDS Accelerator %s; expected one of %s",
              version,
              RELEASE,
              SUPPORTED_SPARK.stream()
                  .map(SparkVersion::toString)
                  .collect(Collectors.joining(", "))));
    }
    return shimPackage(version) + ".RapidsShuffleManager";
  }

  /**
   * Whether a {@code spark.shuffle.manager} value is the RAPIDS shuffle manager built for this
   * Spark release, by any plugin release (older plugins shipped shims for older Spark releases):
   * the release's shim package, or its Databricks variant with a {@code db} suffix.
   *
   * @param className the configured class name
   * @param version the application's Spark version
   * @return true when the class is that release's RapidsShuffleManager
   */
  public static boolean isShuffleManagerFor(String className, SparkVersion version) {
    String m = Objects.requireNonNull(className, "className").trim();
    String shim = shimPackage(Objects.requireNonNull(version, "version"));
    return m.equals(shim + ".RapidsShuffleManager")
        || m.startsWith(shim + "db") && m.endsWith(".RapidsShuffleManager");
  }

  private static String shimPackage(SparkVersion version) {
    return "com.nvidia.spark.rapids.spark" + version.major() + version.minor() + version.patch();
  }
}
