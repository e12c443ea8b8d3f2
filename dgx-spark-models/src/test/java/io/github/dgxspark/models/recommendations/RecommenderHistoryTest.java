package io.github.dgxspark.models.recommendations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.luben.zstd.ZstdInputStream;
import io.github.dgxspark.models.eventlog.ApplicationProfile;
import io.github.dgxspark.models.eventlog.EventLogs;
import io.github.dgxspark.models.eventlog.RealLogs;
import io.github.dgxspark.models.perf.PerformanceHistory;
import io.github.dgxspark.models.perf.PerformanceRun;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The A/B plans' run-to-run variation from the user's own repeated runs ({@code history add}), on
 * the real customshuffle log of spark-rapids-tools (Spark shell, local mode, 31,001 ms): repeats
 * are made from it by changing only its application id and end time, as a rerun would.
 */
class RecommenderHistoryTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path LOG =
      RealLogs.of(
          "spark-rapids-tools-corpus/spark-events-qualification__customshuffle_eventlog.zstd");

  /** The log's application start and end (its ApplicationStart and ApplicationEnd events). */
  private static final long START_MS = 1651694353148L;

  private static final long WALL_MS = 1651694384149L - START_MS;

  @TempDir Path dir;

  @Test
  void sameLogAddedTwice_oneRunNotARepeat_publishedFigureSaysHowToReplaceIt() throws IOException {
    Path history = dir.resolve("history.json");
    add(history, copy("copy-a", Optional.empty(), Optional.empty(), Optional.empty()));
    add(history, copy("copy-b", Optional.empty(), Optional.empty(), Optional.empty()));
    RecommendationReport r =
        Recommender.generateRecommendations(
            EventLogs.read(LOG), Optional.empty(), Optional.empty(), history);
    assertFalse(r.recommendations().isEmpty());
    for (Recommendation rec : r.recommendations()) {
      AbTestPlan p = rec.abTest();
      assertEquals(OptionalDouble.of(RunVariance.PUBLISHED_CV), p.runToRunCv());
      assertTrue(
          p.varianceSource().contains("holds 2 run(s) of 'Spark shell'"), p.varianceSource());
      assertTrue(p.varianceSource().contains("1 distinct repeat(s)"), p.varianceSource());
      assertTrue(p.varianceSource().contains("'history add' the 3 event logs"), p.varianceSource());
    }
  }

  @Test
  void twoRealRepeats_planUsesTheirCvAndNeedsMoreRuns() throws IOException {
    Path history = dir.resolve("history.json");
    add(history, copy("run-1", Optional.empty(), Optional.empty(), Optional.empty()));
    // a rerun: another application id, 20 % longer
    long longer = Math.round(1.2 * WALL_MS);
    add(history, copy("run-2", Optional.of("local-2"), Optional.empty(), Optional.of(longer)));
    ApplicationProfile p = EventLogs.read(LOG);
    RecommendationReport mine =
        Recommender.generateRecommendations(p, Optional.empty(), Optional.empty(), history);
    RecommendationReport builtIn = Recommender.generateRecommendations(p);
    // two runs a and 1.2 a: sd = 0.2 a / sqrt(2), mean 1.1 a, cv = 0.1286
    double cv = 0.2 / Math.sqrt(2) / 1.1;
    int compared = 0;
    for (Recommendation rec : mine.recommendations()) {
      AbTestPlan plan = rec.abTest();
      assertEquals(cv, plan.runToRunCv().getAsDouble(), 1e-3, plan.varianceSource());
      assertTrue(
          plan.varianceSource().startsWith("your history " + history + ": 2 runs of 'Spark shell'"),
          plan.varianceSource());
      assertTrue(plan.varianceSource().contains("local-2"), plan.varianceSource());
      AbTestPlan before =
          builtIn.recommendations().stream()
              .filter(b -> b.title().equals(rec.title()))
              .findFirst()
              .orElseThrow()
              .abTest();
      if (before.runsPerArm().isPresent()) {
        compared++;
        // a larger run-to-run variation needs more runs for the same effect
        assertTrue(
            plan.runsPerArm().isEmpty()
                || plan.runsPerArm().getAsInt() > before.runsPerArm().getAsInt(),
            rec.title() + ": " + plan.runsPerArm() + " vs " + before.runsPerArm());
      }
    }
    assertTrue(compared > 0, "no plan with runs per arm to compare");
    // the detectable one at cv 0.037 (9 runs of each arm) is not detectable at cv 0.13
    assertTrue(
        builtIn.recommendations().stream().anyMatch(rec -> rec.abTest().detectable()),
        "a detectable plan at the published cv");
    assertTrue(mine.recommendations().stream().noneMatch(rec -> rec.abTest().detectable()));
  }

  @Test
  void runOfAnotherApplication_notARepeat() throws IOException {
    Path history = dir.resolve("history.json");
    add(history, copy("run-1", Optional.empty(), Optional.empty(), Optional.empty()));
    add(
        history,
        copy("other", Optional.of("local-3"), Optional.of("nightly report"), Optional.empty()));
    RecommendationReport r =
        Recommender.generateRecommendations(
            EventLogs.read(LOG), Optional.empty(), Optional.empty(), history);
    for (Recommendation rec : r.recommendations()) {
      assertEquals(OptionalDouble.of(RunVariance.PUBLISHED_CV), rec.abTest().runToRunCv());
      assertTrue(
          rec.abTest().varianceSource().contains("holds 1 run(s) of 'Spark shell'"),
          rec.abTest().varianceSource());
    }
  }

  @Test
  void noHistoryFile_publishedFigure() {
    Path none = dir.resolve("none.json");
    RecommendationReport r =
        Recommender.generateRecommendations(
            EventLogs.read(LOG), Optional.empty(), Optional.empty(), none);
    for (Recommendation rec : r.recommendations()) {
      assertEquals(OptionalDouble.of(RunVariance.PUBLISHED_CV), rec.abTest().runToRunCv());
      assertTrue(rec.abTest().varianceSource().contains("Henning"));
      assertTrue(rec.abTest().varianceSource().contains("No history of yours at " + none));
    }
  }

  /** Appends a log's run as {@code history add} does. */
  private static void add(Path history, Path log) {
    PerformanceHistory.append(
        history, PerformanceRun.fromEventLog(EventLogs.read(log), log.toString(), Instant.now()));
  }

  /**
   * The real log as plain JSON lines, with its application id, name and wall time changed when
   * given and nothing else.
   */
  private Path copy(
      String name, Optional<String> appId, Optional<String> appName, Optional<Long> wallMs)
      throws IOException {
    List<String> lines = new ArrayList<>();
    try (InputStream in = new ZstdInputStream(Files.newInputStream(LOG))) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.contains("\"SparkListenerApplicationStart\"")) {
          ObjectNode e = (ObjectNode) JSON.readTree(line);
          appId.ifPresent(v -> e.put("App ID", v));
          appName.ifPresent(v -> e.put("App Name", v));
          line = JSON.writeValueAsString(e);
        } else if (line.contains("\"SparkListenerApplicationEnd\"") && wallMs.isPresent()) {
          ObjectNode e = (ObjectNode) JSON.readTree(line);
          e.put("Timestamp", START_MS + wallMs.get());
          line = JSON.writeValueAsString(e);
        }
        lines.add(line);
      }
    }
    Path out = dir.resolve(name);
    Files.write(out, lines, StandardCharsets.UTF_8);
    return out;
  }
}
