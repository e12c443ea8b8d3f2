package io.github.dgxspark.models.recommendations;

import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.core.ClusterManager;
import io.github.dgxspark.core.ClusterSpec;
import io.github.dgxspark.core.ExecutionMode;
import io.github.dgxspark.core.GpuSpec;
import io.github.dgxspark.core.Language;
import io.github.dgxspark.core.NodeSpec;
import io.github.dgxspark.core.SparkConfig;
import io.github.dgxspark.core.WorkloadSpec;
import io.github.dgxspark.models.ModelsException;
import io.github.dgxspark.models.eventlog.ApplicationProfile;
import io.github.dgxspark.models.workload.WorkloadAnalyzer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The config, hardware and workload an event log carries: its Spark properties, nodes derived from
 * its executors, and the workload classified from what ran. Says what it had to assume.
 */
final class ProfileInputs {
  /** GPU memory assumed when the log does not name the GPU: 16 GiB, the V100/T4 class. */
  static final long ASSUMED_GPU_MEMORY_BYTES = 16 * ByteSizes.GIB;

  final SparkConfig config;
  final ClusterSpec cluster;
  final WorkloadSpec workload;
  final List<String> assumptions;

  private ProfileInputs(
      SparkConfig config, ClusterSpec cluster, WorkloadSpec workload, List<String> assumptions) {
    this.config = config;
    this.cluster = cluster;
    this.workload = workload;
    this.assumptions = List.copyOf(assumptions);
  }

  static ProfileInputs of(ApplicationProfile p, Optional<ExecutionMode> mode) {
    if (p.executors().isEmpty() && p.totals().tasks() == 0) {
      throw new ModelsException(
          String.format(
              Locale.ROOT,
              "event log of application %s has no executor and no task; expected a log of an"
                  + " application that ran at least one task",
              p.applicationId().orElse("(no id)")));
    }
    List<String> assumptions = new ArrayList<>();
    SparkConfig config = tuningProperties(p.sparkProperties());
    ClusterManager manager =
        p.clusterManager()
            .orElseGet(
                () -> {
                  assumptions.add(
                      "cluster manager: the master '"
                          + p.master().orElse("")
                          + "' is not local, standalone, YARN or Kubernetes; standalone assumed");
                  return ClusterManager.STANDALONE;
                });
    boolean gpuRun = !p.gpuOperatorNames().isEmpty();
    ClusterSpec cluster = hardware(p, config, manager, gpuRun, assumptions);
    WorkloadSpec workload =
        new WorkloadSpec(
            WorkloadAnalyzer.classify(p).workloadType(),
            p.totals().inputBytes() > 0
                ? OptionalLong.of(p.totals().inputBytes())
                : OptionalLong.empty(),
            List.of(),
            mode.orElse(gpuRun ? ExecutionMode.GPU : ExecutionMode.CPU),
            python(config) ? Language.PYTHON : Language.JVM);
    assumptions.add(
        String.format(
            Locale.ROOT,
            "workload: %s in %s mode (%s)%s",
            workload.type().id(),
            workload.mode().id(),
            mode.isPresent()
                ? "mode as given; type classified from the operators and stages that ran"
                : "classified from the operators and stages that ran",
            workload.inputBytes().isPresent()
                ? ", input " + ByteSizes.human(workload.inputBytes().getAsLong())
                : ", input size unknown (no input metrics)"));
    return new ProfileInputs(config, cluster, workload, assumptions);
  }

  /**
   * The properties a person sets: Spark's runtime bookkeeping (application id and times, driver
   * host and port, executor id), the empty file lists spark-submit writes, and the plugin's
   * internal copies of its settings are left out.
   */
  static SparkConfig tuningProperties(SparkConfig all) {
    Map<String, String> m = new LinkedHashMap<>();
    all.entries()
        .forEach(
            (k, v) -> {
              boolean emptyBookkeeping =
                  v.isBlank()
                      && (k.equals("spark.jars")
                          || k.equals("spark.files")
                          || k.equals("spark.archives")
                          || k.equals("spark.submit.pyFiles"));
              if (!emptyBookkeeping
                  && !k.startsWith("spark.plugins.internal.")
                  && !k.equals("spark.app.id")
                  && !k.equals("spark.app.startTime")
                  && !k.equals("spark.app.submitTime")
                  && !k.equals("spark.app.initial.jar.urls")
                  && !k.equals("spark.app.initial.file.urls")
                  && !k.equals("spark.driver.host")
                  && !k.equals("spark.driver.port")
                  && !k.equals("spark.executor.id")
                  && !k.startsWith("spark.org.apache.hadoop.yarn.server.webproxy.")
                  && !k.startsWith("spark.yarn.app.")
                  && !k.startsWith("spark.ui.filters")) {
                m.put(k, v);
              }
            });
    return new SparkConfig(m);
  }

  private static boolean python(SparkConfig c) {
    return c.get("spark.submit.pyFiles").filter(v -> !v.isBlank()).isPresent()
        || c.get("spark.yarn.isPython").map(v -> v.equalsIgnoreCase("true")).orElse(false)
        || c.entries().keySet().stream().anyMatch(k -> k.startsWith("spark.pyspark."));
  }

  private static ClusterSpec hardware(
      ApplicationProfile p,
      SparkConfig config,
      ClusterManager manager,
      boolean gpuRun,
      List<String> assumptions) {
    // per host: the most executors alive at once, their cores and GPUs
    Map<String, List<ApplicationProfile.Executor>> byHost = new TreeMap<>();
    for (ApplicationProfile.Executor e : p.executors()) {
      if (!e.id().equals("driver") || manager == ClusterManager.LOCAL) {
        byHost.computeIfAbsent(e.host(), h -> new ArrayList<>()).add(e);
      }
    }
    int cores = 1;
    int gpus = 0;
    int executorsPerNode = 1;
    for (List<ApplicationProfile.Executor> list : byHost.values()) {
      int[] peak = peak(list);
      if (peak[1] > cores) {
        cores = peak[1];
      }
      executorsPerNode = Math.max(executorsPerNode, peak[0]);
      gpus = Math.max(gpus, peak[2]);
    }
    int nodes = manager == ClusterManager.LOCAL ? 1 : Math.max(1, byHost.size());
    long heap =
        Evidence.bytes(
                config,
                manager == ClusterManager.LOCAL ? "spark.driver.memory" : "spark.executor.memory")
            .orElse(ByteSizes.GIB);
    long overhead = Evidence.overheadBytes(config, heap, Evidence.sparkVersion(p));
    long footprint = heap + (manager == ClusterManager.LOCAL ? 0 : overhead);
    long memory =
        Math.max(4 * ByteSizes.GIB, footprint * executorsPerNode * 5 / 4 + 4 * ByteSizes.GIB);
    if (gpuRun && gpus == 0) {
      gpus = executorsPerNode;
      assumptions.add(
          "GPUs: the log ran GPU operators but lists no GPU addresses; one GPU per executor assumed");
    }
    List<GpuSpec> gpuList =
        Collections.nCopies(
            gpuRun ? gpus : 0,
            new GpuSpec("GPU (model not in the event log)", ASSUMED_GPU_MEMORY_BYTES, "", 0));
    NodeSpec node = new NodeSpec("", cores, cores, 1, 1, memory, gpuList, false, 0, List.of());
    assumptions.add(
        String.format(
            Locale.ROOT,
            "hardware derived from the log's executors: %d node(s) x %d cores%s, memory assumed"
                + " %s per node (the executors' %s footprint + 25 %% + 4 GiB); the real nodes may"
                + " be larger, so executor sizing is not changed%s",
            nodes,
            cores,
            gpuRun
                ? String.format(
                    Locale.ROOT,
                    ", %d GPU(s) of assumed %s each (GPU model not logged, so GPU memory settings"
                        + " are not changed)",
                    gpus,
                    ByteSizes.human(ASSUMED_GPU_MEMORY_BYTES))
                : "",
            ByteSizes.human(memory),
            ByteSizes.human(footprint * executorsPerNode),
            manager == ClusterManager.LOCAL ? " (local mode: one JVM)" : ""));
    return new ClusterSpec(node, nodes, 0, manager);
  }

  /** Most executors alive at once on one host: {executors, cores, gpus}. */
  private static int[] peak(List<ApplicationProfile.Executor> list) {
    List<Object[]> events = new ArrayList<>();
    for (ApplicationProfile.Executor e : list) {
      Instant add = e.added().orElse(Instant.EPOCH);
      events.add(new Object[] {add, 1, e});
      e.removed().ifPresent(r -> events.add(new Object[] {r, -1, e}));
    }
    events.sort(
        (a, b) -> {
          int c = ((Instant) a[0]).compareTo((Instant) b[0]);
          return c != 0 ? c : Integer.compare((Integer) a[1], (Integer) b[1]);
        });
    int n = 0;
    int cores = 0;
    int gpus = 0;
    int[] best = {0, 0, 0};
    for (Object[] ev : events) {
      int sign = (Integer) ev[1];
      ApplicationProfile.Executor e = (ApplicationProfile.Executor) ev[2];
      n += sign;
      cores += sign * e.totalCores();
      gpus += sign * e.gpuCount();
      if (cores > best[1]) {
        best = new int[] {n, cores, gpus};
      }
    }
    return best;
  }
}
