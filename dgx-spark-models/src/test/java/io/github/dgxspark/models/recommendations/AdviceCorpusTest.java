package io.github.dgxspark.models.recommendations;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dgxspark.core.ClusterManager;
import io.github.dgxspark.core.EffectiveValue;
import io.github.dgxspark.core.SparkConfig;
import io.github.dgxspark.core.SparkSemantics;
import io.github.dgxspark.core.SparkVersion;
import io.github.dgxspark.models.ModelsException;
import io.github.dgxspark.models.eventlog.ApplicationProfile;
import io.github.dgxspark.models.eventlog.EventLogs;
import io.github.dgxspark.models.eventlog.RealLogs;
import io.github.dgxspark.rules.Finding;
import io.github.dgxspark.rules.RuleBook;
import io.github.dgxspark.rules.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The advice meta-test, like the rule catalog's: every real event log of {@link RealLogs#all()}
 * through {@code Recommender}, and every recommendation checked against what a Spark engineer
 * rejects at once (issue 17's acceptance). It lists every violation before failing.
 */
class AdviceCorpusTest {
  private static final Set<String> OVERHEAD_KEYS =
      Set.of(
          "spark.executor.memoryOverhead",
          "spark.executor.memoryOverheadFactor",
          "spark.driver.memoryOverhead",
          "spark.driver.memoryOverheadFactor");

  @Test
  void everyRealLog_adviceAnExpertWouldSign() {
    List<String> violations = new ArrayList<>();
    int logs = 0;
    int declined = 0;
    int recommendations = 0;
    int changes = 0;
    for (Path log : RealLogs.all()) {
      String name = RealLogs.DIR.relativize(log).toString();
      ApplicationProfile p;
      RecommendationReport r;
      try {
        p = EventLogs.read(log);
        r = Recommender.generateRecommendations(p);
      } catch (ModelsException e) {
        // a log the product declines must say why in one line
        declined++;
        if (e.getMessage().contains("\n") || e.getMessage().isBlank()) {
          violations.add(name + ": declined without a one-line reason: " + e.getMessage());
        }
        continue;
      }
      logs++;
      SparkVersion v =
          p.sparkVersion().map(AdviceCorpusTest::versionOrNewest).orElse(SparkVersion.NEWEST);
      SparkConfig config = r.current();
      Optional<ClusterManager> manager = p.master().flatMap(SparkSemantics::clusterManager);
      boolean arrow =
          p.operatorNames().stream().anyMatch(o -> o.contains("Pandas") || o.contains("Arrow"))
              || p.sqlExecutions().stream().anyMatch(s -> s.description().contains("toPandas"));
      SparkConfig applied = config;
      for (Recommendation rec : r.recommendations()) {
        recommendations++;
        String where = name + " '" + rec.title() + "'";
        AbTestPlan ab = rec.abTest();
        if (ab.detectable()
            && ab.runsPerArm().orElse(Integer.MAX_VALUE) > AbTestPlan.MAX_RUNS_PER_ARM) {
          violations.add(where + ": A/B plan of " + ab.runsPerArm() + " runs marked detectable");
        }
        if (ab.runsPerArm().orElse(0) > AbTestPlan.MAX_RUNS_PER_ARM
            && ab.stopRule().startsWith("Run ")) {
          violations.add(where + ": A/B plan asks for " + ab.runsPerArm() + " runs per arm");
        }
        if (!rec.reason().matches("(?s).*[0-9].*")) {
          violations.add(where + ": reason cites no measurement: " + rec.reason());
        }
        for (Change c : rec.changes()) {
          changes++;
          String k = c.key();
          String what =
              where + " " + k + " " + c.current().orElse("(none)") + " -> " + c.proposed();
          EffectiveValue eff = SparkSemantics.effective(k, config, v);
          if (eff.value().isPresent()
              && SparkSemantics.sameValue(k, eff.value().get(), c.proposed())) {
            violations.add(
                what + ": no-op, already " + eff.value().get() + " (" + eff.source() + ")");
          }
          if (config.get(k).isPresent()
              && (!c.current().equals(config.get(k))
                  || c.currentSource() != EffectiveValue.Source.LOG)) {
            violations.add(what + ": current is not the log's value " + config.get(k).get());
          }
          if (!SparkSemantics.exists(k, v)) {
            violations.add(what + ": key does not exist in Spark " + v);
          }
          if (k.startsWith("spark.sql.execution.arrow.") && !arrow) {
            violations.add(what + ": Arrow key without pandas/Arrow use");
          }
          if (OVERHEAD_KEYS.contains(k)
              && !manager.map(SparkSemantics::enforcesMemoryOverhead).orElse(false)) {
            violations.add(what + ": memory overhead on master " + p.master().orElse("(none)"));
          }
          if (k.startsWith("spark.rapids.") && p.gpuOperatorNames().isEmpty()) {
            violations.add(what + ": RAPIDS key on an application without GPU operators");
          }
          applied = applied.with(k, c.proposed());
        }
      }
      // dynamic allocation needs the external shuffle service or shuffle tracking, not both
      // (https://spark.apache.org/docs/latest/job-scheduling.html#configuration-and-setup)
      if (applied.get("spark.shuffle.service.enabled").map("true"::equalsIgnoreCase).orElse(false)
          && r.recommendations().stream()
              .flatMap(rec -> rec.changes().stream())
              .anyMatch(c -> c.key().equals("spark.dynamicAllocation.shuffleTracking.enabled"))) {
        violations.add(name + ": shuffle tracking proposed beside the external shuffle service");
      }
      // the product's advice never contradicts its rules: applying it adds no finding, and every
      // error or warning left is listed as unresolved
      Set<String> before = new HashSet<>();
      for (Finding f : problems(config)) {
        before.add(f.ruleId() + f.keys());
      }
      for (Finding f : problems(applied)) {
        if (!before.contains(f.ruleId() + f.keys())) {
          violations.add(name + ": applying the advice adds " + f.ruleId() + ": " + f.message());
        }
        if (r.unresolved().stream().noneMatch(u -> u.startsWith(f.ruleId() + " "))) {
          violations.add(name + ": " + f.ruleId() + " left but not listed as unresolved");
        }
      }
    }
    String counts =
        String.format(
            Locale.ROOT,
            "%d logs advised, %d declined, %d recommendations, %d changes",
            logs,
            declined,
            recommendations,
            changes);
    assertTrue(logs >= 35, counts);
    assertTrue(violations.isEmpty(), counts + "\n" + String.join("\n", violations));
  }

  private static List<Finding> problems(SparkConfig config) {
    return RuleBook.builtIn().validate(config, Optional.empty()).findings().stream()
        .filter(f -> f.severity() != Severity.INFO)
        .toList();
  }

  private static SparkVersion versionOrNewest(String text) {
    try {
      return SparkVersion.parse(text);
    } catch (RuntimeException e) {
      return SparkVersion.NEWEST;
    }
  }
}
