package io.github.dgxspark.models.eventlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dgxspark.core.ClusterManager;
import io.github.dgxspark.models.ModelsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reads every real event log of {@link RealLogs} (attribution in the README.txt files beside them)
 * and checks the profile against {@link IndependentCount}, a separate whole-tree count of the same
 * decompressed lines; plus facts from the README and hand-made bad inputs.
 */
class EventLogsTest {
  static Stream<Path> everyFixture() {
    return RealLogs.all().stream();
  }

  @Test
  void realLogs_areExactlyTheLogsTheReadmesAttribute() throws IOException {
    // top-level README: "<n>. <name>" opens each entry (a rolling folder as "<folder>/<file>")
    Set<String> topLevelListed =
        Files.readAllLines(RealLogs.DIR.resolve("README.txt")).stream()
            .filter(l -> l.matches("\\d+\\. \\S.*"))
            .map(l -> l.split(" ")[1].split("/")[0])
            .collect(Collectors.toSet());
    // corpus README: "<sha256>  <repository path> -> <name>" per log
    Set<String> corpusListed =
        Files.readAllLines(RealLogs.CORPUS.resolve("README.txt")).stream()
            .filter(l -> l.contains(" -> "))
            .map(l -> l.substring(l.indexOf(" -> ") + 4).strip())
            .collect(Collectors.toSet());

    assertEquals(topLevelListed, names(RealLogs.topLevel()));
    assertEquals(corpusListed, names(RealLogs.corpus()));
    assertEquals(RealLogs.topLevel().size() + RealLogs.corpus().size(), RealLogs.all().size());
  }

  private static Set<String> names(List<Path> logs) {
    return logs.stream().map(p -> p.getFileName().toString()).collect(Collectors.toSet());
  }

  @ParameterizedTest
  @MethodSource("everyFixture")
  void read_everyRealLog_totalsMatchIndependentCount(Path log) {
    ApplicationProfile p = EventLogs.read(log);
    IndependentCount c = IndependentCount.of(log);

    assertEquals(c.totals(), p.totals());
    assertEquals(c.stageAttempts.size(), p.stages().size(), "stage attempts");
    assertEquals(c.applicationEnd, p.complete());
    assertEquals(c.garbageLines, p.parseStats().garbageLines(), "unreadable lines");
    assertEquals(Optional.ofNullable(c.applicationId), p.applicationId());
    assertEquals(Optional.ofNullable(c.sparkVersion), p.sparkVersion());
    // per-stage sums add up to the totals
    assertEquals(
        p.totals().executorRunTimeMs(),
        p.stages().stream().mapToLong(s -> s.runTimeMs().sum()).sum());
    assertEquals(
        p.totals().tasks(), p.stages().stream().mapToInt(ApplicationProfile.Stage::tasks).sum());
    for (ApplicationProfile.Stage s : p.stages()) {
      ApplicationProfile.Distribution d = s.runTimeMs();
      assertTrue(d.min() <= d.median() && d.median() <= d.p95() && d.p95() <= d.max(), s.name());
      assertEquals(
          Math.min(d.count(), ApplicationProfile.Stage.RUN_TIME_SAMPLE_LIMIT),
          s.runTimeSampleMs().size());
      assertTrue(s.skewRatio() >= 1.0 || d.max() == 0, "skew " + s.skewRatio());
    }
    // GPU operators: the profile's final plans use only operators the plans name
    Set<String> gpuFirstWords =
        p.gpuOperatorNames().stream().map(n -> n.split(" ")[0]).collect(Collectors.toSet());
    assertTrue(c.gpuOperators.containsAll(gpuFirstWords), gpuFirstWords + " vs " + c.gpuOperators);
    assertEquals(c.gpuOperators.isEmpty(), gpuFirstWords.isEmpty());
  }

  static Stream<Path> realSpark413Logs() throws IOException {
    Path dir = Path.of("src/test/resources/io/github/dgxspark/models/eventlog/spark-4.1.3");
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> logs =
          s.filter(p -> !p.getFileName().toString().endsWith(".md")).sorted().toList();
      assertEquals(4, logs.size(), "rolling folder, lz4, snappy, zstd");
      return logs.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("realSpark413Logs")
  void read_realSpark413LogInEveryCodec_matchesIndependentCount(Path log) {
    ApplicationProfile p = EventLogs.read(log);
    IndependentCount c = IndependentCount.of(log);

    assertEquals("4.1.3", p.sparkVersion().orElseThrow());
    assertEquals(c.totals(), p.totals());
    assertEquals(c.stageAttempts.size(), p.stages().size());
    assertTrue(p.complete());
    assertEquals(0, p.parseStats().garbageLines());
    assertEquals(0, p.parseStats().unknownEvents(), p.parseStats().unknownEventTypes().toString());
    assertTrue(p.operatorNames().contains("HashAggregate"), p.operatorNames().toString());
    assertEquals(ClusterManager.LOCAL, p.clusterManager().orElseThrow());
  }

  @Test
  void read_dbSimFolder_isOneCompleteApplication() {
    Path folder = RealLogs.of("db_sim_eventlog");
    ApplicationProfile whole = EventLogs.read(folder);
    ApplicationProfile first = EventLogs.read(folder.resolve("eventlog-2021-06-15--15-00.gz"));

    assertEquals(first.applicationId(), whole.applicationId());
    assertFalse(first.complete(), "the .gz chunk has no application end");
    assertTrue(whole.complete(), "the plain chunk ends the application");
    assertTrue(whole.endTime().isPresent() && whole.duration().isPresent());
    assertEquals(2, whole.parseStats().files().size());
    assertTrue(whole.parseStats().files().get(1).endsWith("eventlog"), "bare eventlog is last");
    assertTrue(whole.totals().tasks() > first.totals().tasks());
    assertEquals(1, whole.jobs().size());
    assertEquals(whole.jobs().get(0).completed().isPresent(), true);
  }

  @Test
  void read_spark15Log_parsesOldSchema() {
    ApplicationProfile p = EventLogs.read(RealLogs.of("dr-elephant_event_log_1"));

    assertEquals("1.5.1", p.sparkVersion().orElseThrow());
    assertEquals(10, p.totals().tasks());
    assertEquals(0, p.totals().executorCpuTimeNs(), "Spark 1.5 has no CPU time");
    assertEquals(2, p.executors().size());
    assertEquals(2, p.executors().get(0).totalCores());
  }

  @Test
  void read_spark22Log_parsesLegacyFormat() {
    ApplicationProfile p = EventLogs.read(RealLogs.of("spark2-eventlog.zstd"));

    assertEquals("2.2.3", p.sparkVersion().orElseThrow());
    assertEquals(ClusterManager.LOCAL, p.clusterManager().orElseThrow());
    assertEquals(4, p.sqlExecutions().size());
    assertTrue(p.complete());
  }

  @Test
  void read_failuresLog_reportsExecutorLossFetchFailuresAndFailedTasks() {
    ApplicationProfile p =
        EventLogs.read(RealLogs.of("tasks_executors_fail_compressed_eventlog.zstd"));
    ApplicationProfile.Failures f = p.failures();

    assertEquals(ClusterManager.YARN, p.clusterManager().orElseThrow());
    assertEquals(
        List.of("2", "1"),
        f.executorsLost().stream().map(ApplicationProfile.ExecutorLoss::executorId).toList());
    assertEquals("Executor Process Lost", f.executorsLost().get(0).reason());
    assertEquals(2, f.fetchFailures());
    assertEquals(1, f.executorLostTasks());
    assertEquals(50, f.taskFailureReasons().get("Resubmitted"));
    assertEquals(p.totals().failedTasks(), f.failedTasks());
    assertTrue(f.failedStages() >= 1);
    assertEquals(8, p.executors().size());
    assertEquals(2, p.executors().stream().filter(e -> e.removed().isPresent()).count());
  }

  @Test
  void read_gpuOomLog_reportsGpuOutOfMemoryAndGpuOperators() {
    ApplicationProfile p = EventLogs.read(RealLogs.of("gpu_oom_eventlog.zstd"));

    assertEquals(112, p.failures().gpuOutOfMemoryTasks(), "README: 112 failed tasks, GPU OOM");
    assertEquals(
        112,
        p.failures()
            .taskFailureReasons()
            .get("ExceptionFailure: com.nvidia.spark.rapids.jni.GpuSplitAndRetryOOM"));
    assertTrue(p.gpuOperatorNames().contains("GpuProject"), p.gpuOperatorNames().toString());
    assertEquals(ClusterManager.STANDALONE, p.clusterManager().orElseThrow());
    assertTrue(p.executors().stream().allMatch(e -> e.gpuCount() == 1));
    assertEquals(0.0625, p.resourceProfiles().get(0).taskGpus().orElseThrow());
    assertEquals(
        Set.of("com.nvidia.spark.rapids.SparkRapidsBuildInfoEvent"),
        p.parseStats().unknownEventTypes().keySet());
    assertEquals(1, p.parseStats().unknownEvents());
  }

  @Test
  void read_rapidsJoinLog_reportsGpuJoinAndAggregate() {
    ApplicationProfile p = EventLogs.read(RealLogs.of("rapids_join_eventlog.zstd"));

    assertTrue(
        p.gpuOperatorNames()
            .containsAll(List.of("GpuHashAggregate", "GpuShuffledHashJoin", "GpuProject")),
        p.gpuOperatorNames().toString());
    assertEquals(213, p.totals().tasks());
  }

  @Test
  void read_dynamicAllocationLog_timelineFollowsExecutorsWithoutLosses() {
    ApplicationProfile p = EventLogs.read(RealLogs.of("eventlog_4nodes_8cores_dynamic_alloc.zstd"));

    assertEquals(15, p.executors().size());
    assertEquals(15 + 14, p.executorTimeline().size());
    assertEquals(1, p.executorTimeline().get(p.executorTimeline().size() - 1).executors());
    assertTrue(p.failures().executorsLost().isEmpty(), "killed by driver is not a loss");
    assertTrue(p.gpuOperatorNames().isEmpty(), "GPU config on a CPU run");
    assertEquals("1", p.sparkProperties().get("spark.executor.resource.gpu.amount").orElseThrow());
    List<ApplicationProfile.ExecutorCount> t = p.executorTimeline();
    for (int i = 1; i < t.size(); i++) {
      assertFalse(t.get(i).time().isBefore(t.get(i - 1).time()));
    }
  }

  @Test
  void read_progressListener_seesAllBytes() {
    Path log = RealLogs.of("tasks_executors_fail_compressed_eventlog.zstd");
    List<long[]> calls = new ArrayList<>();
    EventLogs.read(log, (read, total) -> calls.add(new long[] {read, total}));

    long size = log.toFile().length();
    long[] last = calls.get(calls.size() - 1);
    assertEquals(size, last[0]);
    assertEquals(size, last[1]);
  }

  @Test
  void read_emptyFile_failsNamingTheFile(@TempDir Path dir) throws IOException {
    Path empty = Files.createFile(dir.resolve("app-1"));

    ModelsException e = assertThrows(ModelsException.class, () -> EventLogs.read(empty));
    assertTrue(e.getMessage().contains(empty.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("empty"), e.getMessage());
  }

  @Test
  void read_notJson_failsNamingTheFile(@TempDir Path dir) throws IOException {
    Path text = Files.writeString(dir.resolve("notes.txt"), "hello\nworld\n");

    ModelsException e = assertThrows(ModelsException.class, () -> EventLogs.read(text));
    assertTrue(e.getMessage().contains(text.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("not a Spark event log"), e.getMessage());
  }

  @Test
  void read_jsonWithoutEvents_failsAsNotAnEventLog(@TempDir Path dir) throws IOException {
    Path json = Files.writeString(dir.resolve("data.json"), "{\"a\":1}\n{\"b\":2}\n");

    ModelsException e = assertThrows(ModelsException.class, () -> EventLogs.read(json));
    assertTrue(e.getMessage().contains("not a Spark event log"), e.getMessage());
  }

  @Test
  void read_missingPath_failsNamingIt(@TempDir Path dir) {
    Path missing = dir.resolve("nope");

    ModelsException e = assertThrows(ModelsException.class, () -> EventLogs.read(missing));
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
  }

  @Test
  void read_truncatedLastLine_isSkippedAndCounted(@TempDir Path dir) throws IOException {
    List<String> lines = IndependentCount.lines(RealLogs.of("rapids_join_eventlog.zstd"));
    String whole = String.join("\n", lines) + "\n";
    // cut the log in the middle of its last task end
    int lastTaskEnd = whole.lastIndexOf("{\"Event\":\"SparkListenerTaskEnd\"");
    Path cut = Files.writeString(dir.resolve("cut"), whole.substring(0, lastTaskEnd + 200));
    Path upToCut = Files.writeString(dir.resolve("upToCut"), whole.substring(0, lastTaskEnd));

    ApplicationProfile p = EventLogs.read(cut);
    assertEquals(1, p.parseStats().garbageLines());
    assertTrue(
        p.parseStats().garbageExamples().get(0).startsWith("cut:"),
        p.parseStats().garbageExamples().toString());
    assertFalse(p.complete());
    assertEquals(IndependentCount.of(upToCut).totals(), p.totals());
  }

  @Test
  void read_garbageAndUnknownLines_areCountedAndIgnored(@TempDir Path dir) throws IOException {
    List<String> lines =
        new ArrayList<>(IndependentCount.lines(RealLogs.of("spark2-eventlog.zstd")));
    lines.add(3, "this is not json");
    lines.add(5, "{\"Event\":\"com.example.MyEvent\",\"x\":[1,2]}");
    lines.add(7, "[1,2,3]");
    lines.add(9, "");
    Path log = Files.write(dir.resolve("mixed"), lines, StandardCharsets.UTF_8);

    ApplicationProfile p = EventLogs.read(log);
    ApplicationProfile clean = EventLogs.read(RealLogs.of("spark2-eventlog.zstd"));
    assertEquals(2, p.parseStats().garbageLines());
    assertEquals(1, p.parseStats().unknownEvents());
    assertEquals(1, p.parseStats().unknownEventTypes().get("com.example.MyEvent"));
    assertEquals(clean.totals(), p.totals());
  }

  @Test
  void read_fieldsOutOfSparkOrder_areStillRead(@TempDir Path dir) throws IOException {
    String line =
        "{\"Stage ID\":3,\"Task Metrics\":{\"Executor Run Time\":42,\"Input Metrics\":{\"Bytes Read\":7}},"
            + "\"Task End Reason\":{\"Reason\":\"Success\"},\"Event\":\"SparkListenerTaskEnd\"}";
    Path log = Files.writeString(dir.resolve("reordered"), line + "\n");

    ApplicationProfile p = EventLogs.read(log);
    assertEquals(1, p.totals().tasks());
    assertEquals(42, p.totals().executorRunTimeMs());
    assertEquals(7, p.totals().inputBytes());
    assertEquals(3, p.stages().get(0).id());
  }

  @Test
  void read_folderWithTwoApplications_fails(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("a"),
        "{\"Event\":\"SparkListenerApplicationStart\",\"App ID\":\"app-1\",\"Timestamp\":1}\n");
    Files.writeString(
        dir.resolve("b"),
        "{\"Event\":\"SparkListenerApplicationStart\",\"App ID\":\"app-2\",\"Timestamp\":2}\n");

    ModelsException e = assertThrows(ModelsException.class, () -> EventLogs.read(dir));
    assertTrue(e.getMessage().contains("more than one application"), e.getMessage());
  }

  @Test
  void read_secretProperty_isRedacted(@TempDir Path dir) throws IOException {
    Path log =
        Files.writeString(
            dir.resolve("app"),
            "{\"Event\":\"SparkListenerEnvironmentUpdate\",\"Spark Properties\":"
                + "{\"spark.master\":\"k8s://https://h:6443\",\"spark.hadoop.fs.s3a.secret.key\":\"abc\"}}\n");

    ApplicationProfile p = EventLogs.read(log);
    assertEquals(
        "*********(redacted)",
        p.sparkProperties().get("spark.hadoop.fs.s3a.secret.key").orElseThrow());
    assertEquals(ClusterManager.KUBERNETES, p.clusterManager().orElseThrow());
    assertFalse(p.complete());
  }
}
