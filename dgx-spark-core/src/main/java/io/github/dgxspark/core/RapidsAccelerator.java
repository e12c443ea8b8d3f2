package io.github.dgxspark.core;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
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
   * The oldest compute capability CUDA 13 builds for, in tenths: 7.5 (Turing). CUDA 13.0 dropped
   * offline compilation and library support for Maxwell, Pascal and Volta, compute capability below
   * 7.5 (CUDA Toolkit 13.0 Release Notes, docs.nvidia.com/cuda/archive/13.0.0/
   * cuda-toolkit-release-notes, "Deprecated or Dropped Features", "Deprecated Architectures";
   * NVIDIA Technical Blog, "Navigating GPU Architecture Support: A Guide for NVIDIA CUDA
   * Developers", developer.nvidia.com/blog/navigating-gpu-architecture-support-a-guide-for-nvidia-
   * cuda-developers), so the plugin's cuda13 jars cannot run on a V100 (7.0).
   */
  static final int CUDA13_MIN_COMPUTE_CAPABILITY_TENTHS = 75;

  /**
   * Which CUDA builds of the plugin jar suit these GPUs, as a phrase for a note. The {@link
   * #RELEASE} download page lists, per Scala version, a CUDA 12 jar (no classifier on x86_64,
   * {@code cuda12-arm64} on arm64) and a CUDA 13 jar ({@code cuda13}, {@code cuda13-arm64})
   * (NVIDIA/spark-rapids docs/download.md, commit 5cc049b5efd9bd06c2ecda547cb50d8458e12712,
   * "Download RAPIDS Accelerator for Apache Spark v26.06.0", "CUDA 12" and "CUDA 13" tables); GPUs
   * older than {@link #CUDA13_MIN_COMPUTE_CAPABILITY_TENTHS} get only the CUDA 12 one.
   *
   * @param gpus the node's GPUs; their compute capabilities may be empty (unknown)
   * @return e.g. {@code the CUDA 12 build (no classifier; cuda12-arm64 on arm64): CUDA 13 dropped
   *     compute capability 7.0}
   */
  static String cudaBuilds(List<GpuSpec> gpus) {
    OptionalInt oldest =
        gpus.stream()
            .map(GpuSpec::computeCapability)
            .filter(cc -> !cc.isEmpty())
            .mapToInt(RapidsAccelerator::tenths)
            .min();
    String twelve = "the CUDA 12 build (no classifier on x86_64, cuda12-arm64 on arm64)";
    if (oldest.isPresent() && oldest.getAsInt() < CUDA13_MIN_COMPUTE_CAPABILITY_TENTHS) {
      return String.format(
          Locale.ROOT,
          "%s only: CUDA 13 dropped GPUs below compute capability 7.5, and these are %d.%d",
          twelve,
          oldest.getAsInt() / 10,
          oldest.getAsInt() % 10);
    }
    return twelve
        + " or, with a driver for CUDA 13 (nvidia-smi shows CUDA Version 13.x), the cuda13 build"
        + " (cuda13-arm64 on arm64, as on Grace and GB10)"
        + (oldest.isPresent() ? "" : "; cuda13 needs compute capability 7.5 or newer");
  }

  private static int tenths(String computeCapability) {
    int dot = computeCapability.indexOf('.');
    return Integer.parseInt(computeCapability.substring(0, dot)) * 10
        + Integer.parseInt(computeCapability.substring(dot + 1));
  }

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
