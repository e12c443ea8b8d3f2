package io.github.dgxspark.models.recommendations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.core.ClusterManager;
import io.github.dgxspark.core.ClusterSpec;
import io.github.dgxspark.core.EffectiveValue;
import io.github.dgxspark.core.ExecutionMode;
import io.github.dgxspark.core.GpuSpec;
import io.github.dgxspark.core.NodeSpec;
import io.github.dgxspark.core.SparkConfig;
import io.github.dgxspark.core.WorkloadSpec;
import io.github.dgxspark.core.WorkloadType;
import io.github.dgxspark.models.ModelsException;
import io.github.dgxspark.models.eventlog.ApplicationProfile;
import io.github.dgxspark.models.eventlog.EventLogs;
import io.github.dgxspark.models.eventlog.RealLogs;
import io.github.dgxspark.rules.Finding;
import io.github.dgxspark.rules.RuleBook;
import io.github.dgxspark.rules.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecommenderTest {
  private static final Map<String, ApplicationProfile> PROFILES = new ConcurrentHashMap<>();
  private static final Map<String, RecommendationReport> REPORTS = new ConcurrentHashMap<>();

  /**
   * The adapter's JSON setup: Optional unwrapped, durations as ISO-8601, absent values left out.
   */
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new Jdk8Module())
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          .setDefaultPropertyInclusion(JsonInclude.Include.NON_ABSENT);

  static ApplicationProfile profile(String name) {
    return PROFILES.computeIfAbsent(name, n -> EventLogs.read(RealLogs.of(n)));
  }

  static RecommendationReport report(String name) {
    return REPORTS.computeIfAbsent(name, n -> Recommender.generateRecommendations(profile(n)));
  }

  private static Optional<Recommendation> changing(RecommendationReport r, String key) {
    return r.recommendations().stream()
        .filter(x -> x.changes().stream().anyMatch(c -> c.key().equals(key)))
        .findFirst();
  }

  private static Change change(Recommendation r, String key) {
    return r.changes().stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow();
  }

  @Test
  void gpuOomLog_poolCapAndSmallerSplits_rankedFirst() {
    RecommendationReport r = report("gpu_oom_eventlog.zstd");
    // the raw events: allocFraction 0.1, maxAllocFraction 0.15, 4 concurrent GPU tasks, 112 tasks
    // failed with GpuSplitAndRetryOOM reading up to 1,484,282,882 bytes each (stage 35)
    Recommendation pool = changing(r, "spark.rapids.memory.gpu.maxAllocFraction").orElseThrow();
    Change max = change(pool, "spark.rapids.memory.gpu.maxAllocFraction");
    assertEquals(Optional.of("0.15"), max.current());
    assertEquals(EffectiveValue.Source.LOG, max.currentSource());
    assertTrue(Double.parseDouble(max.proposed()) >= 0.5, max.proposed());
    Change alloc = change(pool, "spark.rapids.memory.gpu.allocFraction");
    assertTrue(Double.parseDouble(alloc.proposed()) <= Double.parseDouble(max.proposed()));
    assertTrue(pool.reason().contains("maxAllocFraction 0.15"), pool.reason());
    Recommendation partitions = changing(r, "spark.sql.files.maxPartitionBytes").orElseThrow();
    Change c = change(partitions, "spark.sql.files.maxPartitionBytes");
    assertEquals(Optional.of("10gb"), c.current());
    // the failing scan tasks read ~1.4 GiB each: the new split is at most half of that
    assertTrue(ByteSizes.parseBytes(c.proposed()) <= 1484282882L / 2, c.proposed());
    assertTrue(partitions.reason().contains("GPU out-of-memory"), partitions.reason());
    // with the pool capped at 15 % of the GPU, fewer GPU tasks is not the first fix
    assertTrue(changing(r, "spark.rapids.sql.concurrentGpuTasks").isEmpty());
    // settings already in effect are never proposed
    assertTrue(changing(r, "spark.rapids.sql.enabled").isEmpty());
    assertTrue(changing(r, "spark.rapids.memory.gpu.pool").isEmpty());
    // both fix a failing job: blocking, ranked before anything else
    assertTrue(pool.priority().blocking());
    assertTrue(partitions.priority().blocking());
    assertEquals(Set.of(1, 2), Set.of(partitions.priority().rank(), pool.priority().rank()));
    // the job failed, so its wall time is no baseline: the impact says unknown, never a number
    assertFalse(partitions.impact().known());
    assertTrue(partitions.impact().basis().contains("failed"), partitions.impact().basis());
    assertTrue(partitions.abTest().runsPerArm().isEmpty());
    assertFalse(partitions.abTest().detectable());
    // run-to-run variation: the published figure, named, not the 2-core harness's
    assertEquals(OptionalDouble.of(RunVariance.PUBLISHED_CV), partitions.abTest().runToRunCv());
    assertTrue(
        partitions.abTest().varianceSource().contains("Henning"),
        partitions.abTest().varianceSource());
  }

  @Test
  void fixtureLogs_impactsKnownWithIntervalsOrUnknownWithWhy() {
    int known = 0;
    for (String log :
        List.of(
            "eventlog_4nodes_8cores_dynamic_alloc.zstd",
            "spark-rapids-tools-corpus/spark-events-qualification__customshuffle_eventlog.zstd")) {
      for (Recommendation x : report(log).recommendations()) {
        if (x.impact().known()) {
          known++;
          Range t = x.impact().runTimeChange().orElseThrow();
          assertTrue(t.low() <= t.expected() && t.expected() <= t.high(), t.toString());
          assertTrue(x.impact().level() > 0, x.impact().toString());
          assertTrue(
              Set.of("replay-simulator", "bottleneck-saving", "ernest")
                  .contains(x.impact().method()),
              x.impact().method());
        } else {
          assertTrue(x.impact().basis().contains("no model"), x.impact().basis());
        }
      }
    }
    // G1 and idle executors on the first; more shuffle partitions and G1 on the second
    assertTrue(known >= 4, known + " known");
  }

  @Test
  void dynamicAllocationLog_idleExecutors_fewerExecutorsFromTheReplay() {
    Recommendation idle =
        changing(
                report("eventlog_4nodes_8cores_dynamic_alloc.zstd"),
                "spark.dynamicAllocation.maxExecutors")
            .orElseThrow();
    int max = Integer.parseInt(change(idle, "spark.dynamicAllocation.maxExecutors").proposed());
    // the log's executors peaked at 7; the replay finds fewer that stay inside its interval
    assertTrue(max >= 1 && max < 7, idle.changes().toString());
    assertTrue(idle.reason().contains("idle-executors"), idle.reason());
    assertEquals("replay-simulator", idle.impact().method());
    // fewer executors for about the same time: the cost falls
    assertTrue(idle.impact().costChange().orElseThrow().expected() < 0, idle.impact().toString());
  }

  @Test
  void failuresLog_executorLoss_moreOverheadAndShuffleService() {
    RecommendationReport r = report("tasks_executors_fail_compressed_eventlog.zstd");
    Recommendation overhead = changing(r, "spark.executor.memoryOverhead").orElseThrow();
    Change c = change(overhead, "spark.executor.memoryOverhead");
    // 10G heap on YARN: Spark derives max(10 % of the heap, 384 MiB) = 1 GiB
    assertEquals(Optional.of("1g"), c.current());
    assertEquals(EffectiveValue.Source.DEFAULT, c.currentSource());
    assertTrue(ByteSizes.parseBytes(c.proposed()) > ByteSizes.GIB, c.proposed());
    assertTrue(overhead.reason().contains("executor(s) were lost"), overhead.reason());
    Recommendation service = changing(r, "spark.shuffle.service.enabled").orElseThrow();
    assertTrue(service.reason().contains("fetch failure"), service.reason());
    assertEquals(3, service.priority().effort());
    assertTrue(service.guidance().contains("spark_shuffle"), service.guidance());
    // one job failed, so the log's wall time is no baseline: unknown, with the reason
    assertFalse(overhead.impact().known());
    assertTrue(overhead.impact().basis().contains("job(s) of the application failed"));
    assertEquals(0, overhead.priority().score());
  }

  @Test
  void dynamicAllocationLog_highGc_g1AndNoGpuPluginForCpuJob() {
    RecommendationReport r = report("eventlog_4nodes_8cores_dynamic_alloc.zstd");
    // 26.2 s of GC in 173.6 s of task time (15 %, Dr. Elephant severe)
    Recommendation gc = changing(r, "spark.executor.extraJavaOptions").orElseThrow();
    Change c = change(gc, "spark.executor.extraJavaOptions");
    assertEquals("-XX:+UseNUMA -XX:+UseG1GC", c.proposed());
    assertEquals(Severity.WARNING, gc.priority().severity());
    assertTrue(gc.impact().known());
    assertTrue(gc.priority().score() > 0);
    assertEquals(1, gc.priority().rank(), "the only recommendation with a predicted saving");
    // a CPU run with stray GPU settings does not get the RAPIDS plugin loaded
    assertTrue(changing(r, "spark.plugins").isEmpty());
    assertTrue(r.unresolved().stream().anyMatch(u -> u.startsWith("RapidsKeysWithoutPlugin")));
    // executor sizing is not touched: the real nodes are unknown
    assertTrue(changing(r, "spark.executor.memory").isEmpty());
    assertTrue(changing(r, "spark.dynamicAllocation.enabled").isEmpty());
  }

  @Test
  void gcBelowTheNoise_noCollectorChange() {
    // jdbc_eventlog: GC took 35 % of task time but 0.2 % of wall time, less than the 2.7 % that 30
    // runs per arm can tell from noise; rp_sql (Java 8, 16 % of task time, 0.8 % of wall) likewise
    for (String log :
        List.of(
            "spark-rapids-tools-corpus/spark-events-qualification__jdbc_eventlog.zstd",
            "spark-rapids-tools-corpus/spark-events-profiling__rp_sql_eventlog.zstd")) {
      assertTrue(changing(report(log), "spark.executor.extraJavaOptions").isEmpty(), log);
    }
    assertTrue(Evidence.immaterialShare() > 0.02 && Evidence.immaterialShare() < 0.03);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "gpu_oom_eventlog.zstd",
        "rapids_join_eventlog.zstd",
        "gds_ucx_eventlog.zstd",
        "eventlog_4nodes_8cores_dynamic_alloc.zstd",
        "tasks_executors_fail_compressed_eventlog.zstd",
        "spark2-eventlog.zstd",
        "db_sim_eventlog",
        "dr-elephant_event_log_1"
      })
  void everyLog_setInvariants_hold(String log) {
    RecommendationReport r = report(log);
    // no key set twice across recommendations
    Set<String> keys = new HashSet<>();
    for (Recommendation x : r.recommendations()) {
      for (Change c : x.changes()) {
        assertTrue(keys.add(c.key()), "key set twice: " + c.key());
        if (r.current().get(c.key()).isPresent()) {
          assertEquals(r.current().get(c.key()), c.current());
          assertEquals(EffectiveValue.Source.LOG, c.currentSource());
        } else {
          assertTrue(c.currentSource() != EffectiveValue.Source.LOG, c.toString());
        }
        assertEquals(Optional.of(c.proposed()), r.proposed().get(c.key()));
      }
      assertFalse(x.guidance().isBlank());
      assertTrue(x.guidance().contains("--conf " + x.changes().get(0).key()), x.guidance());
      assertFalse(x.abTest().metric().isBlank());
    }
    // ranks 1..n in order
    for (int i = 0; i < r.recommendations().size(); i++) {
      assertEquals(i + 1, r.recommendations().get(i).priority().rank());
    }
    assertEquals(Recommender.rankRecommendations(r.recommendations()), r.recommendations());
    // applying all leaves no error or warning, except the ones listed as unresolved (with why)
    List<Finding> left =
        RuleBook.builtIn().validate(r.proposed(), Optional.empty()).findings().stream()
            .filter(f -> f.severity() != Severity.INFO)
            .toList();
    for (Finding f : left) {
      assertTrue(
          r.unresolved().stream().anyMatch(u -> u.startsWith(f.ruleId() + " ")),
          "not fixed and not listed: " + f.ruleId() + " " + f.message());
    }
    r.unresolved().forEach(u -> assertTrue(u.contains("Not changed: "), u));
    assertFalse(r.assumptions().isEmpty(), "derived hardware is always stated");
  }

  @Test
  void sameInput_sameOutput() {
    ApplicationProfile p = profile("tasks_executors_fail_compressed_eventlog.zstd");
    assertEquals(Recommender.generateRecommendations(p), Recommender.generateRecommendations(p));
  }

  @Test
  void rankRecommendations_anyOrder_sameRanking() {
    List<Recommendation> ranked = report("gpu_oom_eventlog.zstd").recommendations();
    List<Recommendation> shuffled = new ArrayList<>(ranked);
    Collections.reverse(shuffled);
    assertEquals(ranked, Recommender.rankRecommendations(shuffled));
    Collections.shuffle(shuffled, new java.util.Random(7));
    assertEquals(ranked, Recommender.rankRecommendations(shuffled));
  }

  @Test
  void json_recommendation_hasExactlyTheContractNames() {
    JsonNode tree = JSON.valueToTree(report("gpu_oom_eventlog.zstd").recommendations());
    Set<String> contract =
        Set.of("title", "changes", "reason", "source", "impact", "priority", "guidance", "abTest");
    for (JsonNode rec : tree) {
      Set<String> names = new HashSet<>();
      rec.fieldNames().forEachRemaining(names::add);
      assertEquals(contract, names);
      for (JsonNode c : rec.get("changes")) {
        Set<String> cn = new HashSet<>();
        Iterator<String> it = c.fieldNames();
        it.forEachRemaining(cn::add);
        assertEquals(Set.of("key", "current", "currentSource", "proposed"), cn);
      }
    }
    JsonNode first = tree.get(0);
    assertTrue(first.get("impact").has("known"));
    assertTrue(first.get("abTest").has("stopRule"));
    assertTrue(first.get("abTest").has("detectable"));
    // a key neither set nor defaulted serialises as "current": null
    boolean sawNull = false;
    for (Recommendation rec :
        report("spark-rapids-tools-corpus/spark-events-qualification__dsAndDf_eventlog.zstd")
            .recommendations()) {
      for (JsonNode c : JSON.valueToTree(rec).get("changes")) {
        sawNull |= c.get("current").isNull();
      }
    }
    assertTrue(sawNull);
  }

  private static ClusterSpec dgxH100(int nodes) {
    List<GpuSpec> gpus =
        Collections.nCopies(8, new GpuSpec("NVIDIA H100 80GB HBM3", 80 * ByteSizes.GIB, "9.0", 18));
    NodeSpec node =
        new NodeSpec(
            "Intel Xeon Platinum 8480C",
            224,
            112,
            2,
            2,
            2048 * ByteSizes.GIB,
            gpus,
            false,
            0,
            List.of());
    return ClusterSpec.of(node, nodes, ClusterManager.STANDALONE);
  }

  @Test
  void configOnHardware_emptyConfig_optimizerSizesAndAppliedSetValidatesClean() {
    ClusterSpec cluster = dgxH100(2);
    WorkloadSpec w = WorkloadSpec.of(WorkloadType.ETL, 2 * ByteSizes.TIB, ExecutionMode.GPU);
    RecommendationReport r = Recommender.generateRecommendations(SparkConfig.empty(), cluster, w);
    Recommendation layout = changing(r, "spark.executor.instances").orElseThrow();
    assertEquals("16", change(layout, "spark.executor.instances").proposed());
    assertTrue(
        RuleBook.builtIn().validate(r.proposed(), Optional.of(cluster)).isClean(),
        RuleBook.builtIn().validate(r.proposed(), Optional.of(cluster)).findings().toString());
    assertTrue(r.unresolved().isEmpty(), r.unresolved().toString());
    // no log: only the layout change has a model (Ernest on the history's etl runs); the rest
    // are unknown, never a made-up number
    for (Recommendation x : r.recommendations()) {
      boolean executors =
          x.changes().stream()
              .anyMatch(
                  c ->
                      c.key().equals("spark.executor.instances")
                          || c.key().equals("spark.executor.cores"));
      assertEquals(executors, x.impact().known(), x.title() + ": " + x.impact().basis());
      if (executors) {
        assertEquals("ernest", x.impact().method());
        assertTrue(x.impact().basis().contains("Ernest"), x.impact().basis());
      } else {
        assertEquals(0, x.priority().score());
      }
    }
  }

  @Test
  void configOnHardware_ruleAndOptimizerOnOneKey_oneValueKept() {
    ClusterSpec cluster = dgxH100(1);
    WorkloadSpec w =
        WorkloadSpec.of(WorkloadType.SQL_ANALYTICS, 100 * ByteSizes.GIB, ExecutionMode.CPU);
    // rule JavaSerializer and the optimizer both set spark.serializer; rule TooFewShufflePartitions
    // and the optimizer both set spark.sql.shuffle.partitions (the optimizer's value clears it)
    SparkConfig config =
        SparkConfig.parseDefaults(
            "spark.serializer org.apache.spark.serializer.JavaSerializer\n"
                + "spark.sql.shuffle.partitions 8\n");
    RecommendationReport r = Recommender.generateRecommendations(config, cluster, w);
    Map<String, String> seen = new HashMap<>();
    for (Recommendation x : r.recommendations()) {
      for (Change c : x.changes()) {
        assertTrue(seen.put(c.key(), c.proposed()) == null, c.key());
      }
    }
    assertEquals("org.apache.spark.serializer.KryoSerializer", seen.get("spark.serializer"));
    String optimizer =
        io.github.dgxspark.core.SparkConfigOptimizer.optimize(cluster, w)
            .config()
            .get("spark.sql.shuffle.partitions")
            .orElseThrow();
    assertEquals(optimizer, seen.get("spark.sql.shuffle.partitions"));
    assertTrue(RuleBook.builtIn().validate(r.proposed(), Optional.of(cluster)).isClean());
  }

  @Test
  void gpuOomLogOnDgx_targetPlanSizedFromTheLog_recommendationsUnchanged() {
    ClusterSpec cluster = dgxH100(2);
    ApplicationProfile p = profile("gpu_oom_eventlog.zstd");
    RecommendationReport r = Recommender.generateRecommendations(p, cluster);
    // a target adds a plan; the recommendations stay the log's evidence-backed fixes
    assertEquals(
        report("gpu_oom_eventlog.zstd").recommendations().stream().map(x -> x.changes()).toList(),
        r.recommendations().stream().map(x -> x.changes()).toList());
    assertTrue(report("gpu_oom_eventlog.zstd").target().isEmpty());
    TargetPlan plan = r.target().orElseThrow();
    Map<String, TargetPlan.PlannedValue> v = new HashMap<>();
    plan.values().forEach(x -> v.put(x.key(), x));
    // the optimizer gives 4 concurrent tasks on an 80 GB H100; the log failed with 4: at most 2
    TargetPlan.PlannedValue tasks = v.get("spark.rapids.sql.concurrentGpuTasks");
    assertTrue(Integer.parseInt(tasks.value()) <= 2, tasks.toString());
    assertTrue(tasks.measured());
    assertTrue(tasks.basis().contains("112 task(s) failed"), tasks.basis());
    // scan stages failed reading 1.4 GiB per task: the split is at most half of that
    TargetPlan.PlannedValue split = v.get("spark.sql.files.maxPartitionBytes");
    assertTrue(ByteSizes.parseBytes(split.value()) <= 1484282882L / 2, split.toString());
    assertTrue(split.measured());
    // shuffle partitions from the largest measured shuffle, in whole waves of 16 GPU slots
    TargetPlan.PlannedValue shuffle = v.get("spark.sql.shuffle.partitions");
    assertTrue(shuffle.measured(), shuffle.toString());
    assertTrue(shuffle.basis().contains("wrote"), shuffle.basis());
    assertEquals(0, Integer.parseInt(shuffle.value()) % 16, shuffle.value());
    // the standalone target does not enforce a memory overhead: none is planned
    assertFalse(v.containsKey("spark.executor.memoryOverhead"), plan.notes().toString());
    // the plan is for the log's Spark 3.3.1: its RAPIDS shuffle manager shim
    assertEquals(
        "com.nvidia.spark.rapids.spark331.RapidsShuffleManager",
        v.get("spark.shuffle.manager").value());
    // a Spark 3.1.1 GPU log: the newest plugin does not support 3.1.1, so no plan, with why; the
    // log's own findings still come back
    RecommendationReport old =
        Recommender.generateRecommendations(profile("gds_ucx_eventlog.zstd"), cluster);
    assertTrue(old.target().isEmpty());
    assertTrue(
        old.assumptions().stream()
            .anyMatch(a -> a.startsWith("target: no plan") && a.contains("3.1.1")),
        old.assumptions().toString());
    assertFalse(old.diagnoses().isEmpty());
    assertTrue(r.assumptions().stream().anyMatch(a -> a.startsWith("target:")));
  }

  @Test
  void badInput_noTaskNoExecutor_modelsExceptionNamesIt() {
    ApplicationProfile p = profile("spark2-eventlog.zstd");
    ApplicationProfile empty =
        new ApplicationProfile(
            p.applicationId(),
            p.attemptId(),
            p.applicationName(),
            p.sparkVersion(),
            p.javaVersion(),
            p.user(),
            p.startTime(),
            p.endTime(),
            p.duration(),
            p.master(),
            p.clusterManager(),
            p.sparkProperties(),
            p.complete(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            p.failures(),
            new ApplicationProfile.Totals(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
            p.streaming(),
            p.parseStats());
    ModelsException e =
        assertThrows(ModelsException.class, () -> Recommender.generateRecommendations(empty));
    assertTrue(e.getMessage().contains("no executor and no task"), e.getMessage());
  }

  @Test
  void badInput_gpuWorkloadWithoutGpus_modelsException() {
    ClusterSpec cpu =
        ClusterSpec.single(NodeSpec.cpuOnly(32, 128 * ByteSizes.GIB), ClusterManager.STANDALONE);
    WorkloadSpec w = WorkloadSpec.of(WorkloadType.ETL, ByteSizes.TIB, ExecutionMode.GPU);
    ModelsException e =
        assertThrows(
            ModelsException.class,
            () -> Recommender.generateRecommendations(SparkConfig.empty(), cpu, w));
    assertTrue(e.getMessage().startsWith("the optimizer cannot size"), e.getMessage());
  }

  @Test
  void estimateImpact_noChanges_modelsException() {
    ModelsException e =
        assertThrows(
            ModelsException.class,
            () -> Recommender.estimateImpact(List.of(), profile("spark2-eventlog.zstd")));
    assertTrue(e.getMessage().contains("at least one config change"));
  }

  @Test
  void estimateImpact_unmodelledKey_unknownWithReason() {
    Impact i =
        Recommender.estimateImpact(
            List.of(new Change("spark.rapids.memory.gpu.pool", Optional.empty(), "ASYNC")),
            profile("rapids_join_eventlog.zstd"));
    assertFalse(i.known());
    assertTrue(i.basis().contains("spark.rapids.memory.gpu.pool"), i.basis());
  }

  @Test
  void estimateImpact_serializerWithoutMeasuredSaving_unknownWithTheStageBound() {
    ApplicationProfile p = profile("rapids_join_eventlog.zstd");
    Impact i =
        Recommender.estimateImpact(
            List.of(
                new Change(
                    "spark.serializer",
                    Optional.empty(),
                    "org.apache.spark.serializer.KryoSerializer")),
            p);
    // no bottleneck the serializer acts on was measured: no number, but the bound is named
    assertFalse(i.known(), i.basis());
    assertTrue(i.basis().contains("shuffle stage(s) these settings act on ran"), i.basis());
  }

  @Test
  void estimateImpact_moreExecutorsOnDriverBoundLog_replaySaysNoFasterButCostlier() {
    ApplicationProfile p = profile("eventlog_4nodes_8cores_dynamic_alloc.zstd");
    Impact i =
        Recommender.estimateImpact(
            List.of(new Change("spark.executor.instances", Optional.of("7"), "14")), p);
    assertTrue(i.known(), i.basis());
    assertEquals("replay-simulator", i.method());
    // the log is driver-bound (79 % of wall time with no task): twice the executors barely help,
    // and twice the cores held cost about twice as much
    assertTrue(i.runTimeChange().orElseThrow().expected() <= 0, i.toString());
    assertTrue(i.runTimeChange().orElseThrow().expected() > -0.2, i.toString());
    assertTrue(i.costChange().orElseThrow().expected() > 0.5, i.toString());
    assertEquals(
        i,
        Recommender.estimateImpact(
            List.of(new Change("spark.executor.instances", Optional.of("7"), "14")), p));
  }

  @Test
  void change_proposingCurrentValue_isRejected() {
    ModelsException e =
        assertThrows(
            ModelsException.class,
            () -> new Change("spark.sql.shuffle.partitions", Optional.of("200"), "200"));
    assertTrue(e.getMessage().contains("proposes its current value"));
  }
}
