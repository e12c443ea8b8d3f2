package io.github.dgxspark.core;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The AutoTuner's published rules for an on-prem target given as {@code workerInfo} (cores, memory,
 * one GPU by name), in Profiling mode and with no event-log evidence (no spills, no task input
 * sizes), written from its source independently of the optimizer: NVIDIA/spark-rapids-tools
 * core/src/main/scala/com/nvidia/spark/rapids/tool/tuning/AutoTuner.scala at commit 002d9302
 * (calculateClusterLevelRecommendations, calcOverallMemory, configureShuffleReaderWriterNumThreads,
 * configureMultiThreadedReaders, recommendKryoSerializerSetting, recommendAQEProperties,
 * recommendShufflePartitions, getShuffleManagerClassName), its defaults in
 * core/src/main/resources/bootstrap/tuningConfigs.yaml, PR 2076 (pinned pool cap 8g; the overhead
 * claims the rest of the executor's memory) and its GPU table (GpuDevice.scala: L4 24576m, L20
 * 49152m). The AutoTuner drops concurrentGpuTasks for plugin jars from 25.06 on (spark-rapids PR
 * 12374: the plugin sizes it itself).
 */
final class AutoTunerRules {
  /**
   * Memory of the GPUs the targets use, in MiB, as the AutoTuner's GPU table has it (read from the
   * project's GPU table, data/dgx-systems.json, which records the AutoTuner's entries).
   */
  static final Map<String, Long> GPU_MEMORY_MIB =
      Map.of(
          "l4",
          GpuTableTest.autotunerMemoryMib("l4"),
          "l20",
          GpuTableTest.autotunerMemoryMib("l20"));

  private AutoTunerRules() {}

  /**
   * One target of the AutoTuner's own tests.
   *
   * @param name how the README names it
   * @param cores worker cores
   * @param memoryGb worker memory in GB (the AutoTuner reads it as GiB)
   * @param gpu the GPU name as the AutoTuner's table spells it
   * @param manager YARN or Kubernetes
   * @param sourceExecutors executors of the profiled application (one per node here)
   * @param sparkVersion the application's Spark version
   * @param pluginVersion the application's RAPIDS jar version
   */
  record Target(
      String name,
      int cores,
      int memoryGb,
      String gpu,
      ClusterManager manager,
      int sourceExecutors,
      String sparkVersion,
      String pluginVersion) {
    Target {
      Objects.requireNonNull(GPU_MEMORY_MIB.get(gpu), gpu);
    }
  }

  /**
   * What the AutoTuner recommends for the target.
   *
   * @param t the target
   * @return key → value as the AutoTuner prints it
   */
  static Map<String, String> recommend(Target t) {
    Map<String, String> r = new TreeMap<>();
    int cores = t.cores(); // ceil(node cores / 1 GPU)
    r.put("spark.executor.cores", Integer.toString(cores));
    r.put("spark.executor.instances", Integer.toString(t.sourceExecutors() * cores / cores));
    r.put("spark.executor.resource.gpu.amount", "1");
    r.put("spark.task.resource.gpu.amount", "0.001");
    long gpuMib = GPU_MEMORY_MIB.get(t.gpu());
    if (compareVersions(t.pluginVersion(), "25.06.0") < 0) {
      r.put("spark.rapids.sql.concurrentGpuTasks", Long.toString(Math.min(4, gpuMib / 7500)));
    }
    // memory, in MiB: OnPrem keeps no non-executor share (fraction 0)
    long avail = t.memoryGb() * 1024L;
    long heap = 2048L * cores;
    long left = avail - heap;
    long base = (long) (heap * 0.1);
    long pinned = Math.min(8192, (left - base) / 2);
    long overhead = Math.max(base + 2 * pinned, left);
    r.put("spark.executor.memory", heap + "m");
    r.put("spark.rapids.memory.pinnedPool.size", pinned + "m");
    if (t.manager() == ClusterManager.YARN || t.manager() == ClusterManager.KUBERNETES) {
      r.put("spark.executor.memoryOverhead", overhead + "m");
    }
    if (t.manager() == ClusterManager.KUBERNETES) {
      r.put("spark.executor.resource.gpu.vendor", "nvidia.com");
    }
    if (cores >= 4) {
      String threads = Integer.toString(cores < 16 ? 20 : (int) (cores * 1.5));
      r.put("spark.rapids.shuffle.multiThreaded.reader.threads", threads);
      r.put("spark.rapids.shuffle.multiThreaded.writer.threads", threads);
    }
    r.put(
        "spark.rapids.sql.multiThreadedRead.numThreads",
        Integer.toString(cores < 4 ? Math.max(20, cores) : Math.max(20, 2 * cores)));
    r.put("spark.rapids.sql.batchSizeBytes", "2147483647");
    r.put("spark.locality.wait", "0");
    r.put("spark.plugins", "com.nvidia.spark.SQLPlugin");
    r.put("spark.rapids.sql.enabled", "true");
    r.put(
        "spark.shuffle.manager",
        "com.nvidia.spark.rapids.spark"
            + t.sparkVersion().replace(".", "")
            + ".RapidsShuffleManager");
    r.put("spark.sql.files.maxPartitionBytes", "512m");
    r.put("spark.sql.shuffle.partitions", "200");
    r.put("spark.sql.adaptive.coalescePartitions.minPartitionSize", "4m");
    // mean input per SQL below 35,000 bytes (none known) and no advisory size set
    r.put("spark.sql.adaptive.advisoryPartitionSizeInBytes", "128m");
    // the profiled application used Kryo without a registrator
    r.put("spark.kryo.registrator", "com.nvidia.spark.rapids.GpuKryoRegistrator");
    r.put("spark.kryoserializer.buffer.max", "512m");
    return r;
  }

  private static int compareVersions(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int p = i < x.length ? Integer.parseInt(x[i]) : 0;
      int q = i < y.length ? Integer.parseInt(y[i]) : 0;
      if (p != q) {
        return Integer.compare(p, q);
      }
    }
    return 0;
  }
}
