package io.github.dgxspark.benchmarks.harness;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rand;
import static org.apache.spark.sql.functions.when;

import io.github.dgxspark.core.WorkloadType;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * ML training: MLlib logistic regression (20 iterations, L-BFGS) on generated rows of 10 features
 * whose label is a noisy linear function of them. Scale 1 = 400,000 rows.
 */
final class MlTrainingWorkload implements SparkWorkload {
  static final long BASE_ROWS = 400_000;
  static final int FEATURES = 10;
  private static final long BYTES_PER_ROW = 8L * (FEATURES + 1);

  @Override
  public WorkloadType type() {
    return WorkloadType.ML_TRAINING;
  }

  @Override
  public long inputBytes(double scale) {
    return SparkWorkload.rows(BASE_ROWS, scale) * BYTES_PER_ROW;
  }

  @Override
  public WorkloadOutcome run(SparkSession spark, double scale, Path workDir) {
    long rows = SparkWorkload.rows(BASE_ROWS, scale);
    Dataset<Row> data = spark.range(rows).toDF();
    String[] names = new String[FEATURES];
    Column score = lit(0.0);
    for (int i = 0; i < FEATURES; i++) {
      names[i] = "x" + i;
      data = data.withColumn(names[i], rand(100 + i).minus(0.5));
      score = score.plus(col(names[i]).multiply(i % 2 == 0 ? i + 1 : -(i + 1)));
    }
    data =
        data.withColumn(
            "label", when(score.plus(rand(99).minus(0.5)).gt(0), lit(1.0)).otherwise(lit(0.0)));
    Dataset<Row> features =
        new VectorAssembler().setInputCols(names).setOutputCol("features").transform(data).cache();
    LogisticRegressionModel model =
        new LogisticRegression().setMaxIter(20).setRegParam(0.001).fit(features);
    double accuracy = model.summary().accuracy();
    features.unpersist();
    return new WorkloadOutcome(
        rows,
        Map.of("accuracy", accuracy, "iterations", (double) model.summary().totalIterations()));
  }
}
