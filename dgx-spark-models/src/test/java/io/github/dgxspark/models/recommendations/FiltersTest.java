package io.github.dgxspark.models.recommendations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dgxspark.core.SparkConfig;
import io.github.dgxspark.models.eventlog.ApplicationProfile;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each filter on a real event log whose raw events show the case. */
class FiltersTest {
  private static final String KRYO = "org.apache.spark.serializer.KryoSerializer";

  private static Filters filters(String log) {
    ApplicationProfile p = RecommenderTest.profile(log);
    return Filters.of(p, ProfileInputs.tuningProperties(p.sparkProperties()));
  }

  private static String rejected(Filters f, String key, String value) {
    Optional<String> why = f.rejection(key, value);
    assertTrue(why.isPresent(), key + "=" + value + " passed");
    return why.get();
  }

  @Test
  void noOp_logValue_rejected() {
    // gpu_oom's environment sets spark.rapids.sql.concurrentGpuTasks=4 and AQE on
    Filters f = filters("gpu_oom_eventlog.zstd");
    assertTrue(rejected(f, "spark.rapids.sql.concurrentGpuTasks", "4").contains("the log's value"));
    assertTrue(rejected(f, "spark.sql.adaptive.enabled", "TRUE").contains("already true"));
    assertTrue(f.rejection("spark.rapids.sql.concurrentGpuTasks", "2").isEmpty());
  }

  @Test
  void noOp_versionDefault_rejected() {
    // Spark 3.2.1 turned AQE on by default; the log does not set it
    Filters f = filters("eventlog_4nodes_8cores_dynamic_alloc.zstd");
    assertTrue(rejected(f, "spark.sql.adaptive.enabled", "true").contains("Spark 3.2.1's default"));
    // 48m is spark.reducer.maxSizeInFlight's default in every version: a no-op as a size
    assertTrue(rejected(f, "spark.reducer.maxSizeInFlight", "48m").contains("default"));
  }

  @Test
  void applicability_keyMissingFromTheAppsVersion_rejected() {
    // spark2-eventlog was written by Spark 2.2.3: AQE's coalescing and skew keys came in 3.0
    Filters f = filters("spark2-eventlog.zstd");
    assertTrue(
        rejected(f, "spark.sql.adaptive.coalescePartitions.enabled", "true")
            .contains("does not exist in Spark 2.2.3"));
    assertTrue(rejected(f, "spark.sql.adaptive.skewJoin.enabled", "true").contains("2.2.3"));
  }

  @Test
  void applicability_memoryOverheadOnStandaloneOrLocal_rejected() {
    // gpu_oom ran on spark://...:7077, rapids_join on local[*], tasks_executors_fail on yarn
    assertTrue(
        rejected(filters("gpu_oom_eventlog.zstd"), "spark.executor.memoryOverhead", "42599m")
            .contains("does not enforce it"));
    assertTrue(
        rejected(filters("rapids_join_eventlog.zstd"), "spark.executor.memoryOverhead", "4g")
            .contains("local[*]"));
    assertTrue(
        filters("tasks_executors_fail_compressed_eventlog.zstd")
            .rejection("spark.executor.memoryOverhead", "2g")
            .isEmpty());
  }

  @Test
  void applicability_arrowWithoutPandas_rejected() {
    // python_udf_eventlog runs a row-at-a-time Python UDF (BatchEvalPython), not a pandas UDF
    ApplicationProfile p =
        RecommenderTest.profile(
            "spark-rapids-tools-corpus/spark-events-qualification__python_udf_eventlog");
    assertTrue(p.operatorNames().contains("BatchEvalPython"), p.operatorNames().toString());
    Filters f = Filters.of(p, ProfileInputs.tuningProperties(p.sparkProperties()));
    assertFalse(f.arrow());
    assertTrue(
        rejected(f, "spark.sql.execution.arrow.pyspark.enabled", "true")
            .contains("no pandas or Arrow operator"));
  }

  @Test
  void applicability_featureNotUsed_rejected() {
    // a CPU run: no Gpu operator; dr-elephant's Spark 1.5 app ran no SQL; photon shuffled nothing
    assertTrue(
        rejected(
                filters("eventlog_4nodes_8cores_dynamic_alloc.zstd"),
                "spark.rapids.memory.gpu.pool",
                "ASYNC")
            .contains("no operator ran on the GPU"));
    assertTrue(
        rejected(filters("dr-elephant_event_log_1"), "spark.sql.shuffle.partitions", "1800")
            .contains("no SQL execution"));
    assertTrue(
        rejected(
                filters("spark-rapids-tools-corpus/event_logs__photon_eventlog.zstd"),
                "spark.reducer.maxSizeInFlight",
                "96m")
            .contains("shuffled no bytes"));
  }

  @Test
  void physics_maxPartitionBytesAboveEverySplit_rejected() {
    // gpu_oom's scan tasks read at most 1,484,282,882 bytes (stage 35) under maxPartitionBytes
    // 10gb: 2g would cut no split, 707m cuts the three stages whose tasks read more
    Filters f = filters("gpu_oom_eventlog.zstd");
    assertTrue(
        rejected(f, "spark.sql.files.maxPartitionBytes", "2g").contains("would change no scan"));
    assertTrue(f.rejection("spark.sql.files.maxPartitionBytes", "707m").isEmpty());
    assertFalse(f.scanStagesCut(707L << 20).isEmpty());
    for (ApplicationProfile.Stage s : f.scanStagesCut(707L << 20)) {
      assertTrue(s.inputBytes().max() > 707L << 20, s.name());
    }
    // the EMR log's largest scan (stage 3) read 250.9 MiB in 30 tasks, at most 57.1 MiB each,
    // under the default 128 MiB: Spark split by bytes per slot, so 512m or 128m changes nothing
    Filters emr =
        filters(
            "spark-rapids-tools-corpus/"
                + "spark-events-qualification__multiple_attempts__attempt_1_eventlog.zstd");
    assertTrue(
        rejected(emr, "spark.sql.files.maxPartitionBytes", "512m").contains("would change no"));
    assertTrue(
        rejected(emr, "spark.sql.files.maxPartitionBytes", "128m").contains("changes nothing"));
    assertTrue(emr.scanStagesCut(512L << 20).isEmpty());
  }

  @Test
  void consistency_rapidsShuffleModeWithoutItsManager_rejected() {
    // rapids_join (Spark 3.0.1) loads no RAPIDS shuffle manager; gpu_oom (3.3.1) loads spark331's
    assertTrue(
        rejected(filters("rapids_join_eventlog.zstd"), "spark.rapids.shuffle.mode", "UCX")
            .contains("RAPIDS shuffle manager"));
    Filters oom = filters("gpu_oom_eventlog.zstd");
    assertTrue(oom.rapidsShuffleManagerActive());
    assertTrue(oom.rejection("spark.rapids.shuffle.mode", "UCX").isEmpty());
    // gds_ucx (Spark 3.1.1) loads com.nvidia.spark.rapids.spark311.RapidsShuffleManager
    assertTrue(filters("gds_ucx_eventlog.zstd").rapidsShuffleManagerActive());
  }

  @Test
  void rapidsVersion_fromThePluginJarOnTheClassPath() {
    // gpu_oom's spark.executor.extraClassPath names rapids-4-spark_2.12-25.02.0-cuda11.jar
    assertEquals(Optional.of("25.02.0"), filters("gpu_oom_eventlog.zstd").rapidsVersion());
    assertEquals(
        Optional.empty(), filters("eventlog_4nodes_8cores_dynamic_alloc.zstd").rapidsVersion());
  }

  @Test
  void consistency_kryoOnRapids_gpuKryoRegistratorAppended() {
    ApplicationProfile p = RecommenderTest.profile("gds_ucx_eventlog.zstd");
    SparkConfig config = ProfileInputs.tuningProperties(p.sparkProperties());
    Map<String, String> done = Filters.of(p, config).completed(Map.of("spark.serializer", KRYO));
    assertEquals(Filters.GPU_KRYO_REGISTRATOR, done.get("spark.kryo.registrator"));
    // an existing registrator is kept, the plugin's appended
    Map<String, String> kept =
        Filters.of(p, config.with("spark.kryo.registrator", "com.example.MyRegistrator"))
            .completed(Map.of("spark.serializer", KRYO));
    assertEquals(
        "com.example.MyRegistrator," + Filters.GPU_KRYO_REGISTRATOR,
        kept.get("spark.kryo.registrator"));
    // a CPU application gets no RAPIDS registrator
    ApplicationProfile cpu = RecommenderTest.profile("eventlog_4nodes_8cores_dynamic_alloc.zstd");
    assertFalse(
        Filters.of(cpu, ProfileInputs.tuningProperties(cpu.sparkProperties()))
            .completed(Map.of("spark.serializer", KRYO))
            .containsKey("spark.kryo.registrator"));
  }
}
