package io.github.dgxspark.adapter;

import io.github.dgxspark.models.recommendations.AbTestPlan;
import io.github.dgxspark.models.recommendations.Change;
import io.github.dgxspark.models.recommendations.Priority;
import io.github.dgxspark.models.recommendations.Range;
import io.github.dgxspark.models.recommendations.Recommendation;
import io.github.dgxspark.models.recommendations.RecommendationReport;
import io.github.dgxspark.models.recommendations.TargetPlan;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of {@link Operations#recommendations}: {@code {"recommendations":[{"title",
 * "changes":[{"key","current","currentSource","proposed"}],"reason","source","impact":{...},
 * "priority":{...},"guidance","abTest":{...}}],"current":{...},"proposed":{...},"assumptions",
 * "conflicts","unresolved","filtered","diagnoses","target"?,"logWarnings"?}}.
 *
 * @param recommendations ranked, highest priority first
 * @param current the config they start from (secrets redacted)
 * @param proposed the config with all of them applied (secrets redacted)
 * @param assumptions what had to be assumed
 * @param conflicts how two sources proposing different values were resolved
 * @param unresolved findings no recommendation could fix
 * @param filtered what a source proposed and a filter left out, with why
 * @param diagnoses what the log shows that an expert would name
 * @param target the plan for the named target hardware, with a log and a target
 * @param logWarnings what of the log could not be read, when something could not
 */
public record RecommendationsResult(
    List<Item> recommendations,
    Map<String, String> current,
    Map<String, String> proposed,
    List<String> assumptions,
    List<String> conflicts,
    List<String> unresolved,
    List<String> filtered,
    List<String> diagnoses,
    Optional<TargetPlan> target,
    Optional<List<String>> logWarnings) {
  // Checks the fields and copies the collections, keeping the maps' order.
  public RecommendationsResult {
    recommendations = List.copyOf(recommendations);
    current = RecommendResult.ordered(current);
    proposed = RecommendResult.ordered(proposed);
    assumptions = List.copyOf(assumptions);
    conflicts = List.copyOf(conflicts);
    unresolved = List.copyOf(unresolved);
    filtered = List.copyOf(filtered);
    diagnoses = List.copyOf(diagnoses);
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(logWarnings, "logWarnings");
  }

  static RecommendationsResult of(RecommendationReport r, Optional<List<String>> logWarnings) {
    return new RecommendationsResult(
        Item.all(r),
        r.current().redacted().entries(),
        r.proposed().redacted().entries(),
        r.assumptions(),
        r.conflicts(),
        r.unresolved(),
        r.filtered(),
        r.diagnoses(),
        r.target(),
        logWarnings);
  }

  /**
   * One recommendation.
   *
   * @param title what to do
   * @param changes the exact config changes
   * @param reason why, with the measurement behind it
   * @param source where the fix comes from
   * @param impact its effect on run time and cost
   * @param priority its rank and why
   * @param guidance how to apply it and what to watch
   * @param abTest how to confirm it by an A/B test
   */
  public record Item(
      String title,
      List<Change> changes,
      String reason,
      String source,
      Impact impact,
      Priority priority,
      String guidance,
      AbTestPlan abTest) {
    // Checks the fields and copies the list.
    public Item {
      Objects.requireNonNull(title, "title");
      changes = List.copyOf(changes);
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(impact, "impact");
      Objects.requireNonNull(priority, "priority");
      Objects.requireNonNull(guidance, "guidance");
      Objects.requireNonNull(abTest, "abTest");
    }

    static List<Item> all(RecommendationReport r) {
      return r.recommendations().stream().map(Item::of).toList();
    }

    static Item of(Recommendation r) {
      return new Item(
          r.title(),
          r.changes(),
          r.reason(),
          r.source(),
          Impact.of(r.impact()),
          r.priority(),
          r.guidance(),
          r.abTest());
    }
  }

  /**
   * A recommendation's effect.
   *
   * @param known false when it could not be estimated
   * @param runTimeChange relative change of the run time, with an interval
   * @param costChange relative change of the cost, with an interval
   * @param baselineRunTimeMs the run time it is relative to
   * @param level the interval's intended coverage
   * @param confidence how sure the estimate is, 0-1
   * @param method how it was estimated
   * @param basis what it rests on
   */
  public record Impact(
      boolean known,
      Optional<Range> runTimeChange,
      Optional<Range> costChange,
      Optional<Long> baselineRunTimeMs,
      double level,
      double confidence,
      String method,
      String basis) {
    // Checks the fields.
    public Impact {
      Objects.requireNonNull(runTimeChange, "runTimeChange");
      Objects.requireNonNull(costChange, "costChange");
      Objects.requireNonNull(baselineRunTimeMs, "baselineRunTimeMs");
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(basis, "basis");
    }

    static Impact of(io.github.dgxspark.models.recommendations.Impact i) {
      return new Impact(
          i.known(),
          i.runTimeChange(),
          i.costChange(),
          i.baselineRunTime().map(Duration::toMillis),
          i.level(),
          i.confidence(),
          i.method(),
          i.basis());
    }
  }
}
