package io.github.dgxspark.models.recommendations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dgxspark.models.eventlog.ApplicationProfile;
import io.github.dgxspark.models.eventlog.EventLogs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Executors the advice sizes must fit a worker. The log is the harness's impact-check probe of the
 * mistake "one-core executors" (ETL at scale 0.25, Spark 4.1.3, {@code local-cluster[2,3,4654]}:
 * two workers of 3 cores each, 6 one-core executors): the rule book's "about 5 cores" once gave
 * {@code spark.executor.cores=5}, which no worker could host, and the application waited until the
 * harness killed it.
 */
class ExecutorPlacementTest {
  private static final Path DIR =
      Path.of(System.getProperty("dgxspark.data.dir", "../data"))
          .resolve("eventlogs/harness-spark-4.1.3/one-core-executors-s0p25");

  private static ApplicationProfile probe() throws IOException {
    try (Stream<Path> s = Files.list(DIR)) {
      return EventLogs.read(s.findFirst().orElseThrow());
    }
  }

  @Test
  void oneCoreExecutorsOnLocalCluster_proposedExecutorsFitAWorker() throws IOException {
    ApplicationProfile p = probe();
    assertEquals("local-cluster[2,3,4654]", p.master().orElseThrow());
    List<Change> cores =
        Recommender.generateRecommendations(p).recommendations().stream()
            .flatMap(r -> r.changes().stream())
            .filter(c -> c.key().equals("spark.executor.cores"))
            .toList();
    assertFalse(cores.isEmpty(), "one-core executors are a finding the log supports");
    for (Change c : cores) {
      int proposed = Integer.parseInt(c.proposed());
      assertTrue(proposed > 1 && proposed <= 3, c + ": a worker of local-cluster[2,3,...] has 3");
    }
  }

  @Test
  void mergingExecutorsAtTheSameSlots_hasNoPredictedSize() throws IOException {
    // the replay keeps task times, so it would say 0 %; the impact check measured -56 %
    Recommendation merge =
        Recommender.generateRecommendations(probe()).recommendations().stream()
            .filter(r -> r.changes().stream().anyMatch(c -> c.key().equals("spark.executor.cores")))
            .findFirst()
            .orElseThrow();
    assertFalse(merge.impact().known(), merge.impact().toString());
    assertTrue(merge.impact().basis().contains("per JVM"), merge.impact().basis());
    assertTrue(
        merge.impact().basis().contains("6 x 1 cores becomes 2 x 3"), merge.impact().basis());
  }

  @Test
  void executorHeapAboveTheWorkersMemory_isRejected() throws IOException {
    Filters f = Filters.of(probe(), Recommender.generateRecommendations(probe()).current());
    assertTrue(
        f.rejection("spark.executor.memory", "5g").orElse("").contains("never placed"),
        "5 GiB does not fit a worker of 4654 MiB");
    assertFalse(f.rejection("spark.executor.memory", "2g").isPresent());
  }

  @Test
  void largestHostCores_isTheExecutorsRunningAtOnceOnOneHost() throws IOException {
    ApplicationProfile p = probe();
    long executors = p.executors().stream().filter(e -> !e.id().equals("driver")).count();
    assertEquals(6, executors, "2 workers x 3 one-core executors");
    // every executor of local-cluster runs on the driver's host, all at once
    assertEquals(6, Filters.largestHostCores(p));
  }
}
