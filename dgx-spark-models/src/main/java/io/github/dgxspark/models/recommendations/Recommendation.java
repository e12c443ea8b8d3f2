package io.github.dgxspark.models.recommendations;

import io.github.dgxspark.models.ModelsException;
import java.util.List;
import java.util.Objects;

/**
 * One recommendation. Its JSON names are a public contract ({@code analyze LOG --format json} and
 * the MCP tool {@code generate_recommendations}): {@code title, changes, reason, source, impact,
 * priority, guidance, abTest}.
 *
 * @param title what to do, in a few words
 * @param changes the exact config changes, at least one, keys distinct and sorted
 * @param reason why: the finding, the bottleneck (with its numbers) or the best practice behind it
 * @param source where the rule or number comes from (a document, a tool's default, the event log's
 *     measured metrics)
 * @param impact the predicted change in run time and cost, or unknown
 * @param priority its rank and score
 * @param guidance how to apply it (the spark-defaults lines and spark-submit flags) and what to
 *     watch
 * @param abTest how to check it on the real job
 */
public record Recommendation(
    String title,
    List<Change> changes,
    String reason,
    String source,
    Impact impact,
    Priority priority,
    String guidance,
    AbTestPlan abTest) {
  // Checks the fields and copies the list.
  public Recommendation {
    Objects.requireNonNull(title, "title");
    changes = List.copyOf(changes);
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(impact, "impact");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(guidance, "guidance");
    Objects.requireNonNull(abTest, "abTest");
    if (title.isBlank() || reason.isBlank() || source.isBlank()) {
      throw new ModelsException(
          "recommendation '" + title + "' has a blank title, reason or source; expected all three");
    }
    if (changes.isEmpty()) {
      throw new ModelsException(
          "recommendation '" + title + "' has no change; expected at least one config change");
    }
    if (changes.stream().map(Change::key).distinct().count() != changes.size()) {
      throw new ModelsException(
          "recommendation '" + title + "' changes one key twice; expected distinct keys");
    }
  }

  /**
   * The same recommendation with another priority.
   *
   * @param newPriority the priority
   * @return a copy
   */
  public Recommendation withPriority(Priority newPriority) {
    return new Recommendation(
        title, changes, reason, source, impact, newPriority, guidance, abTest);
  }
}
