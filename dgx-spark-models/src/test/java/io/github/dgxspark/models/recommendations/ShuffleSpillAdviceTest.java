package io.github.dgxspark.models.recommendations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dgxspark.core.ByteSizes;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Spill in shuffle-reading stages, on a real log whose partitions AQE coalesced. What the raw
 * events say (zstdcat and a JSON walk of spark-rapids-tools' {@code aqeshuffle_eventlog}): Spark
 * 3.2.1 on {@code local[*]} with 12 cores (adaptive execution on by default from 3.2.0), no {@code
 * spark.sql.shuffle.partitions} set (200), stage 4 ran 13 tasks reading 101,409,496 shuffle bytes
 * (7.44 MiB per task) and spilled; the driver's block manager reports 415,550,668 bytes of unified
 * memory for its 12 task threads (33.0 MiB each).
 */
class ShuffleSpillAdviceTest {
  private static final String AQE_LOG =
      "spark-rapids-tools-corpus/spark-events-qualification__aqeshuffle_eventlog.zstd";

  private static Map<String, String> proposed(Recommendation r) {
    return r.changes().stream().collect(Collectors.toMap(Change::key, Change::proposed));
  }

  @Test
  void aqeCoalescedStage_getsASmallerAdvisorySizeNotMorePartitionsAlone() {
    RecommendationReport report = RecommenderTest.report(AQE_LOG);
    List<Recommendation> spill =
        report.recommendations().stream()
            .filter(
                r ->
                    r.changes().stream()
                        .anyMatch(
                            c ->
                                c.key().equals("spark.sql.shuffle.partitions")
                                    || c.key().startsWith("spark.sql.adaptive.")))
            .toList();
    assertEquals(1, spill.size(), report.recommendations().toString());
    Recommendation r = spill.get(0);
    Map<String, String> keys = proposed(r);
    // AQE merges the 200 partitions back to ~7.4 MiB tasks: 300 partitions alone change nothing
    assertTrue(
        keys.containsKey("spark.sql.adaptive.advisoryPartitionSizeInBytes"), keys.toString());
    long advisory =
        ByteSizes.parseBytes(keys.get("spark.sql.adaptive.advisoryPartitionSizeInBytes"));
    assertTrue(
        advisory < 101_409_496L / 13, "advisory " + advisory + " must cut the 7.4 MiB tasks");
    // Spark's coalescing never goes below minPartitionSize (1 MB by default in 3.2)
    assertTrue(advisory >= ByteSizes.MIB, "advisory " + advisory);
    // 200 partitions of ~0.5 MB each already start below any advisory size of 1 MiB or more
    assertTrue(!keys.containsKey("spark.sql.shuffle.partitions"), keys.toString());
    // the per-task memory is the block manager's 415,550,668 bytes over 12 task threads
    assertTrue(r.reason().contains("33.0 MiB of execution memory per task"), r.reason());
    assertTrue(r.reason().contains("into 13 tasks"), r.reason());
    // the change is sized: a predicted saving bounded by the measured spill share
    assertTrue(r.impact().known(), r.impact().toString());
  }
}
