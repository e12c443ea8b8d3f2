package io.github.dgxspark.models.recommendations;

import io.github.dgxspark.core.SparkConfig;
import java.util.List;
import java.util.Objects;

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
 */
public record RecommendationReport(
    List<Recommendation> recommendations,
    SparkConfig current,
    SparkConfig proposed,
    List<String> assumptions,
    List<String> conflicts,
    List<String> unresolved) {
  // Checks the fields and copies the lists.
  public RecommendationReport {
    recommendations = List.copyOf(recommendations);
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(proposed, "proposed");
    assumptions = List.copyOf(assumptions);
    conflicts = List.copyOf(conflicts);
    unresolved = List.copyOf(unresolved);
  }
}
