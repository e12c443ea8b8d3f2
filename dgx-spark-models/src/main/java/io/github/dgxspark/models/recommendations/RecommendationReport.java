package io.github.dgxspark.models.recommendations;

import io.github.dgxspark.core.SparkConfig;
import io.github.dgxspark.models.perf.BottleneckReport;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Recommender#generateRecommendations} found: the ranked recommendations, the config
 * before and after applying all of them, and what was assumed or resolved on the way.
 *
 * @param recommendations the recommendations, ranked (rank 1 first); no two set one key
 * @param current the config the recommendations start from (from an event log: its Spark
 *     properties, secrets redacted)
 * @param proposed {@code current} with every change of every recommendation applied; it has no
 *     {@code ERROR} or {@code WARNING} finding of the built-in rule book, unless {@code unresolved}
 *     says otherwise
 * @param assumptions what the engine had to assume (e.g. hardware derived from the log's
 *     executors), possibly none
 * @param conflicts how two sources that proposed different values for one key were resolved,
 *     possibly none
 * @param unresolved rule findings of severity error or warning that no recommendation could fix
 *     (e.g. a value that needs a person's choice), possibly none
 * @param filtered changes a source proposed that were left out, each with why (a no-op, a key the
 *     application's Spark version lacks or its features do not use, a split it would not cut),
 *     possibly none
 * @param diagnoses what the event log shows that an expert would name, whether or not a config
 *     change fixes it (GPU out-of-memory and its cause, CPU fallbacks, an inactive shuffle
 *     manager), possibly none
 * @param target the plan for the hardware the user named, when one was named with an event log
 * @param bottlenecks the event log's bottlenecks the recommendations rest on ({@code
 *     BottleneckDetector.detect} of the profile, run once), absent for a config or when the log has
 *     no timed task to analyse (the reason is then among the assumptions)
 */
public record RecommendationReport(
    List<Recommendation> recommendations,
    SparkConfig current,
    SparkConfig proposed,
    List<String> assumptions,
    List<String> conflicts,
    List<String> unresolved,
    List<String> filtered,
    List<String> diagnoses,
    Optional<TargetPlan> target,
    Optional<BottleneckReport> bottlenecks) {
  // Checks the fields and copies the lists.
  public RecommendationReport {
    recommendations = List.copyOf(recommendations);
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(proposed, "proposed");
    assumptions = List.copyOf(assumptions);
    conflicts = List.copyOf(conflicts);
    unresolved = List.copyOf(unresolved);
    filtered = List.copyOf(filtered);
    diagnoses = List.copyOf(diagnoses);
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(bottlenecks, "bottlenecks");
  }
}
