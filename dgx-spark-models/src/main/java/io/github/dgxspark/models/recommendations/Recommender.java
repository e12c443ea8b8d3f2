package io.github.dgxspark.models.recommendations;

import io.github.dgxspark.core.ClusterSpec;
import io.github.dgxspark.core.ExecutionMode;
import io.github.dgxspark.core.SparkConfig;
import io.github.dgxspark.core.WorkloadSpec;
import io.github.dgxspark.models.ModelsException;
import io.github.dgxspark.models.eventlog.ApplicationProfile;
import io.github.dgxspark.models.perf.PerformanceHistory;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The recommendation engine: from a config, the hardware and the workload, or from an event log
 * that carries all three, ranked recommendations with exact changes, predicted impact,
 * implementation guidance and an A/B test plan.
 *
 * <pre>{@code
 * ApplicationProfile profile = EventLogs.read(Path.of("app-123.zstd"));
 * RecommendationReport report = Recommender.generateRecommendations(profile);
 * for (Recommendation r : report.recommendations()) {
 *   System.out.println(r.priority().rank() + ". " + r.title() + ": " + r.changes());
 * }
 * }</pre>
 *
 * <p>From an event log, advice is evidence first: every recommendation comes from a measurement of
 * the log (a bottleneck with its share of wall time, failures with their counts and messages,
 * spill, GC share, skew, task input) or a finding of the rule book ({@code RuleBook.builtIn()}),
 * and passes the {@code Filters}: no no-op (the value in effect, the log's or the version's
 * default, is not proposed again), no key the application's Spark version lacks, its cluster
 * manager ignores or its features do not use, no split change that cuts no split, and consistent
 * companions (the RAPIDS Kryo registrator with Kryo). The optimizer's config is never diffed
 * against the log: with a target it is a separate plan ({@link RecommendationReport#target()}). For
 * a config on known hardware (no log), the rule book's findings and the optimizer's config compared
 * with the current one. Guarantees: no two recommendations set one key; applying all of them gives
 * a config without {@code ERROR} or {@code WARNING} findings (anything that cannot be fixed is
 * listed in {@link RecommendationReport#unresolved()}); the same input gives the same output.
 */
public final class Recommender {
  private Recommender() {}

  /**
   * Recommendations for a config on known hardware.
   *
   * @param config the config as it is now (may be empty)
   * @param cluster the hardware and cluster manager it runs on
   * @param workload what the job does
   * @return the ranked recommendations, the config before and after, assumptions and conflicts
   * @throws ModelsException if the optimizer cannot size the workload on the cluster (e.g. GPU mode
   *     on a node without GPUs); the message names the field and value
   */
  public static RecommendationReport generateRecommendations(
      SparkConfig config, ClusterSpec cluster, WorkloadSpec workload) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(workload, "workload");
    return Engine.forConfig(config, cluster, workload, Optional.empty()).run();
  }

  /**
   * Recommendations from an event log alone: the config is the log's Spark properties, the hardware
   * is derived from its executors (what had to be assumed is listed in {@link
   * RecommendationReport#assumptions()}), the workload is classified from what ran. Executor sizing
   * is left alone because the real nodes are unknown: pass them with {@link
   * #generateRecommendations(ApplicationProfile, ClusterSpec)}.
   *
   * @param profile the application's profile from {@code EventLogs.read}
   * @return the ranked recommendations, the config before and after, assumptions and conflicts
   * @throws ModelsException if the log has no executor and no task (nothing ran)
   */
  public static RecommendationReport generateRecommendations(ApplicationProfile profile) {
    Objects.requireNonNull(profile, "profile");
    return Engine.forProfile(profile, Optional.empty(), Optional.empty(), Optional.empty()).run();
  }

  /**
   * Recommendations from an event log with a plan for a target: the same evidence-backed
   * recommendations as {@link #generateRecommendations(ApplicationProfile)}, plus {@link
   * RecommendationReport#target()}: the config for the target hardware, sized from the log's
   * measurements, in the log's execution mode.
   *
   * @param profile the application's profile
   * @param cluster the hardware the application runs (or will run) on
   * @return the ranked recommendations, the plan for the target, assumptions and conflicts
   * @throws ModelsException if the log has no executor and no task, or the optimizer cannot size
   *     the workload on the cluster
   */
  public static RecommendationReport generateRecommendations(
      ApplicationProfile profile, ClusterSpec cluster) {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(cluster, "cluster");
    return Engine.forProfile(profile, Optional.of(cluster), Optional.empty(), Optional.empty())
        .run();
  }

  /**
   * As {@link #generateRecommendations(ApplicationProfile, ClusterSpec)}, with the plan for the
   * target in the given execution mode (e.g. a CPU log planned for GPUs).
   *
   * @param profile the application's profile
   * @param cluster the target hardware
   * @param mode the execution mode to plan for, {@code CPU} or {@code GPU}
   * @return the ranked recommendations, the plan for the target, assumptions and conflicts
   * @throws ModelsException if the log has no executor and no task, the mode is {@code AUTO}, or
   *     the optimizer cannot size the workload on the cluster in that mode
   */
  public static RecommendationReport generateRecommendations(
      ApplicationProfile profile, ClusterSpec cluster, ExecutionMode mode) {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(mode, "mode");
    if (mode == ExecutionMode.AUTO) {
      throw new ModelsException("target mode is auto; expected cpu or gpu");
    }
    return Engine.forProfile(profile, Optional.of(cluster), Optional.of(mode), Optional.empty())
        .run();
  }

  /**
   * As {@link #generateRecommendations(SparkConfig, ClusterSpec, WorkloadSpec)}, with the user's
   * own measured runs first: the impact's Ernest model rests on the user's history file when it
   * holds runs of the workload type, and each A/B plan's {@link AbTestPlan#varianceSource()} says
   * which run-to-run variation it used and how to replace the published one.
   *
   * @param config the config as it is now (may be empty)
   * @param cluster the hardware and cluster manager it runs on
   * @param workload what the job does
   * @param userHistory the user's local history file ({@code history add}); a missing file has no
   *     runs
   * @return the ranked recommendations, the config before and after, assumptions and conflicts
   * @throws ModelsException as {@link #generateRecommendations(SparkConfig, ClusterSpec,
   *     WorkloadSpec)} does, or if the file exists but is not a history
   */
  public static RecommendationReport generateRecommendations(
      SparkConfig config, ClusterSpec cluster, WorkloadSpec workload, Path userHistory) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(userHistory, "userHistory");
    return Engine.forConfig(config, cluster, workload, Optional.of(userHistory)).run();
  }

  /**
   * Recommendations from an event log, with a plan for a target when one is given (in the given
   * mode, else the log's), the user's own measured runs first: when the user's history file holds 2
   * or more repeats of this application (same application name, cluster, Spark version, executor
   * layout, settings and input, one run per application id), each A/B plan's run-to-run variation
   * comes from them and its {@link AbTestPlan#varianceSource()} names them; otherwise the published
   * figure, and the source says how to replace it. The impact's Ernest cross-check rests on the
   * user's runs of the workload type when there are any.
   *
   * @param profile the application's profile
   * @param target the hardware the application runs (or will run) on, or empty (derived from the
   *     log, as {@link #generateRecommendations(ApplicationProfile)} does)
   * @param mode the execution mode to plan the target for, or empty for the log's
   * @param userHistory the user's local history file ({@code history add}); a missing file has no
   *     runs
   * @return the ranked recommendations, the plan for a target, assumptions and conflicts
   * @throws ModelsException as {@link #generateRecommendations(ApplicationProfile, ClusterSpec,
   *     ExecutionMode)} does, if a mode is given without a target, or if the file exists but is not
   *     a history
   */
  public static RecommendationReport generateRecommendations(
      ApplicationProfile profile,
      Optional<ClusterSpec> target,
      Optional<ExecutionMode> mode,
      Path userHistory) {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(userHistory, "userHistory");
    if (mode.isPresent() && target.isEmpty()) {
      throw new ModelsException("target mode is given without a target; expected a target too");
    }
    if (mode.equals(Optional.of(ExecutionMode.AUTO))) {
      throw new ModelsException("target mode is auto; expected cpu or gpu");
    }
    return Engine.forProfile(profile, target, mode, Optional.of(userHistory)).run();
  }

  /**
   * Ranks recommendations: those that fix an error (the job cannot run) first, then by expected
   * saving × confidence ÷ effort ({@link Priority#score()}), ties by severity (most severe first),
   * then by title. Ranks are renumbered from 1.
   *
   * @param recommendations the recommendations, in any order
   * @return a new list in rank order, each with its rank set
   */
  static List<Recommendation> rankRecommendations(List<Recommendation> recommendations) {
    Objects.requireNonNull(recommendations, "recommendations");
    return Ranking.rank(recommendations);
  }

  /**
   * The predicted impact of changes on a logged application, from the performance models: the
   * replay simulator for changes of the executor layout (executors, cores, GPUs, concurrent GPU
   * tasks; Ernest on the packaged history as a cross-check), plus the estimated savings of the
   * bottlenecks {@code BottleneckDetector} finds that the changed keys act on. Unknown when no
   * model covers the changes, or a failed job leaves no baseline for a failure fix.
   *
   * @param changes the changes, at least one
   * @param profile the application they apply to
   * @return the impact with its interval, or {@link Impact#known()} false
   * @throws ModelsException if {@code changes} is empty
   */
  public static Impact estimateImpact(List<Change> changes, ApplicationProfile profile) {
    Objects.requireNonNull(changes, "changes");
    Objects.requireNonNull(profile, "profile");
    return ImpactModel.forProfile(profile).estimate(checked(changes));
  }

  /**
   * The predicted impact of changes to a config on known hardware, from the performance models
   * fitted on the packaged measured history ({@code data/performance-history.json}), for changes of
   * executors or cores. Unknown for other keys, or when the history has no runs of this kind of
   * workload (or the model needs an input size the workload lacks).
   *
   * @param changes the changes, at least one
   * @param config the config they apply to
   * @param cluster the hardware
   * @param workload the workload
   * @return the impact with its interval, or {@link Impact#known()} false
   * @throws ModelsException if {@code changes} is empty
   */
  public static Impact estimateImpact(
      List<Change> changes, SparkConfig config, ClusterSpec cluster, WorkloadSpec workload) {
    Objects.requireNonNull(changes, "changes");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(workload, "workload");
    return ImpactModel.forConfig(
            config, cluster, workload, PerformanceHistory.builtIn(), ImpactModel.BUILT_IN)
        .estimate(checked(changes));
  }

  private static List<Change> checked(List<Change> changes) {
    if (changes.isEmpty()) {
      throw new ModelsException("changes is empty; expected at least one config change");
    }
    return List.copyOf(changes);
  }
}
