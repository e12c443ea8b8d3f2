package io.github.dgxspark.models.eventlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.luben.zstd.ZstdInputStream;
import io.github.dgxspark.core.WorkloadType;
import io.github.dgxspark.models.recommendations.Change;
import io.github.dgxspark.models.recommendations.Recommendation;
import io.github.dgxspark.models.recommendations.Recommender;
import io.github.dgxspark.models.workload.Classification;
import io.github.dgxspark.models.workload.WorkloadAnalyzer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Structured Streaming progress on two real Spark 4.1.3 logs the harness wrote (the same 8-batch
 * stateful stream at scale 16, once with Spark's 200 shuffle partitions and once with the
 * recommended 4), checked against the test's own count of the progress events.
 */
class StreamingProgressTest {
  private static final Path DIR =
      Path.of(System.getProperty("dgxspark.data.dir", "../data"))
          .resolve("eventlogs/harness-spark-4.1.3/streaming-s16");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static Path log(String kind) throws IOException {
    try (Stream<Path> s = Files.list(DIR.resolve(kind))) {
      return s.findFirst().orElseThrow();
    }
  }

  /** queries, batches, input rows, trigger ms, max trigger ms, state partitions, failed. */
  private static long[] independentCount(Path folder) throws IOException {
    Set<String> runs = new HashSet<>();
    long[] c = new long[7];
    List<Path> parts;
    try (Stream<Path> s = Files.list(folder)) {
      parts = s.filter(p -> p.getFileName().toString().startsWith("events_")).toList();
    }
    for (Path part : parts) {
      try (BufferedReader r =
          new BufferedReader(
              new InputStreamReader(
                  new ZstdInputStream(Files.newInputStream(part)), StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          JsonNode e = MAPPER.readTree(line);
          String type = e.path("Event").asText();
          if (type.endsWith("QueryStartedEvent")) {
            runs.add(e.path("runId").asText());
          } else if (type.endsWith("QueryTerminatedEvent") && !e.path("exception").isNull()) {
            c[6]++;
          } else if (type.endsWith("QueryProgressEvent")) {
            JsonNode p = e.path("progress");
            c[1]++;
            for (JsonNode src : p.path("sources")) {
              c[2] += src.path("numInputRows").asLong();
            }
            long t = p.path("durationMs").path("triggerExecution").asLong();
            c[3] += t;
            c[4] = Math.max(c[4], t);
            for (JsonNode op : p.path("stateOperators")) {
              c[5] = Math.max(c[5], op.path("numShufflePartitions").asLong());
            }
          }
        }
      }
    }
    c[0] = runs.size();
    return c;
  }

  @ParameterizedTest
  @ValueSource(strings = {"default", "recommended"})
  void streaming_matchesTheIndependentCount(String kind) throws IOException {
    Path log = log(kind);
    ApplicationProfile profile = EventLogs.read(log);
    ApplicationProfile.Streaming s = profile.streaming();
    long[] c = independentCount(log);
    assertEquals(c[0], s.queries());
    assertEquals(c[1], s.microBatches());
    assertEquals(c[2], s.inputRows());
    assertEquals(c[3], s.triggerExecutionMs());
    assertEquals(c[4], s.maxTriggerExecutionMs());
    assertEquals(c[5], s.stateShufflePartitions());
    assertEquals(c[6], s.failedQueries());
    // the harness's stream: one query, 8 micro-batches of 1,600,000 rate-source rows at scale 16
    assertEquals(1, s.queries());
    assertEquals(8, s.microBatches());
    assertEquals(8 * 1_600_000L, s.inputRows());
    assertEquals(kind.equals("default") ? 200 : 4, s.stateShufflePartitions());
    assertEquals(0, profile.parseStats().unknownEvents());
    Classification kindOf = WorkloadAnalyzer.classify(profile);
    assertEquals(WorkloadType.STREAMING, kindOf.workloadType());
    assertTrue(
        kindOf.evidence().stream().anyMatch(e -> e.startsWith("8 micro-batches of 1")),
        kindOf.evidence().toString());
  }

  @Test
  void overPartitionedState_isRecommendedDown_withTheCheckpointCaveat() throws IOException {
    Optional<Recommendation> fix =
        Recommender.generateRecommendations(EventLogs.read(log("default")))
            .recommendations()
            .stream()
            .filter(r -> r.title().startsWith("Fewer state partitions"))
            .findFirst();
    assertTrue(fix.isPresent(), "a recommendation for the 200 state partitions");
    Change c = fix.get().changes().get(0);
    assertEquals("spark.sql.shuffle.partitions", c.key());
    assertEquals("4", c.proposed(), "two per task slot of local[2]");
    assertTrue(fix.get().reason().contains("new checkpoint location"), fix.get().reason());
    assertTrue(
        Recommender.generateRecommendations(EventLogs.read(log("recommended")))
            .recommendations()
            .stream()
            .noneMatch(r -> r.title().startsWith("Fewer state partitions")),
        "4 state partitions on 2 slots are not over-partitioned");
  }

  @Test
  void batchLog_hasNoStreaming() throws IOException {
    Path fixture = RealLogs.of("spark2-eventlog.zstd");
    assertEquals(ApplicationProfile.Streaming.NONE, EventLogs.read(fixture).streaming());
  }
}
