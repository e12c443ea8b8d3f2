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
  static final String AUTOTUNER_RULES =
      "NVIDIA spark-rapids-tools AutoTuner, core/src/main/scala/com/nvidia/spark/rapids/tool/tuning/AutoTuner.scala"
          + " (commit 002d9302)";
  static final String AUTOTUNER_MEMORY =
      "NVIDIA spark-rapids-tools AutoTuner memory rule, AutoTuner.scala calcOverallMemory, with PR 2076"
          + " (github.com/NVIDIA/spark-rapids-tools/pull/2076: pinned pool cap 4g to 8g)";
  static final String RAPIDS_SHUFFLE =
      "RAPIDS Shuffle Manager, NVIDIA/spark-rapids docs/additional-functionality/rapids-shuffle.md";
  static final String RAPIDS_KRYO =
      "RAPIDS Accelerator on-prem getting started, NVIDIA/spark-rapids docs/get-started/getting-started-on-prem.md"
          + " (with KryoSerializer register GpuKryoRegistrator), and AutoTuner.scala"
          + " recommendKryoSerializerSetting (kryoserializer.buffer.max >= 512m)";
  static final String JVM_OOPS =
      "HotSpot compressed ordinary object pointers apply to heaps below 32 GB (Spark Tuning Guide, memory tuning)";

  static final String SPARK_STREAMING =
      "Apache Spark Structured Streaming Programming Guide,"
          + " spark.apache.org/docs/latest/streaming/apis-on-dataframes-and-datasets.html (RocksDB state"
          + " store implementation; Triggers); apache/spark v4.1.3 SQLConf.scala (spark.sql.shuffle.partitions"
          + " and stateStore.providerClass: 'cannot be changed between query restarts from the same"
          + " checkpoint location'), StreamExecution.scala (runStream sets spark.sql.adaptive.enabled=false"
          + " for the stream's session) and OffsetSeq.scala (OffsetSeqMetadata.relevantSQLConfs)";

  private Sources() {}
}
