package io.github.dgxspark.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SparkKeyTableTest {
  @Test
  void exists_perResourceKeys_fromSpark3() {
    // Spark reads spark.{executor,driver,task,worker}.resource.<any name>.* from 3.0.0
    // (ResourceUtils.scala, v3.0.0)
    SparkVersion v331 = SparkVersion.parse("3.3.1");
    assertTrue(SparkSemantics.exists("spark.executor.resource.gpu.amount", v331));
    assertTrue(SparkSemantics.exists("spark.task.resource.gpu.amount", v331));
    assertTrue(SparkSemantics.exists("spark.worker.resource.gpu.discoveryScript", v331));
    assertTrue(SparkSemantics.exists("spark.executor.resource.fpga.vendor", v331));
    assertFalse(
        SparkSemantics.exists("spark.executor.resource.gpu.amount", SparkVersion.parse("2.4.8")));
    assertFalse(SparkSemantics.exists("spark.executor.resource.gpu.nosuchfield", v331));
  }
}
