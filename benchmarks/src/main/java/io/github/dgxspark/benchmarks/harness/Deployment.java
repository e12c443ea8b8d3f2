package io.github.dgxspark.benchmarks.harness;

import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.core.ClusterManager;
import io.github.dgxspark.core.ClusterSpec;
import io.github.dgxspark.core.DgxSparkException;
import io.github.dgxspark.core.ExecutorLayout;
import io.github.dgxspark.core.NodeSpec;
import io.github.dgxspark.core.OptimizationResult;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a run executes: {@code local} (one JVM, this machine as the optimizer's node) or {@code
 * cluster-N}, Spark's {@code local-cluster} with N workers, each worker standing for one {@link
 * #WORKER_NODE} of a standalone cluster.
 *
 * <p>Why not this machine as the standalone node: with 2 cores the optimizer keeps 1 core for the
 * OS and 1 for the driver and rejects the node for standalone, YARN and Kubernetes ("too small").
 * The workers' cores are slots, not real cores: on a 2-core machine their tasks share the 2 cores.
 *
 * @param id {@code local} or {@code cluster-N}
 * @param workers 0 for local, else the local-cluster workers (nodes)
 */
record Deployment(String id, int workers) {
  /** The node each local-cluster worker stands for: 4 cores, 6 GiB, no GPU. */
  static final NodeSpec WORKER_NODE = NodeSpec.cpuOnly(4, 6 * ByteSizes.GIB);

  /** Spark's default {@code spark.executor.memory} (Spark configuration page). */
  static final String SPARK_DEFAULT_EXECUTOR_MEMORY = "1g";

  /** Spark's default {@code spark.driver.memory} (Spark configuration page). */
  static final String SPARK_DEFAULT_DRIVER_MEMORY = "1g";

  // Checks the fields.
  Deployment {
    if (workers < 0 || workers > 8) {
      throw new DgxSparkException(
          String.format(
              Locale.ROOT, "deployment '%s' has %d workers; expected 0 to 8", id, workers));
    }
  }

  /**
   * Parses {@code local} or {@code cluster-N}.
   *
   * @param text the id
   * @return the deployment
   * @throws DgxSparkException if the text is neither
   */
  static Deployment parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("local")) {
      return new Deployment("local", 0);
    }
    if (t.matches("cluster-[1-8]")) {
      return new Deployment(t, Integer.parseInt(t.substring("cluster-".length())));
    }
    throw new DgxSparkException(
        String.format(
            Locale.ROOT,
            "deployment '%s' is not known; expected local or cluster-N with N from 1 to 8",
            text));
  }

  /**
   * Whether this is local mode.
   *
   * @return true for {@code local}
   */
  boolean local() {
    return workers == 0;
  }

  /**
   * The cluster the optimizer is asked about.
   *
   * @param machine this machine's node
   * @return local: this machine under the local manager; cluster-N: N worker nodes, standalone
   */
  ClusterSpec cluster(NodeSpec machine) {
    return local()
        ? ClusterSpec.single(machine, ClusterManager.LOCAL)
        : ClusterSpec.of(WORKER_NODE, workers, ClusterManager.STANDALONE);
  }

  /**
   * The master URL of a run. Local: the config's {@code spark.master}, else {@code local[*]} (every
   * core, as spark-shell starts). Cluster: the same {@code local-cluster[N, cores, MiB]} for every
   * config, each worker offering the cores and memory the optimizer planned per node.
   *
   * @param recommended the optimizer's answer for this deployment
   * @param config the run's config
   * @return the master URL
   */
  String master(OptimizationResult recommended, Map<String, String> config) {
    if (local()) {
      return config.getOrDefault("spark.master", "local[*]");
    }
    ExecutorLayout l = recommended.layout();
    return String.format(
        Locale.ROOT,
        "local-cluster[%d,%d,%d]",
        workers,
        workerCores(l),
        l.executorsPerNode() * l.executorMemoryBytes() / ByteSizes.MIB);
  }

  /**
   * Executors a standalone master grants: per worker, its cores ÷ {@code spark.executor.cores}
   * (default: all of them), capped by {@code spark.cores.max}. With dynamic allocation on, the
   * executors Spark asks for at start: the largest of {@code spark.dynamicAllocation.minExecutors},
   * {@code spark.dynamicAllocation.initialExecutors} and {@code spark.executor.instances}
   * (apache/spark {@code Utils.getDynamicAllocationInitialExecutors}), at least 1 to wait for.
   *
   * @param recommended the optimizer's answer for this deployment
   * @param config the run's config
   * @return executors to wait for, 0 in local mode
   */
  int expectedExecutors(OptimizationResult recommended, Map<String, String> config) {
    if (local()) {
      return 0;
    }
    if (Boolean.parseBoolean(config.getOrDefault("spark.dynamicAllocation.enabled", "false"))) {
      int initial = 1;
      for (String key :
          List.of(
              "spark.dynamicAllocation.minExecutors",
              "spark.dynamicAllocation.initialExecutors",
              "spark.executor.instances")) {
        initial = Math.max(initial, Integer.parseInt(config.getOrDefault(key, "0")));
      }
      return initial;
    }
    int cores = workerCores(recommended.layout());
    int perExecutor = Integer.parseInt(config.getOrDefault("spark.executor.cores", "" + cores));
    int executors = workers * (cores / perExecutor);
    if (config.containsKey("spark.cores.max")) {
      executors =
          Math.min(executors, Integer.parseInt(config.get("spark.cores.max")) / perExecutor);
    }
    return executors;
  }

  private static int workerCores(ExecutorLayout l) {
    return l.executorsPerNode() * l.executorCores();
  }
}
