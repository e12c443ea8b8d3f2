package io.github.dgxspark.benchmarks.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks that a workload's outcome is right, from its definition rather than from a recording. */
final class Checks {
  private Checks() {}

  /**
   * Asserts the outcome of a workload run at a scale.
   *
   * @param workload the workload
   * @param scale the scale it ran at
   * @param o its outcome
   */
  static void outcome(SparkWorkload workload, double scale, WorkloadOutcome o) {
    switch (workload.type()) {
      case ETL:
        assertEquals(EtlWorkload.REGIONS, o.figure("regions"), 0);
        assertEquals(SparkWorkload.rows(EtlWorkload.BASE_ROWS, scale), o.figure("rowsWritten"), 0);
        break;
      case SQL_ANALYTICS:
        // Q1 groups by return flag (R, A, N) and line status (O, F): 6 groups
        assertEquals(6, o.figure("q1Groups"), 0);
        assertEquals(10, o.figure("q3Rows"), 0);
        assertTrue(o.figure("q6Revenue") > 0);
        assertEquals(20, o.figure("q10Rows"), 0);
        break;
      case ML_TRAINING:
        assertTrue(o.figure("accuracy") > 0.8, "accuracy " + o.figure("accuracy"));
        break;
      case STREAMING:
        assertTrue(o.figure("batches") >= StreamingWorkload.BATCHES);
        assertEquals(StreamingWorkload.KEYS, o.figure("keys"), 0);
        assertTrue(o.inputRows() >= StreamingWorkload.BATCHES * o.figure("rowsPerBatch"));
        break;
      case GRAPH:
        // PageRank (not normalised) keeps the rank sum at about the vertex count
        assertEquals(o.figure("vertices"), o.figure("rankSum"), 0.05 * o.figure("vertices"));
        assertTrue(o.figure("components") >= 1 && o.figure("components") <= o.figure("vertices"));
        break;
      default:
        throw new AssertionError("no check for " + workload.type());
    }
  }
}
