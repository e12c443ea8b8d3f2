package io.github.dgxspark.models.recommendations;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A rule's recommendation is dropped when the event log measures that its concern cost the
 * application nothing. What the raw events of spark-rapids-tools' {@code jdbc_eventlog} say
 * (zstdcat and a JSON walk): standalone master, one executor with 16 cores and {@code
 * spark.executor.memory=80g}; tasks ran 7.3 s in a 572 s application, 2.6 s of it in JVM GC.
 */
class RuleEvidenceTest {
  private static final String JDBC =
      "spark-rapids-tools-corpus/spark-events-qualification__jdbc_eventlog.zstd";

  @Test
  void containerTheDriverReleased_isNoLossAndAsksForNoOverhead() {
    // raw events of spark-rapids-tools' rp_sql_eventlog (YARN): its one
    // SparkListenerExecutorRemoved
    // says "Container container_e87_1603128018386_7759_01_000002 exited from explicit termination
    // request.", which YarnAllocator writes for a container the driver had already released
    String log = "spark-rapids-tools-corpus/spark-events-profiling__rp_sql_eventlog.zstd";
    assertTrue(
        RecommenderTest.profile(log).failures().executorsLost().isEmpty(),
        RecommenderTest.profile(log).failures().executorsLost().toString());
    RecommendationReport r = RecommenderTest.report(log);
    assertTrue(
        r.recommendations().stream()
            .flatMap(x -> x.changes().stream())
            .noneMatch(c -> c.key().equals("spark.executor.memoryOverhead")),
        r.recommendations().toString());
  }

  @Test
  void giantHeap_isLeftOutWhenTheLogMeasuresItsGcAsImmaterial() {
    RecommendationReport r = RecommenderTest.report(JDBC);
    assertTrue(
        r.recommendations().stream()
            .flatMap(x -> x.changes().stream())
            .noneMatch(c -> c.key().equals("spark.executor.memory")),
        r.recommendations().toString());
    String why =
        r.filtered().stream()
            .filter(f -> f.startsWith("spark.executor.memory="))
            .findFirst()
            .orElseThrow(() -> new AssertionError(r.filtered().toString()));
    // 0.9 s of GC in 572 s of wall time is 0.2 %
    assertTrue(why.contains("JVM GC at 0.2 % of wall time"), why);
    assertTrue(why.contains("Giant executor heap"), why);
  }
}
