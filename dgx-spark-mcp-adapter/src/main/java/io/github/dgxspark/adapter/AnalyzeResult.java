package io.github.dgxspark.adapter;

import io.github.dgxspark.models.eventlog.ApplicationProfile;
import io.github.dgxspark.models.recommendations.TargetPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of {@link Operations#analyze}: {@code {"application":{...},"totals":{...},
 * "failures":{...},"streaming"?:{...},"parseStats":{...},"bottlenecks":[...],
 * "bottlenecksUnavailable"?,"recommendations":[...],"diagnoses"?,"filtered"?,"target"?,
 * "assumptions"?,"conflicts"?,"unresolved"?,"recommendationsUnavailable"?,"logWarnings"?}};
 * bottlenecks as in {@link BottlenecksResult}, recommendations as in {@link RecommendationsResult}.
 *
 * @param application who ran what, when and where
 * @param totals the sums over all tasks
 * @param failures what failed
 * @param streaming the Structured Streaming queries, when the log has any
 * @param parseStats what was read
 * @param bottlenecks what holds it back, most severe first
 * @param bottlenecksUnavailable why there are none, when the log has no timed task
 * @param recommendations evidence-backed fixes, highest priority first
 * @param diagnoses what an expert would name (with recommendations)
 * @param filtered what a source proposed and a filter left out (with recommendations)
 * @param target the plan for the named target (with a target)
 * @param assumptions what the recommendations had to assume (with recommendations)
 * @param conflicts how two sources proposing different values were resolved (with recommendations)
 * @param unresolved findings no recommendation could fix (with recommendations)
 * @param recommendationsUnavailable why there are none, for a cut or partial log
 * @param logWarnings what of the log could not be read, when something could not
 */
public record AnalyzeResult(
    Application application,
    ApplicationProfile.Totals totals,
    Failures failures,
    Optional<ApplicationProfile.Streaming> streaming,
    ApplicationProfile.ParseStats parseStats,
    List<BottlenecksResult.Item> bottlenecks,
    Optional<String> bottlenecksUnavailable,
    List<RecommendationsResult.Item> recommendations,
    Optional<List<String>> diagnoses,
    Optional<List<String>> filtered,
    Optional<TargetPlan> target,
    Optional<List<String>> assumptions,
    Optional<List<String>> conflicts,
    Optional<List<String>> unresolved,
    Optional<String> recommendationsUnavailable,
    Optional<List<String>> logWarnings) {
  // Checks the fields and copies the lists.
  public AnalyzeResult {
    Objects.requireNonNull(application, "application");
    Objects.requireNonNull(totals, "totals");
    Objects.requireNonNull(failures, "failures");
    Objects.requireNonNull(streaming, "streaming");
    Objects.requireNonNull(parseStats, "parseStats");
    bottlenecks = List.copyOf(bottlenecks);
    Objects.requireNonNull(bottlenecksUnavailable, "bottlenecksUnavailable");
    recommendations = List.copyOf(recommendations);
    Objects.requireNonNull(diagnoses, "diagnoses");
    Objects.requireNonNull(filtered, "filtered");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(assumptions, "assumptions");
    Objects.requireNonNull(conflicts, "conflicts");
    Objects.requireNonNull(unresolved, "unresolved");
    Objects.requireNonNull(recommendationsUnavailable, "recommendationsUnavailable");
    Objects.requireNonNull(logWarnings, "logWarnings");
  }

  /**
   * Who ran what, when and where.
   *
   * @param id Spark's application id
   * @param name the application's name
   * @param sparkVersion the Spark version
   * @param durationMs wall time, when the application ended
   * @param attemptId the attempt, on YARN
   * @param user who ran it
   * @param startTime when it started (ISO-8601)
   * @param endTime when it ended (ISO-8601)
   * @param master the master URL
   * @param clusterManager the cluster manager's id
   * @param complete true when the log holds the application's end
   * @param executors executors it had
   * @param gpuExecutors executors with a GPU
   * @param gpuOperators GPU operators that ran
   */
  public record Application(
      Optional<String> id,
      Optional<String> name,
      Optional<String> sparkVersion,
      Optional<Long> durationMs,
      Optional<String> attemptId,
      Optional<String> user,
      Optional<String> startTime,
      Optional<String> endTime,
      Optional<String> master,
      Optional<String> clusterManager,
      boolean complete,
      int executors,
      int gpuExecutors,
      List<String> gpuOperators) {
    // Checks the fields and copies the list.
    public Application {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(sparkVersion, "sparkVersion");
      Objects.requireNonNull(durationMs, "durationMs");
      Objects.requireNonNull(attemptId, "attemptId");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(startTime, "startTime");
      Objects.requireNonNull(endTime, "endTime");
      Objects.requireNonNull(master, "master");
      Objects.requireNonNull(clusterManager, "clusterManager");
      gpuOperators = List.copyOf(gpuOperators);
    }

    static Application of(ApplicationProfile p) {
      return new Application(
          p.applicationId(),
          p.applicationName(),
          p.sparkVersion(),
          p.duration().map(Duration::toMillis),
          p.attemptId(),
          p.user(),
          p.startTime().map(Instant::toString),
          p.endTime().map(Instant::toString),
          p.master(),
          p.clusterManager().map(m -> m.id()),
          p.complete(),
          p.executors().size(),
          (int) p.executors().stream().filter(e -> e.gpuCount() > 0).count(),
          p.gpuOperatorNames());
    }
  }

  /**
   * What failed.
   *
   * @param failedTasks failed task attempts
   * @param taskFailureReasons reason → count
   * @param fetchFailures shuffle fetch failures
   * @param executorLostTasks tasks lost with their executor
   * @param executorsLost executors lost, with when and why
   * @param gpuOutOfMemoryTasks tasks that ran out of GPU memory
   * @param failedStages failed stage attempts
   * @param failedJobs failed jobs
   * @param examples a few failure messages
   */
  public record Failures(
      int failedTasks,
      Map<String, Integer> taskFailureReasons,
      int fetchFailures,
      int executorLostTasks,
      List<ExecutorLoss> executorsLost,
      int gpuOutOfMemoryTasks,
      int failedStages,
      int failedJobs,
      List<String> examples) {
    // Copies the collections, keeping the map's order.
    public Failures {
      taskFailureReasons = Collections.unmodifiableMap(new LinkedHashMap<>(taskFailureReasons));
      executorsLost = List.copyOf(executorsLost);
      examples = List.copyOf(examples);
    }

    static Failures of(ApplicationProfile.Failures f) {
      return new Failures(
          f.failedTasks(),
          f.taskFailureReasons(),
          f.fetchFailures(),
          f.executorLostTasks(),
          f.executorsLost().stream()
              .map(l -> new ExecutorLoss(l.executorId(), l.time().toString(), l.reason()))
              .toList(),
          f.gpuOutOfMemoryTasks(),
          f.failedStages(),
          f.failedJobs(),
          f.examples());
    }
  }

  /**
   * An executor lost.
   *
   * @param executorId its id
   * @param time when (ISO-8601)
   * @param reason why
   */
  public record ExecutorLoss(String executorId, String time, String reason) {
    // Checks the fields.
    public ExecutorLoss {
      Objects.requireNonNull(executorId, "executorId");
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
