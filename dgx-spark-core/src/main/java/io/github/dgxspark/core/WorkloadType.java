package io.github.dgxspark.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The fixed workload taxonomy. Its ids ({@code etl}, {@code sql-analytics}, ...) are a public
 * contract.
 */
public enum WorkloadType {
  /** Extract, transform, load: scans, joins, aggregations and writes of large data. */
  ETL("etl"),
  /** Interactive or batch SQL analytics: scans, joins and aggregations, little written back. */
  SQL_ANALYTICS("sql-analytics"),
  /** Training a model (MLlib, XGBoost, deep learning fed by Spark). */
  ML_TRAINING("ml-training"),
  /** Scoring or batch inference with a trained model. */
  ML_INFERENCE("ml-inference"),
  /** Structured Streaming or DStreams: micro-batches over an unbounded source. */
  STREAMING("streaming"),
  /** Graph processing (GraphX, GraphFrames). */
  GRAPH("graph"),
  /** Nothing in the input tells what the workload is. */
  UNKNOWN("unknown");

  private final String id;

  WorkloadType(String id) {
    this.id = id;
  }

  /**
   * The public id of this type.
   *
   * @return e.g. {@code sql-analytics}
   */
  public String id() {
    return id;
  }

  /**
   * Parses a public id (case-insensitive; underscores are read as hyphens).
   *
   * @param text the id, e.g. {@code ml-training}
   * @return the workload type
   * @throws DgxSparkException if the id is not in the taxonomy
   */
  public static WorkloadType parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (WorkloadType w : values()) {
      if (w.id.equals(t)) {
        return w;
      }
    }
    throw new DgxSparkException(
        String.format(
            Locale.ROOT,
            "workload type '%s' is not known; expected one of %s",
            text,
            Arrays.stream(values()).map(WorkloadType::id).collect(Collectors.joining(", "))));
  }
}
