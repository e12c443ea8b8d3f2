package io.github.dgxspark.benchmarks.harness;

import io.github.dgxspark.core.WorkloadType;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.graphx.Graph;
import org.apache.spark.graphx.util.GraphGenerators;
import org.apache.spark.sql.SparkSession;

/**
 * Graph: GraphX on a generated log-normal out-degree graph (GraphX's own generator): 10 iterations
 * of PageRank and connected components. Scale 1 = 50,000 vertices (about 10 edges each).
 */
final class GraphWorkload implements SparkWorkload {
  static final int BASE_VERTICES = 50_000;
  static final int ITERATIONS = 10;
  private static final long BYTES_PER_VERTEX = 10 * 24;

  @Override
  public WorkloadType type() {
    return WorkloadType.GRAPH;
  }

  @Override
  public long inputBytes(double scale) {
    return SparkWorkload.rows(BASE_VERTICES, scale) * BYTES_PER_VERTEX;
  }

  @Override
  public WorkloadOutcome run(SparkSession spark, double scale, Path workDir) {
    int vertices = (int) SparkWorkload.rows(BASE_VERTICES, scale);
    int parts = spark.sparkContext().defaultParallelism();
    Graph<Object, Object> graph =
        GraphGenerators.logNormalGraph(spark.sparkContext(), vertices, parts, 2.0, 1.0, 42L);
    long edges = graph.edges().count();
    Graph<Object, Object> ranks = graph.ops().staticPageRank(ITERATIONS, 0.15);
    double rankSum =
        ranks.vertices().toJavaRDD().mapToDouble(v -> ((Number) v._2()).doubleValue()).sum();
    Graph<Object, Object> components = graph.ops().connectedComponents();
    long componentCount = components.vertices().toJavaRDD().map(v -> v._2()).distinct().count();
    return new WorkloadOutcome(
        vertices + edges,
        Map.of(
            "vertices", (double) vertices,
            "edges", (double) edges,
            "rankSum", rankSum,
            "components", (double) componentCount));
  }
}
