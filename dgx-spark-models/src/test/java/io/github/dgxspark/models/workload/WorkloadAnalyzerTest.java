package io.github.dgxspark.models.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.core.ClusterManager;
import io.github.dgxspark.core.ClusterSpec;
import io.github.dgxspark.core.NodeSpec;
import io.github.dgxspark.core.WorkloadType;
import io.github.dgxspark.models.ModelsException;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The text path of the analyzer: classification, extraction, priors and bad input. */
class WorkloadAnalyzerTest {
  private static final ClusterSpec TWO_NODES =
      new ClusterSpec(
          NodeSpec.cpuOnly(64, 512L << 30), 2, 25_000_000_000L, ClusterManager.STANDALONE);

  @Test
  void classify_kafkaReadStreamNotInCorpus_streaming() {
    Classification c =
        WorkloadAnalyzer.classify(
            "val q = spark.readStream.format(\"kafka\").option(\"subscribe\", \"clicks\").load()");
    assertEquals(WorkloadType.STREAMING, c.workloadType());
    assertTrue(c.confidence() > c.runnerUpConfidence());
    assertTrue(c.evidence().stream().anyMatch(e -> e.contains("stream")), c.evidence().toString());
  }

  @Test
  void classify_proseWithFunctionWords_evidenceNamesNoFunctionWord() {
    Classification c =
        WorkloadAnalyzer.classify(
            "read the orders and the customers from the lake, join them on the id and write the"
                + " result to a table for the nightly report");
    assertFalse(c.evidence().isEmpty(), c.toString());
    for (String e : c.evidence()) {
      assertFalse(
          e.matches("(word|phrase) '(the|and|a|to|for|on|from|the and|and the|to a)' .*"), e);
    }
  }

  @Test
  void classify_graphFramesCall_graph() {
    assertEquals(
        WorkloadType.GRAPH,
        WorkloadAnalyzer.classify("GraphFrame(users, follows).connectedComponents().show()")
            .workloadType());
  }

  @Test
  void classify_fitCall_mlTraining() {
    assertEquals(
        WorkloadType.ML_TRAINING,
        WorkloadAnalyzer.classify("rf = RandomForestClassifier(numTrees=100).fit(training)")
            .workloadType());
  }

  @Test
  void classify_wordsUnknownToTheModel_unknownWithLowConfidence() {
    Classification c = WorkloadAnalyzer.classify("zyxq vorpt glimmerwig");
    assertEquals(WorkloadType.UNKNOWN, c.workloadType());
    assertTrue(c.confidence() < 0.5, "confidence " + c.confidence());
  }

  @Test
  void classify_blankText_throwsNamingTheDescription() {
    ModelsException e = assertThrows(ModelsException.class, () -> WorkloadAnalyzer.classify("  "));
    assertTrue(e.getMessage().contains("workload description is empty"));
  }

  @Test
  void parseDataSize_oneTb_isOneTebibyte() {
    assertEquals(ByteSizes.TIB, WorkloadAnalyzer.parseDataSize("1TB").bytes());
    assertEquals(ByteSizes.TIB * 3 / 2, WorkloadAnalyzer.parseDataSize("1.5 TiB").bytes());
    assertEquals(512 * ByteSizes.MIB, WorkloadAnalyzer.parseDataSize("512m").bytes());
  }

  @Test
  void extract_tenTbOfLogs_tenTebibytes() {
    DataSizeFinding d =
        WorkloadAnalyzer.extract("Parse 10 TB of logs every night").dataSize().orElseThrow();
    assertEquals(10 * ByteSizes.TIB, d.bytes());
    assertEquals("10 TB", d.matchedText());
  }

  @Test
  void extract_rowsWithoutWidth_statesTheAssumedRowWidth() {
    DataSizeFinding d =
        WorkloadAnalyzer.extract("join 300 million rows with the customers")
            .dataSize()
            .orElseThrow();
    assertEquals(300_000_000L, d.rows().getAsLong());
    assertEquals(TextExtractor.DEFAULT_ROW_WIDTH_BYTES, d.rowWidthBytes().getAsLong());
    assertEquals(300_000_000L * TextExtractor.DEFAULT_ROW_WIDTH_BYTES, d.bytes());
    assertTrue(d.reason().contains("assuming 128 bytes per row"), d.reason());
  }

  @Test
  void extract_rowsWithStatedWidth_usesIt() {
    DataSizeFinding d = WorkloadAnalyzer.parseDataSize("2 billion records of 200 bytes");
    assertEquals(400_000_000_000L, d.bytes());
  }

  @Test
  void extract_modelSizes_parameterCounts() {
    assertEquals(
        OptionalLong.of(1_000_000_000L),
        WorkloadAnalyzer.extract("fine-tune a model with 1B parameters").modelParameters());
    assertEquals(
        OptionalLong.of(7_000_000_000L),
        WorkloadAnalyzer.extract("serve a 7B model in batch").modelParameters());
  }

  @Test
  void extract_gpuIntentAndOperations_read() {
    ExtractionResult e =
        WorkloadAnalyzer.extract(
            "read parquet, join orders with customers, group by day, write on the H100s");
    assertEquals(GpuIntent.REQUESTED, e.gpuIntent());
    assertEquals(java.util.List.of("read", "join", "aggregate", "write"), e.operations());
    assertEquals(GpuIntent.DECLINED, WorkloadAnalyzer.extract("CPU only please").gpuIntent());
    assertEquals(GpuIntent.UNSTATED, WorkloadAnalyzer.extract("sort the table").gpuIntent());
  }

  @Test
  void extract_unknownUnit_throwsNamingTheUnit() {
    ModelsException e =
        assertThrows(ModelsException.class, () -> WorkloadAnalyzer.extract("scan 10 XB of data"));
    assertTrue(e.getMessage().contains("unknown unit 'XB'"), e.getMessage());
  }

  @Test
  void extract_negativeSize_throws() {
    assertThrows(ModelsException.class, () -> WorkloadAnalyzer.extract("process -5 TB"));
    assertThrows(ModelsException.class, () -> WorkloadAnalyzer.parseDataSize("-5 TB"));
    assertThrows(ModelsException.class, () -> WorkloadAnalyzer.parseDataSize("lots"));
    assertThrows(ModelsException.class, () -> WorkloadAnalyzer.parseDataSize(""));
  }

  @Test
  void ioPattern_graphPrior_shuffleHeavyAndNetworkTimed() {
    IoPatternReport io = WorkloadAnalyzer.ioPattern(WorkloadType.GRAPH, ByteSizes.TIB, TWO_NODES);
    assertEquals(IoPatternReport.Phase.SHUFFLE, io.dominant());
    assertTrue(io.shuffleHeavy());
    assertTrue(io.networkTime().toMillis() > 0);
    assertTrue(!io.measured());
  }

  @Test
  void ioPattern_sqlPrior_scanHeavy() {
    IoPatternReport io =
        WorkloadAnalyzer.ioPattern(WorkloadType.SQL_ANALYTICS, ByteSizes.TIB, TWO_NODES);
    assertEquals(IoPatternReport.Phase.SCAN, io.dominant());
    assertTrue(io.scanHeavy());
    assertThrows(
        ModelsException.class, () -> WorkloadAnalyzer.ioPattern(WorkloadType.ETL, -1, TWO_NODES));
  }

  @Test
  void gpuSuitability_largeModel_upperHalfOfTheClassRange() {
    GpuSuitabilityReport small =
        WorkloadAnalyzer.gpuSuitability(WorkloadType.ML_TRAINING, OptionalLong.empty());
    GpuSuitabilityReport large =
        WorkloadAnalyzer.gpuSuitability(WorkloadType.ML_TRAINING, OptionalLong.of(7_000_000_000L));
    assertTrue(large.speedupLow() > small.speedupLow());
    assertEquals(small.speedupHigh(), large.speedupHigh(), 1e-12);
  }

  @Test
  void analyze_description_combinesEverything() {
    WorkloadAnalysis a =
        WorkloadAnalyzer.analyze(
            "Nightly job: dedupe 2 TB of events and write Delta tables", TWO_NODES);
    assertEquals(WorkloadType.ETL, a.classification().workloadType());
    assertEquals(2 * ByteSizes.TIB, a.ioPattern().inputBytes());
    assertTrue(a.intensity().lowNanosPerInputByte() < a.intensity().highNanosPerInputByte());
  }
}
