package io.github.dgxspark.models.recommendations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dgxspark.models.ModelsException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The run-to-run coefficient of variation of wall time, for the A/B power calculation: from
 * repeated identical runs of the performance history, else from repeats of one SQL query inside the
 * event log, else unknown.
 *
 * @param cv the pooled coefficient of variation (standard deviation ÷ mean), when observed
 * @param source where it was observed, or why it is unknown
 */
record RunVariance(OptionalDouble cv, String source) {
  static final String HISTORY_RESOURCE = "/io/github/dgxspark/models/performance-history.json";

  RunVariance {
    Objects.requireNonNull(cv, "cv");
    Objects.requireNonNull(source, "source");
  }

  /**
   * The variation observed in the performance history, else unknown. (Repeats of one query inside a
   * log are no substitute: queries that share a description differ in data and plan, which gave
   * absurd coefficients on the real logs.)
   */
  static RunVariance observed() {
    return fromHistory();
  }

  /**
   * Pooled CV over groups of runs of the packaged performance history that share workload, scale,
   * deployment, master, executors, cores, memory, config kind, machine and Spark version.
   */
  static RunVariance fromHistory() {
    try (InputStream in = RunVariance.class.getResourceAsStream(HISTORY_RESOURCE)) {
      if (in == null) {
        return new RunVariance(
            OptionalDouble.empty(),
            "no performance history is packaged (data/performance-history.json), so no run-to-run"
                + " variation has been observed");
      }
      JsonNode root = new ObjectMapper().readTree(in);
      Map<String, List<Double>> groups = new TreeMap<>();
      for (JsonNode run : root.path("runs")) {
        double wall = run.path("wallTimeMillis").asDouble(0);
        if (wall <= 0) {
          continue;
        }
        String key =
            String.join(
                "|",
                run.path("workload").asText(),
                run.path("scale").asText(),
                run.path("deployment").asText(),
                run.path("master").asText(),
                run.path("executors").asText(),
                run.path("executorCores").asText(),
                run.path("executorMemoryBytes").asText(),
                run.path("configKind").asText(),
                run.path("machine").path("description").asText(),
                run.path("sparkVersion").asText());
        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(wall);
      }
      return pooled(
          groups.values(),
          "repeated identical runs of the performance history (data/performance-history.json)",
          "the performance history has no repeated identical runs, so no run-to-run variation has"
              + " been observed");
    } catch (IOException e) {
      throw new ModelsException(
          "performance history " + HISTORY_RESOURCE + " cannot be read: " + e.getMessage(), e);
    }
  }

  private static RunVariance pooled(
      Iterable<List<Double>> groups, String foundSource, String missing) {
    double weighted = 0;
    int dof = 0;
    int groupCount = 0;
    int runs = 0;
    for (List<Double> g : groups) {
      if (g.size() < 2) {
        continue;
      }
      double mean = g.stream().mapToDouble(Double::doubleValue).average().orElse(0);
      if (mean <= 0) {
        continue;
      }
      double ss = g.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
      double cv2 = ss / (g.size() - 1) / (mean * mean);
      weighted += cv2 * (g.size() - 1);
      dof += g.size() - 1;
      groupCount++;
      runs += g.size();
    }
    if (dof == 0 || weighted <= 0) {
      return new RunVariance(OptionalDouble.empty(), missing);
    }
    double cv = Math.sqrt(weighted / dof);
    return new RunVariance(
        OptionalDouble.of(cv),
        String.format(
            Locale.ROOT,
            "%s: pooled over %d group(s), %d runs, cv %.3f",
            foundSource,
            groupCount,
            runs,
            cv));
  }
}
