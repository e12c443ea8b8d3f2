package io.github.dgxspark.core;

import java.util.Locale;

/**
 * Where the Spark application runs: this decides overhead accounting and worker resource settings.
 */
public enum ClusterManager {
  /** One JVM ({@code local[N]}): the driver runs the tasks itself. */
  LOCAL,
  /** Spark's standalone master and workers. */
  STANDALONE,
  /** Hadoop YARN: executors are containers of heap plus overhead. */
  YARN,
  /** Kubernetes: executors are pods whose memory request is heap plus overhead. */
  KUBERNETES;

  /**
   * Parses a cluster manager name such as {@code yarn} or {@code k8s}.
   *
   * @param text the name, case-insensitive; {@code k8s} is accepted for Kubernetes
   * @return the cluster manager
   * @throws DgxSparkException if the name is not one of local, standalone, yarn, kubernetes (k8s)
   */
  public static ClusterManager parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    switch (t) {
      case "local":
        return LOCAL;
      case "standalone":
        return STANDALONE;
      case "yarn":
        return YARN;
      case "kubernetes":
      case "k8s":
        return KUBERNETES;
      default:
        throw new DgxSparkException(
            String.format(
                Locale.ROOT,
                "cluster manager '%s' is not known; expected local, standalone, yarn or kubernetes (k8s)",
                text));
    }
  }

  /**
   * The lower-case name used in JSON and on the command line.
   *
   * @return e.g. {@code yarn}
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
