package io.github.dgxspark.models.eventlog;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.core.ClusterManager;
import io.github.dgxspark.core.SparkConfig;
import io.github.dgxspark.core.SparkSemantics;
import io.github.dgxspark.models.ModelsException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Accumulates events into an {@link ApplicationProfile}; every collection is bounded. */
final class ProfileBuilder {
  /** Events this reader knows and does not need. */
  private static final Set<String> SKIPPED =
      Set.of(
          "SparkListenerTaskStart",
          "SparkListenerTaskGettingResult",
          "SparkListenerBlockManagerRemoved",
          "SparkListenerUnpersistRDD",
          "SparkListenerBlockUpdated",
          "SparkListenerExecutorMetricsUpdate",
          "SparkListenerStageExecutorMetrics",
          "SparkListenerExecutorBlacklisted",
          "SparkListenerExecutorUnblacklisted",
          "SparkListenerNodeBlacklisted",
          "SparkListenerNodeUnblacklisted",
          "SparkListenerExecutorBlacklistedForStage",
          "SparkListenerNodeBlacklistedForStage",
          "SparkListenerExecutorExcluded",
          "SparkListenerExecutorUnexcluded",
          "SparkListenerNodeExcluded",
          "SparkListenerNodeUnexcluded",
          "SparkListenerExecutorExcludedForStage",
          "SparkListenerNodeExcludedForStage",
          "SparkListenerSpeculativeTaskSubmitted",
          "SparkListenerUnschedulableTaskSetAdded",
          "SparkListenerUnschedulableTaskSetRemoved",
          "SparkListenerMiscellaneousProcessAdded",
          "SparkListenerDriverAccumUpdates",
          "SparkListenerSQLAdaptiveSQLMetricUpdates",
          "StreamingQueryListener$QueryIdleEvent");

  private static final List<String> PACKAGES =
      List.of(
          "org.apache.spark.scheduler.",
          "org.apache.spark.sql.execution.ui.",
          "org.apache.spark.sql.streaming.");

  private static final Pattern CODEGEN_ID = Pattern.compile(" \\(\\d+\\)$");
  private static final Pattern GPU_OOM =
      Pattern.compile(
          "Gpu\\w*OOM|GPU\\s*OutOfMemory|GPU\\s+out\\s+of\\s+memory|CUDA.{0,40}out of memory"
              + "|rmm::out_of_memory|RMM.{0,40}out of memory",
          Pattern.CASE_INSENSITIVE);
  private static final int MAX_FAILURE_KEYS = 100;
  private static final int MAX_EXAMPLES = 10;
  private static final int MAX_EXAMPLE_CHARS = 300;
  private static final int MAX_GARBAGE_EXAMPLES = 5;
  private static final int MAX_UNKNOWN_TYPES = 50;

  private final LogFiles files;

  // what was read
  private long bytes;
  private long lines;
  private long events;
  private int garbageLines;
  private int overlongLines;
  private final List<String> garbageExamples = new ArrayList<>();
  private int unknownEvents;
  private final Map<String, Integer> unknownTypes = new LinkedHashMap<>();

  // the application
  private String appId;
  private String attemptId;
  private String appName;
  private String user;
  private String sparkVersion;
  private String javaVersion;
  private long startMillis = -1;
  private long endMillis = -1;
  private boolean ended;
  private final Map<String, String> properties = new LinkedHashMap<>();
  private final Map<Integer, ApplicationProfile.ResourceProfile> resourceProfiles = new TreeMap<>();
  private final Map<String, ExecutorState> executors = new LinkedHashMap<>();
  private final Map<String, Long> blockManagerMemory = new LinkedHashMap<>();
  private final Map<String, Integer> liveCores = new LinkedHashMap<>();
  private final List<ApplicationProfile.ExecutorCount> timeline = new ArrayList<>();
  private final Map<Integer, JobState> jobs = new LinkedHashMap<>();
  private final Map<Long, StageAccumulator> stages = new LinkedHashMap<>();
  private StageAccumulator lastStage;
  private final Map<Long, SqlState> sql = new LinkedHashMap<>();

  // totals
  private int jobStarts;
  private int stagesCompleted;
  private int tasks;
  private int failedTasks;
  private long runTimeMs;
  private long cpuTimeNs;
  private long gcTimeMs;
  private long inputBytes;
  private long outputBytes;
  private long shuffleReadBytes;
  private long shuffleWriteBytes;
  private long memoryBytesSpilled;
  private long diskBytesSpilled;

  // Structured Streaming progress
  private final Set<String> streamingRuns = new HashSet<>();
  private long microBatches;
  private long streamingInputRows;
  private long triggerExecutionMs;
  private long maxTriggerExecutionMs;
  private int stateShufflePartitions;
  private int failedQueries;

  // failures
  private final Map<String, Integer> failureReasons = new LinkedHashMap<>();
  private int fetchFailures;
  private int executorLostTasks;
  private int gpuOomTasks;
  private int failedStages;
  private final List<ApplicationProfile.ExecutorLoss> executorLosses = new ArrayList<>();
  private final Set<String> examples = new LinkedHashSet<>();

  ProfileBuilder(LogFiles files) {
    this.files = files;
  }

  /** Whether an event type is known and needs no parsing beyond its name. */
  static boolean isSkipped(String type) {
    return SKIPPED.contains(shortName(type));
  }

  private static String shortName(String type) {
    if (type.indexOf('.') < 0) {
      return type;
    }
    for (String pkg : PACKAGES) {
      if (type.startsWith(pkg)) {
        return type.substring(pkg.length());
      }
    }
    return type;
  }

  long bytes() {
    return bytes;
  }

  long lines() {
    return lines;
  }

  long events() {
    return events;
  }

  int garbageLines() {
    return garbageLines;
  }

  List<String> garbageExamples() {
    return garbageExamples;
  }

  void addBytes(long n) {
    bytes += n;
  }

  void addLine() {
    lines++;
  }

  void garbage(Path part, long line, String why) {
    garbageLines++;
    if (garbageExamples.size() < MAX_GARBAGE_EXAMPLES) {
      garbageExamples.add(
          String.format(Locale.ROOT, "%s:%d: %s", part.getFileName(), line, shorten(why)));
    }
  }

  /** A line longer than {@link EventLogs#MAX_LINE_BYTES}, skipped unread. */
  void overlongLine(Path part, long line) {
    overlongLines++;
    if (garbageExamples.size() < MAX_GARBAGE_EXAMPLES) {
      garbageExamples.add(
          String.format(
              Locale.ROOT,
              "%s:%d: line longer than the %d MiB line limit, skipped",
              part.getFileName(),
              line,
              EventLogs.MAX_LINE_BYTES >> 20));
    }
  }

  void skippedEvent() {
    events++;
  }

  void taskEnd(TaskEnd t) {
    events++;
    tasks++;
    runTimeMs += t.runTimeMs;
    cpuTimeNs += t.cpuTimeNs;
    gcTimeMs += t.gcTimeMs;
    inputBytes += t.inputBytes;
    outputBytes += t.outputBytes;
    shuffleReadBytes += t.remoteReadBytes + t.localReadBytes;
    shuffleWriteBytes += t.shuffleWriteBytes;
    memoryBytesSpilled += t.memoryBytesSpilled;
    diskBytesSpilled += t.diskBytesSpilled;
    if (!t.succeeded()) {
      failedTask(t);
    }
    stage(t.stageId, t.stageAttempt).add(t);
  }

  private void failedTask(TaskEnd t) {
    failedTasks++;
    String reason = t.reason;
    String key = reason;
    switch (reason) {
      case "ExceptionFailure":
        if (t.failureClass != null) {
          key = reason + ": " + t.failureClass;
        }
        String text = (t.failureClass == null ? "" : t.failureClass) + ": " + t.failureText;
        if (GPU_OOM.matcher(text).find()) {
          gpuOomTasks++;
        }
        break;
      case "FetchFailed":
        fetchFailures++;
        break;
      case "ExecutorLostFailure":
        executorLostTasks++;
        break;
      default:
        break;
    }
    if (failureReasons.containsKey(key) || failureReasons.size() < MAX_FAILURE_KEYS) {
      failureReasons.merge(key, 1, Integer::sum);
    } else {
      failureReasons.merge("other", 1, Integer::sum);
    }
    if (examples.size() < MAX_EXAMPLES) {
      StringBuilder sb = new StringBuilder(key);
      if (t.failureText != null && !t.failureText.isBlank()) {
        sb.append(": ").append(t.failureText.strip().lines().findFirst().orElse(""));
      }
      examples.add(shorten(sb.toString()));
    }
  }

  private StageAccumulator stage(int id, int attempt) {
    StageAccumulator last = lastStage;
    if (last != null && last.id == id && last.attempt == attempt) {
      return last;
    }
    long key = ((long) id << 32) | (attempt & 0xFFFFFFFFL);
    StageAccumulator s = stages.computeIfAbsent(key, k -> new StageAccumulator(id, attempt));
    lastStage = s;
    return s;
  }

  /** Handles an event read as a tree. */
  void event(String type, JsonNode e) {
    events++;
    switch (shortName(type)) {
      case "SparkListenerLogStart":
        sparkVersion = text(e, "Spark Version");
        break;
      case "SparkListenerApplicationStart":
        applicationStart(e);
        break;
      case "SparkListenerApplicationEnd":
        ended = true;
        endMillis = e.path("Timestamp").asLong(-1);
        break;
      case "SparkListenerEnvironmentUpdate":
        environment(e.path("Spark Properties"));
        javaVersion = text(e.path("JVM Information"), "Java Version");
        break;
      case "SparkListenerResourceProfileAdded":
        resourceProfile(e);
        break;
      case "SparkListenerExecutorAdded":
        executorAdded(e);
        break;
      case "SparkListenerExecutorRemoved":
        executorRemoved(e);
        break;
      case "SparkListenerBlockManagerAdded":
        blockManagerMemory.put(
            e.path("Block Manager ID").path("Executor ID").asText(""),
            e.path("Maximum Memory").asLong(-1));
        break;
      case "SparkListenerJobEnd":
        jobEnd(e);
        break;
      case "SparkListenerSQLExecutionStart":
        sqlStart(e);
        break;
      case "SparkListenerSQLAdaptiveExecutionUpdate":
        sqlPlan(e.path("executionId").asLong(-1)).plan(e.path("sparkPlanInfo"), true);
        break;
      case "SparkListenerSQLExecutionEnd":
        sqlEnd(e);
        break;
      case "StreamingQueryListener$QueryStartedEvent":
        addStreamingRun(e.path("runId").asText(""));
        break;
      case "StreamingQueryListener$QueryProgressEvent":
        streamingProgress(e.path("progress"));
        break;
      case "StreamingQueryListener$QueryTerminatedEvent":
        if (!e.path("exception").isNull() && !e.path("exception").isMissingNode()) {
          failedQueries++;
        }
        break;
      default:
        if (!isSkipped(type)) {
          unknownEvents++;
          if (unknownTypes.containsKey(type) || unknownTypes.size() < MAX_UNKNOWN_TYPES) {
            unknownTypes.merge(type, 1, Integer::sum);
          }
        }
    }
  }

  private void addStreamingRun(String runId) {
    if (!runId.isEmpty()) {
      streamingRuns.add(runId);
    }
  }

  private void streamingProgress(JsonNode p) {
    microBatches++;
    addStreamingRun(p.path("runId").asText(""));
    long trigger = p.path("durationMs").path("triggerExecution").asLong(0);
    triggerExecutionMs += trigger;
    maxTriggerExecutionMs = Math.max(maxTriggerExecutionMs, trigger);
    for (JsonNode source : p.path("sources")) {
      streamingInputRows += source.path("numInputRows").asLong(0);
    }
    for (JsonNode op : p.path("stateOperators")) {
      stateShufflePartitions =
          Math.max(stateShufflePartitions, op.path("numShufflePartitions").asInt(0));
    }
  }

  private void applicationStart(JsonNode e) {
    String id = text(e, "App ID");
    if (appId != null && id != null && !appId.equals(id)) {
      throw new ModelsException(
          String.format(
              Locale.ROOT,
              "event log '%s' holds more than one application ('%s' and '%s'); expected the log"
                  + " of one application",
              files.root(),
              appId,
              id));
    }
    appId = id != null ? id : appId;
    attemptId = text(e, "App Attempt ID");
    appName = text(e, "App Name");
    user = text(e, "User");
    startMillis = e.path("Timestamp").asLong(-1);
  }

  private void environment(JsonNode props) {
    for (Map.Entry<String, JsonNode> p : props.properties()) {
      put(p.getKey(), p.getValue().asText());
    }
    // very old logs write [key, value] pairs
    if (props.isArray()) {
      for (JsonNode pair : props) {
        if (pair.isArray() && pair.size() == 2) {
          put(pair.get(0).asText(), pair.get(1).asText());
        }
      }
    }
  }

  private void put(String key, String value) {
    if (!key.isEmpty()
        && key.strip().equals(key)
        && key.chars().noneMatch(Character::isISOControl)) {
      properties.put(key, value);
    }
  }

  private void resourceProfile(JsonNode e) {
    JsonNode ex = e.path("Executor Resource Requests");
    JsonNode task = e.path("Task Resource Requests");
    int id = e.path("Resource Profile Id").asInt(0);
    resourceProfiles.put(
        id,
        new ApplicationProfile.ResourceProfile(
            id,
            ex.has("cores")
                ? OptionalInt.of(ex.path("cores").path("Amount").asInt())
                : OptionalInt.empty(),
            mebibytes(ex, "memory"),
            mebibytes(ex, "memoryOverhead"),
            mebibytes(ex, "offHeap"),
            ex.has("gpu")
                ? OptionalLong.of(ex.path("gpu").path("Amount").asLong())
                : OptionalLong.empty(),
            amount(task, "cpus"),
            amount(task, "gpu")));
  }

  private static OptionalLong mebibytes(JsonNode requests, String name) {
    return requests.has(name)
        ? OptionalLong.of(requests.path(name).path("Amount").asLong() * ByteSizes.MIB)
        : OptionalLong.empty();
  }

  private static OptionalDouble amount(JsonNode requests, String name) {
    return requests.has(name)
        ? OptionalDouble.of(requests.path(name).path("Amount").asDouble())
        : OptionalDouble.empty();
  }

  private void executorAdded(JsonNode e) {
    String id = e.path("Executor ID").asText("");
    JsonNode info = e.path("Executor Info");
    ExecutorState x = new ExecutorState(id);
    x.host = info.path("Host").asText("");
    x.cores = info.path("Total Cores").asInt(0);
    x.addedMillis = e.path("Timestamp").asLong(-1);
    x.resourceProfileId = info.path("Resource Profile Id").asInt(0);
    for (Map.Entry<String, JsonNode> r : info.path("Resources").properties()) {
      List<String> addresses = new ArrayList<>();
      r.getValue().path("addresses").forEach(a -> addresses.add(a.asText()));
      x.resources.put(r.getKey(), addresses);
    }
    executors.put(id, x);
    liveCores.put(id, x.cores);
    timelinePoint(x.addedMillis);
  }

  private void executorRemoved(JsonNode e) {
    String id = e.path("Executor ID").asText("");
    long time = e.path("Timestamp").asLong(-1);
    String reason = e.path("Removed Reason").asText("");
    ExecutorState x = executors.get(id);
    if (x != null) {
      x.removedMillis = time;
      x.removedReason = reason;
    }
    liveCores.remove(id);
    timelinePoint(time);
    String r = reason.toLowerCase(Locale.ROOT);
    // the driver's own decisions are not losses: dynamic allocation's "Executor killed by
    // driver.", decommissioning, and a container the driver had already released ("Container ...
    // exited from explicit termination request.": apache/spark YarnAllocator
    // processCompletedContainers and ExecutorPodsLifecycleManager, exitCausedByApp = false)
    if (!r.contains("killed by driver")
        && !r.contains("decommission")
        && !r.contains("explicit termination request")
        && time >= 0) {
      executorLosses.add(
          new ApplicationProfile.ExecutorLoss(id, Instant.ofEpochMilli(time), reason));
    }
  }

  private void timelinePoint(long millis) {
    if (millis < 0) {
      return;
    }
    int cores = 0;
    for (int c : liveCores.values()) {
      cores += c;
    }
    timeline.add(
        new ApplicationProfile.ExecutorCount(
            Instant.ofEpochMilli(millis), liveCores.size(), cores));
  }

  /** The job properties a job start keeps. */
  static final Set<String> JOB_PROPERTIES =
      Set.of("spark.sql.execution.id", "spark.job.description", "callSite.short");

  /** A job start: id, submission time, stage ids and {@link #JOB_PROPERTIES}. */
  void jobStart(int id, long submittedMillis, List<Integer> stageIds, Map<String, String> props) {
    events++;
    jobStarts++;
    JobState j = new JobState(id);
    j.submittedMillis = submittedMillis;
    j.stageIds.addAll(stageIds);
    String executionId = props.get("spark.sql.execution.id");
    if (executionId != null) {
      try {
        j.sqlExecutionId = OptionalLong.of(Long.parseLong(executionId.trim()));
      } catch (NumberFormatException ignored) {
        // not a SQL execution id; the job stays unattached
      }
    }
    String description = props.get("spark.job.description");
    j.description = description != null ? description : props.get("callSite.short");
    jobs.put(j.id, j);
  }

  private void jobEnd(JsonNode e) {
    JobState j = jobs.get(e.path("Job ID").asInt(-1));
    if (j != null) {
      j.completedMillis = e.path("Completion Time").asLong(-1);
      j.result = text(e.path("Job Result"), "Result");
    }
  }

  /**
   * A stage submitted or completed event's stage info; -1 or null for what it lacks.
   *
   * @param completed whether the event is a stage completed event
   */
  void stage(
      boolean completed,
      int id,
      int attempt,
      String name,
      int declaredTasks,
      List<Integer> parentIds,
      long submittedMillis,
      long completedMillis,
      String failureReason) {
    events++;
    StageAccumulator s = stage(id, attempt);
    if (name != null) {
      s.name = name;
    }
    if (declaredTasks >= 0) {
      s.declaredTasks = declaredTasks;
    }
    if (parentIds != null) {
      s.parentIds = List.copyOf(parentIds);
    }
    if (submittedMillis >= 0) {
      s.submittedMillis = submittedMillis;
    }
    if (completed) {
      stagesCompleted++;
      s.completedMillis = completedMillis;
      if (failureReason != null) {
        s.failureReason = failureReason;
        failedStages++;
      }
    }
  }

  private void sqlStart(JsonNode e) {
    SqlState s = sqlPlan(e.path("executionId").asLong(-1));
    s.description = e.path("description").asText("");
    s.startMillis = e.path("time").asLong(-1);
    s.plan(e.path("sparkPlanInfo"), false);
  }

  private void sqlEnd(JsonNode e) {
    SqlState s = sqlPlan(e.path("executionId").asLong(-1));
    s.endMillis = e.path("time").asLong(-1);
    String error = text(e, "errorMessage");
    if (error != null && !error.isBlank()) {
      s.errorMessage = error;
    }
  }

  private SqlState sqlPlan(long id) {
    return sql.computeIfAbsent(id, SqlState::new);
  }

  ApplicationProfile build() {
    SparkConfig props = new SparkConfig(properties).redacted();
    Optional<String> master = props.get("spark.master");
    List<ApplicationProfile.Executor> execs = new ArrayList<>();
    for (ExecutorState x : executors.values()) {
      Long memory = blockManagerMemory.get(x.id);
      execs.add(
          new ApplicationProfile.Executor(
              x.id,
              x.host,
              x.cores,
              StageAccumulator.instant(x.addedMillis),
              StageAccumulator.instant(x.removedMillis),
              Optional.ofNullable(x.removedReason),
              x.resources,
              x.resourceProfileId,
              memory != null && memory >= 0 ? OptionalLong.of(memory) : OptionalLong.empty()));
    }
    List<ApplicationProfile.Job> jobList = new ArrayList<>();
    Map<Long, List<Integer>> jobsBySql = new LinkedHashMap<>();
    int failedJobs = 0;
    for (JobState j : jobs.values()) {
      if (j.result != null && !j.result.equals("JobSucceeded")) {
        failedJobs++;
      }
      j.sqlExecutionId.ifPresent(
          id -> jobsBySql.computeIfAbsent(id, k -> new ArrayList<>()).add(j.id));
      jobList.add(
          new ApplicationProfile.Job(
              j.id,
              StageAccumulator.instant(j.submittedMillis),
              StageAccumulator.instant(j.completedMillis),
              Optional.ofNullable(j.result),
              j.stageIds,
              j.sqlExecutionId,
              Optional.ofNullable(j.description)));
    }
    List<ApplicationProfile.SqlExecution> sqlList = new ArrayList<>();
    for (SqlState s : sql.values()) {
      sqlList.add(
          new ApplicationProfile.SqlExecution(
              s.id,
              s.description,
              StageAccumulator.instant(s.startMillis),
              StageAccumulator.instant(s.endMillis),
              between(s.startMillis, s.endMillis),
              s.operatorCounts,
              s.draftSubqueryOperatorCounts,
              s.planUpdates,
              Optional.ofNullable(s.errorMessage),
              jobsBySql.getOrDefault(s.id, List.of())));
    }
    List<ApplicationProfile.Stage> stageList = new ArrayList<>(stages.size());
    stages.values().forEach(s -> stageList.add(s.toStage()));
    return new ApplicationProfile(
        Optional.ofNullable(appId),
        Optional.ofNullable(attemptId),
        Optional.ofNullable(appName),
        Optional.ofNullable(sparkVersion),
        Optional.ofNullable(javaVersion),
        Optional.ofNullable(user),
        StageAccumulator.instant(startMillis),
        StageAccumulator.instant(endMillis),
        between(startMillis, endMillis),
        master,
        master.flatMap(ProfileBuilder::clusterManager),
        props,
        ended && !files.inProgress() && files.missingChunks().isEmpty(),
        List.copyOf(resourceProfiles.values()),
        execs,
        timeline,
        jobList,
        stageList,
        sqlList,
        new ApplicationProfile.Failures(
            failedTasks,
            failureReasons,
            fetchFailures,
            executorLostTasks,
            executorLosses,
            gpuOomTasks,
            failedStages,
            failedJobs,
            List.copyOf(examples)),
        new ApplicationProfile.Totals(
            jobStarts,
            stagesCompleted,
            tasks,
            failedTasks,
            runTimeMs,
            cpuTimeNs,
            gcTimeMs,
            inputBytes,
            outputBytes,
            shuffleReadBytes,
            shuffleWriteBytes,
            memoryBytesSpilled,
            diskBytesSpilled),
        microBatches == 0 && streamingRuns.isEmpty()
            ? ApplicationProfile.Streaming.NONE
            : new ApplicationProfile.Streaming(
                streamingRuns.size(),
                microBatches,
                streamingInputRows,
                triggerExecutionMs,
                maxTriggerExecutionMs,
                stateShufflePartitions,
                failedQueries),
        new ApplicationProfile.ParseStats(
            files.parts().stream().map(Path::toString).toList(),
            bytes,
            lines,
            events,
            garbageLines,
            garbageExamples,
            unknownEvents,
            unknownTypes,
            overlongLines,
            EventLogs.MAX_LINE_BYTES,
            files.missingChunks()));
  }

  /** The cluster manager of a master URL, when it names one of the four. */
  static Optional<ClusterManager> clusterManager(String master) {
    return SparkSemantics.clusterManager(master);
  }

  private static Optional<Duration> between(long startMillis, long endMillis) {
    return startMillis >= 0 && endMillis >= startMillis
        ? Optional.of(Duration.ofMillis(endMillis - startMillis))
        : Optional.empty();
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static String shorten(String s) {
    String one = s == null ? "" : s.replace('\n', ' ').replace('\r', ' ');
    return one.length() <= MAX_EXAMPLE_CHARS ? one : one.substring(0, MAX_EXAMPLE_CHARS - 1) + "…";
  }

  /** Spark's node name without its code-gen id, and a scan without its table. */
  static String operatorName(String nodeName) {
    String n = CODEGEN_ID.matcher(nodeName.strip()).replaceFirst("");
    if (n.startsWith("Scan ")
        || n.startsWith("GpuScan ")
        || n.startsWith("BatchScan ")
        || n.startsWith("GpuBatchScan ")) {
      String[] words = n.split(" ", 3);
      return words[0] + " " + words[1];
    }
    return n;
  }

  private static final class ExecutorState {
    final String id;
    String host = "";
    int cores;
    long addedMillis = -1;
    long removedMillis = -1;
    String removedReason;
    int resourceProfileId;
    final Map<String, List<String>> resources = new LinkedHashMap<>();

    ExecutorState(String id) {
      this.id = id;
    }
  }

  private static final class JobState {
    final int id;
    long submittedMillis = -1;
    long completedMillis = -1;
    String result;
    final List<Integer> stageIds = new ArrayList<>();
    OptionalLong sqlExecutionId = OptionalLong.empty();
    String description;

    JobState(int id) {
      this.id = id;
    }
  }

  private static final class SqlState {
    final long id;
    String description = "";
    long startMillis = -1;
    long endMillis = -1;
    Map<String, Integer> operatorCounts = Map.of();
    Map<String, Integer> draftSubqueryOperatorCounts = Map.of();
    int planUpdates;
    String errorMessage;

    SqlState(long id) {
      this.id = id;
    }

    /**
     * Replaces the operator counts with those of a (re-)plan's tree, and the draft counts with
     * those of its draft subqueries: in a final adaptive plan ({@code AdaptiveSparkPlan
     * isFinalPlan=true}), a nested {@code AdaptiveSparkPlan isFinalPlan=false} is a subquery not
     * yet re-planned when the event was written, whose operators are shown before Spark's (and the
     * RAPIDS plugin's) query-stage rules ran.
     */
    void plan(JsonNode root, boolean update) {
      if (update) {
        planUpdates++;
      }
      if (root.isMissingNode() || root.isNull()) {
        return;
      }
      boolean finalPlan = root.path("simpleString").asText("").contains("isFinalPlan=true");
      Map<String, Integer> counts = new TreeMap<>();
      Map<String, Integer> draft = new TreeMap<>();
      Deque<JsonNode> todo = new ArrayDeque<>();
      Deque<Boolean> inDraft = new ArrayDeque<>();
      todo.push(root);
      inDraft.push(false);
      while (!todo.isEmpty()) {
        JsonNode node = todo.pop();
        String name = node.path("nodeName").asText("");
        boolean d =
            inDraft.pop()
                || finalPlan
                    && node != root
                    && name.equals("AdaptiveSparkPlan")
                    && node.path("simpleString").asText("").contains("isFinalPlan=false");
        if (!name.isBlank()) {
          counts.merge(operatorName(name), 1, Integer::sum);
          if (d) {
            draft.merge(operatorName(name), 1, Integer::sum);
          }
        }
        for (JsonNode child : node.path("children")) {
          todo.push(child);
          inDraft.push(d);
        }
      }
      operatorCounts = counts;
      draftSubqueryOperatorCounts = draft;
    }
  }
}
