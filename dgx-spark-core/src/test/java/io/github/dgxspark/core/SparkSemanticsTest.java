package io.github.dgxspark.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Expected values are Spark's own, read from its sources at the release tags named beside them
 * (github.com/apache/spark/blob/TAG/...).
 */
class SparkSemanticsTest {
  private static final SparkVersion V1_6 = SparkVersion.parse("1.6.3");
  private static final SparkVersion V2_3 = SparkVersion.parse("2.3.4");
  private static final SparkVersion V3_1 = SparkVersion.parse("3.1.3");
  private static final SparkVersion V3_2 = SparkVersion.parse("3.2.0");
  private static final SparkVersion V3_5 = SparkVersion.parse("3.5.1");

  @Test
  void defaultValue_adaptiveEnabled_falseBefore32TrueFrom32() {
    // SQLConf.scala v3.1.3: ADAPTIVE_EXECUTION_ENABLED createWithDefault(false); v3.2.0: true
    assertEquals(
        Optional.of("false"), SparkSemantics.defaultValue("spark.sql.adaptive.enabled", V3_1));
    assertEquals(
        Optional.of("true"), SparkSemantics.defaultValue("spark.sql.adaptive.enabled", V3_2));
    assertEquals(
        Optional.of("false"), SparkSemantics.defaultValue("spark.sql.adaptive.enabled", V1_6));
  }

  @Test
  void allowedValues_parquetCodec_followsTheRelease() {
    // SQLConf.scala v3.5.8 checkValues: ... lz4, lz4raw, lz4_raw, zstd; v4.0.1 and v4.1.3: lz4_raw
    // only (SPARK-45484); v3.3.4: neither
    String key = "spark.sql.parquet.compression.codec";
    assertTrue(SparkSemantics.allowedValues(key, SparkVersion.parse("3.5.8")).contains("LZ4RAW"));
    assertTrue(SparkSemantics.allowedValues(key, SparkVersion.parse("3.5.8")).contains("LZ4_RAW"));
    assertFalse(SparkSemantics.allowedValues(key, SparkVersion.NEWEST).contains("LZ4RAW"));
    assertTrue(SparkSemantics.allowedValues(key, SparkVersion.NEWEST).contains("LZ4_RAW"));
    assertFalse(SparkSemantics.allowedValues(key, SparkVersion.parse("3.3.4")).contains("LZ4RAW"));
    assertTrue(SparkSemantics.allowedValues(key, SparkVersion.parse("3.3.4")).contains("SNAPPY"));
    assertEquals(java.util.List.of(), SparkSemantics.allowedValues("spark.executor.cores", V3_5));
  }

  @Test
  void exists_skewJoinOnSpark23_isFalse() {
    // SQLConf.scala v3.0.3: SKEW_JOIN_ENABLED .version("3.0.0"); absent from v2.4.8
    assertFalse(SparkSemantics.exists("spark.sql.adaptive.skewJoin.enabled", V2_3));
    assertTrue(SparkSemantics.exists("spark.sql.adaptive.skewJoin.enabled", V3_1));
    assertEquals(
        Optional.empty(), SparkSemantics.defaultValue("spark.sql.adaptive.skewJoin.enabled", V2_3));
  }

  @Test
  void defaultValue_fallbackKey_resolvesToItsDefault() {
    // SQLConf.scala v3.5.7: ADVISORY_PARTITION_SIZE_IN_BYTES
    // fallbackConf(SHUFFLE_TARGET_POSTSHUFFLE_INPUT_SIZE), "64MB"
    assertEquals(
        Optional.of("64MB"),
        SparkSemantics.defaultValue("spark.sql.adaptive.advisoryPartitionSizeInBytes", V3_5));
  }

  @Test
  void effective_setValue_isLog_unsetIsVersionDefault() {
    SparkConfig c = new SparkConfig(Map.of("spark.sql.shuffle.partitions", "400"));
    EffectiveValue set = SparkSemantics.effective("spark.sql.shuffle.partitions", c, V3_5);
    assertEquals(
        new EffectiveValue(
            "spark.sql.shuffle.partitions", Optional.of("400"), EffectiveValue.Source.LOG),
        set);
    EffectiveValue def = SparkSemantics.effective("spark.sql.adaptive.enabled", c, V3_1);
    assertEquals(Optional.of("false"), def.value());
    assertEquals(EffectiveValue.Source.DEFAULT, def.source());
    EffectiveValue none = SparkSemantics.effective("spark.kryo.registrator", c, V3_5);
    assertEquals(EffectiveValue.Source.UNSET, none.source());
  }

  @Test
  void effective_arrowPysparkUnset_followsOldArrowKey() {
    // SQLConf.scala v3.5.7: ARROW_PYSPARK_EXECUTION_ENABLED fallbackConf(ARROW_EXECUTION_ENABLED)
    SparkConfig c = new SparkConfig(Map.of("spark.sql.execution.arrow.enabled", "true"));
    EffectiveValue e =
        SparkSemantics.effective("spark.sql.execution.arrow.pyspark.enabled", c, V3_5);
    assertEquals(Optional.of("true"), e.value());
    assertEquals(EffectiveValue.Source.LOG, e.source());
    assertEquals("log", e.source().id());
  }

  @Test
  void clusterManager_masterUrls_asSparkContextReadsThem() {
    assertEquals(Optional.of(ClusterManager.LOCAL), SparkSemantics.clusterManager("local"));
    assertEquals(Optional.of(ClusterManager.LOCAL), SparkSemantics.clusterManager("local[4]"));
    assertEquals(Optional.of(ClusterManager.LOCAL), SparkSemantics.clusterManager("local[*]"));
    assertEquals(Optional.of(ClusterManager.LOCAL), SparkSemantics.clusterManager("local[*, 3]"));
    // SparkContext.scala v4.1.3: LOCAL_CLUSTER_REGEX -> LocalSparkCluster +
    // StandaloneSchedulerBackend
    assertEquals(
        Optional.of(ClusterManager.STANDALONE),
        SparkSemantics.clusterManager("local-cluster[2, 1, 1024]"));
    assertEquals(
        Optional.of(ClusterManager.STANDALONE), SparkSemantics.clusterManager("spark://h:7077"));
    assertEquals(Optional.of(ClusterManager.YARN), SparkSemantics.clusterManager("yarn"));
    assertEquals(
        Optional.of(ClusterManager.KUBERNETES),
        SparkSemantics.clusterManager("k8s://https://h:6443"));
    assertEquals(Optional.empty(), SparkSemantics.clusterManager("mesos://h:5050"));
    assertEquals(Optional.empty(), SparkSemantics.clusterManager("local[x]"));
  }

  @Test
  void enforcesMemoryOverhead_onlyContainerManagers() {
    assertTrue(SparkSemantics.enforcesMemoryOverhead(ClusterManager.YARN));
    assertTrue(SparkSemantics.enforcesMemoryOverhead(ClusterManager.KUBERNETES));
    assertFalse(SparkSemantics.enforcesMemoryOverhead(ClusterManager.STANDALONE));
    assertFalse(SparkSemantics.enforcesMemoryOverhead(ClusterManager.LOCAL));
  }

  @Test
  void memoryOverheadBytes_defaults_384MiBFloorAndTenPercent() {
    // ResourceProfile.calculateOverHeadMemory v4.1.3: max((0.1 * heapMiB).toInt, 384)
    SparkConfig none = SparkConfig.empty();
    assertEquals(384L << 20, SparkSemantics.memoryOverheadBytes(none, 1L << 30, V3_5));
    // 0.1 * 40960 MiB = 4096 MiB
    assertEquals(4096L << 20, SparkSemantics.memoryOverheadBytes(none, 40L << 30, V3_5));
    // 0.1 * 10000 MiB = 1000.0000000000001 -> 1000 MiB, truncated as Spark's toInt does
    assertEquals(1000L << 20, SparkSemantics.memoryOverheadBytes(none, 10000L << 20, V3_5));
  }

  @Test
  void memoryOverheadBytes_factorKeyOnlyFrom33() {
    SparkConfig c = new SparkConfig(Map.of("spark.executor.memoryOverheadFactor", "0.2"));
    // package.scala v3.3.0: EXECUTOR_MEMORY_OVERHEAD_FACTOR .version("3.3.0")
    assertEquals(2048L << 20, SparkSemantics.memoryOverheadBytes(c, 10L << 30, V3_5));
    assertEquals(1024L << 20, SparkSemantics.memoryOverheadBytes(c, 10L << 30, V3_2));
  }

  @Test
  void memoryOverheadBytes_explicitAndOldYarnName() {
    SparkConfig mib = new SparkConfig(Map.of("spark.yarn.executor.memoryOverhead", "2048"));
    // SparkConf.scala v4.1.3: AlternateConfig("spark.yarn.executor.memoryOverhead", "2.3"); unit
    // MiB
    assertEquals(2048L << 20, SparkSemantics.memoryOverheadBytes(mib, 8L << 30, V3_5));
    assertEquals(2048L << 20, SparkSemantics.memoryOverheadBytes(mib, 8L << 30, V1_6));
    SparkConfig both =
        new SparkConfig(
            Map.of(
                "spark.executor.memoryOverhead", "3g", "spark.yarn.executor.memoryOverhead", "1g"));
    assertEquals(3L << 30, SparkSemantics.memoryOverheadBytes(both, 8L << 30, V3_5));
  }

  @Test
  void memoryOverheadBytes_minimumKeyFrom40() {
    SparkConfig c = new SparkConfig(Map.of("spark.executor.minMemoryOverhead", "1g"));
    assertEquals(1L << 30, SparkSemantics.memoryOverheadBytes(c, 4L << 30, SparkVersion.NEWEST));
    assertEquals(410L << 20, SparkSemantics.memoryOverheadBytes(c, 4100L << 20, V3_5));
  }

  @Test
  void localModeCores_everyLocalForm() {
    assertEquals(OptionalInt.of(1), SparkSemantics.localModeCores("local", 64));
    assertEquals(OptionalInt.of(8), SparkSemantics.localModeCores("local[8]", 64));
    assertEquals(OptionalInt.of(64), SparkSemantics.localModeCores("local[*]", 64));
    assertEquals(OptionalInt.of(64), SparkSemantics.localModeCores("local[*,2]", 64));
    assertEquals(OptionalInt.empty(), SparkSemantics.localModeCores("local-cluster[2,4,1024]", 64));
    assertEquals(OptionalInt.empty(), SparkSemantics.localModeCores("yarn", 64));
  }

  @Test
  void defaultParallelism_threadsLocallyElseTheCoresAtLeastTwo() {
    // LocalSchedulerBackend: the threads; CoarseGrainedSchedulerBackend: max(total cores, 2)
    assertEquals(1, SparkSemantics.defaultParallelism(ClusterManager.LOCAL, 1));
    assertEquals(12, SparkSemantics.defaultParallelism(ClusterManager.LOCAL, 12));
    assertEquals(2, SparkSemantics.defaultParallelism(ClusterManager.STANDALONE, 1));
    assertEquals(4, SparkSemantics.defaultParallelism(ClusterManager.STANDALONE, 4));
    assertEquals(2, SparkSemantics.defaultParallelism(ClusterManager.YARN, 1));
    assertEquals(160, SparkSemantics.defaultParallelism(ClusterManager.KUBERNETES, 160));
    DgxSparkException e =
        assertThrows(
            DgxSparkException.class,
            () -> SparkSemantics.defaultParallelism(ClusterManager.YARN, 0));
    assertEquals(
        "total cores is 0; expected the executors' cores together, 1 or more", e.getMessage());
  }

  @Test
  void localClusterWorker_coresAndMemoryOfEachWorker() {
    // local-cluster[W,C,M]: W workers of C cores and M MiB (SparkMasterRegex, SparkContext.scala)
    assertEquals(
        OptionalInt.of(3), SparkSemantics.localClusterWorkerCores("local-cluster[2,3,4654]"));
    assertEquals(
        OptionalLong.of(4654L << 20),
        SparkSemantics.localClusterWorkerMemoryBytes(" local-cluster[ 2 , 3 , 4654 ] "));
    assertEquals(OptionalInt.empty(), SparkSemantics.localClusterWorkerCores("local[3]"));
    assertEquals(
        OptionalLong.empty(), SparkSemantics.localClusterWorkerMemoryBytes("spark://h:7077"));
    assertEquals(
        OptionalInt.empty(),
        SparkSemantics.localClusterWorkerCores("local-cluster[2,99999999999,1024]"));
  }

  @Test
  void sizeBytes_leadingMinus_negatesAsSparksBytesConf() {
    // ConfigHelpers.byteFromString (ConfigBuilder.scala v4.1.3); -1 disables broadcast joins
    assertEquals(-1L, SparkSemantics.sizeBytes("spark.sql.autoBroadcastJoinThreshold", "-1"));
    assertEquals(
        -(10L << 20), SparkSemantics.sizeBytes("spark.sql.autoBroadcastJoinThreshold", "-10m"));
    assertThrows(
        DgxSparkException.class,
        () -> SparkSemantics.sizeBytes("spark.sql.autoBroadcastJoinThreshold", "--1"));
  }

  @Test
  void sameValue_typed() {
    // spark.reducer.maxSizeInFlight is read in MiB (package.scala v4.1.3 bytesConf(ByteUnit.MiB))
    assertTrue(SparkSemantics.sameValue("spark.reducer.maxSizeInFlight", "48m", "48MB"));
    assertTrue(SparkSemantics.sameValue("spark.reducer.maxSizeInFlight", "48m", "50331648b"));
    assertTrue(SparkSemantics.sameValue("spark.reducer.maxSizeInFlight", "48", "48m"));
    assertFalse(SparkSemantics.sameValue("spark.reducer.maxSizeInFlight", "48m", "96m"));
    assertTrue(SparkSemantics.sameValue("spark.sql.adaptive.enabled", "true", "TRUE"));
    assertTrue(SparkSemantics.sameValue("spark.network.timeout", "120s", "2min"));
    assertTrue(SparkSemantics.sameValue("spark.network.timeout", "120", "120s"));
    assertFalse(SparkSemantics.sameValue("spark.serializer", "a", "A"));
  }

  @Test
  void rapidsDefaultValue_byPluginRelease() {
    // NVIDIA/spark-rapids PR 8227 (23.06): concurrentGpuTasks 1 -> 2, batchSizeBytes 2147483647 ->
    // 1g
    assertEquals(
        Optional.of("1"),
        SparkSemantics.rapidsDefaultValue("spark.rapids.sql.concurrentGpuTasks", "23.04.1"));
    assertEquals(
        Optional.of("2"),
        SparkSemantics.rapidsDefaultValue("spark.rapids.sql.concurrentGpuTasks", "23.06.0"));
    assertEquals(
        Optional.of("2147483647"),
        SparkSemantics.rapidsDefaultValue("spark.rapids.sql.batchSizeBytes", "22.12.0"));
    // PR 2846 (21.08): allocFraction 0.9 -> 1; PR 5074 (22.06): pool ASYNC; PR 7317 (23.02)
    assertEquals(
        Optional.of("0.9"),
        SparkSemantics.rapidsDefaultValue("spark.rapids.memory.gpu.allocFraction", "21.06.1"));
    assertEquals(
        Optional.of("ARENA"),
        SparkSemantics.rapidsDefaultValue("spark.rapids.memory.gpu.pool", "22.04.0"));
    assertEquals(
        Optional.of("ASYNC"),
        SparkSemantics.rapidsDefaultValue("spark.rapids.memory.gpu.pool", "25.02.0"));
    assertEquals(
        Optional.of("UCX"),
        SparkSemantics.rapidsDefaultValue("spark.rapids.shuffle.mode", "22.12.0"));
    // without a plugin version, the newest plugin's default; a key without version data keeps its
    // one default
    assertEquals(
        Optional.empty(),
        SparkSemantics.defaultValue("spark.rapids.sql.concurrentGpuTasks", SparkVersion.NEWEST));
    assertEquals(
        Optional.of("0"),
        SparkSemantics.rapidsDefaultValue("spark.rapids.memory.pinnedPool.size", "21.06.0"));
    assertFalse(SparkSemantics.exists("spark.rapids.sql.enabled", SparkVersion.parse("2.4.8")));
  }

  @Test
  void effective_newKeyUnset_readsTheDeprecatedNameSparkStillHonours() {
    // SparkConf.scala v4.1.3: AlternateConfig("spark.yarn.executor.memoryOverhead", "2.3")
    SparkConfig c = new SparkConfig(Map.of("spark.yarn.executor.memoryOverhead", "2048"));
    EffectiveValue e = SparkSemantics.effective("spark.executor.memoryOverhead", c, V3_5);
    assertEquals(Optional.of("2048"), e.value());
    assertEquals(EffectiveValue.Source.LOG, e.source());
    // before 2.3 the new name does not exist at all
    assertEquals(
        EffectiveValue.Source.UNSET,
        SparkSemantics.effective("spark.executor.memoryOverhead", c, V1_6).source());
  }
}
