package io.github.dgxspark.models.recommendations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Advice for local-mode applications, whose tasks run in the driver's JVM: no change may target an
 * executor JVM that does not exist. What the raw events say (zstdcat and a JSON walk): the
 * spark-rapids-tools logs {@code customshuffle_eventlog} and {@code dsAndDf_eventlog} ran {@code
 * local[*]} in client mode on Java 1.8.0_312 and 1.8.0_282 (parallel collector by default) with no
 * JVM options set.
 */
class LocalModeAdviceTest {
  private static final List<String> LOCAL_LOGS =
      List.of(
          "spark-rapids-tools-corpus/spark-events-qualification__customshuffle_eventlog.zstd",
          "spark-rapids-tools-corpus/spark-events-qualification__dsAndDf_eventlog.zstd");

  @Test
  void localMode_collectorAdviceGoesToTheDriverAndSaysWhenToSetIt() {
    for (String log : LOCAL_LOGS) {
      RecommendationReport r = RecommenderTest.report(log);
      List<Recommendation> gc =
          r.recommendations().stream().filter(x -> x.title().contains("G1")).toList();
      assertEquals(1, gc.size(), log + ": " + r.recommendations());
      Recommendation g = gc.get(0);
      assertEquals(1, g.changes().size(), g.changes().toString());
      assertEquals("spark.driver.extraJavaOptions", g.changes().get(0).key(), log);
      assertEquals("-XX:+UseG1GC", g.changes().get(0).proposed(), log);
      // in client mode the driver JVM has started before the application's SparkConf is read
      assertTrue(g.guidance().contains("--driver-java-options"), g.guidance());
      assertTrue(
          r.recommendations().stream()
              .flatMap(x -> x.changes().stream())
              .noneMatch(c -> c.key().startsWith("spark.executor.extraJavaOptions")),
          log + ": " + r.recommendations());
    }
  }
}
