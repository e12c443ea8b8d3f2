package io.github.dgxspark.core;

/** Citations for numbers that come from outside this project: public documents, pages and code. */
final class Sources {
  static final String SPARK_CONFIG =
      "Apache Spark Configuration page, spark.apache.org/docs/latest/configuration.html";
  static final String SPARK_TUNING =
      "Apache Spark Tuning Guide, spark.apache.org/docs/latest/tuning.html";
  static final String CLOUDERA =
      "Cloudera, How-to: Tune Your Apache Spark Jobs (Part 2), Sandy Ryza, 2015,"
          + " blog.cloudera.com/how-to-tune-your-apache-spark-jobs-part-2";
  static final String RAPIDS_TUNING =
      "RAPIDS Accelerator for Apache Spark Tuning Guide, nvidia.github.io/spark-rapids/docs/tuning-guide.html";
  static final String RAPIDS_CONFIGS =
      "RAPIDS Accelerator configuration reference, NVIDIA/spark-rapids docs/configs.md";
  static final String RAPIDS_GETTING_STARTED =
      "RAPIDS Accelerator on-prem getting started (GPU scheduling, getGpusResources.sh), NVIDIA/spark-rapids docs";
  static final String AUTOTUNER =
      "NVIDIA spark-rapids-tools AutoTuner defaults, core/src/main/resources/bootstrap/tuningConfigs.yaml";
  static final String JVM_OOPS =
      "HotSpot compressed ordinary object pointers apply to heaps below 32 GB (Spark Tuning Guide, memory tuning)";

  private Sources() {}
}
