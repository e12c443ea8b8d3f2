package io.github.dgxspark.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RapidsAcceleratorTest {
  /**
   * Class names as real logs configure them: gds_ucx_eventlog (Spark 3.1.1, plugin 21.08) sets
   * {@code com.nvidia.spark.rapids.spark311.RapidsShuffleManager}; the plugin's Databricks shims
   * are named {@code spark<ver>db} (NVIDIA/spark-rapids
   * docs/additional-functionality/rapids-shuffle.md).
   */
  @Test
  void isShuffleManagerFor_olderReleaseThePluginNoLongerSupports_isRecognised() {
    SparkVersion v311 = SparkVersion.parse("3.1.1");
    assertFalse(RapidsAccelerator.supports(v311));
    assertTrue(
        RapidsAccelerator.isShuffleManagerFor(
            " com.nvidia.spark.rapids.spark311.RapidsShuffleManager ", v311));
    assertTrue(
        RapidsAccelerator.isShuffleManagerFor(
            "com.nvidia.spark.rapids.spark311db.RapidsShuffleManager", v311));
  }

  @Test
  void isShuffleManagerFor_otherReleasesShimOrOtherClass_isNot() {
    SparkVersion v331 = SparkVersion.parse("3.3.1");
    assertFalse(
        RapidsAccelerator.isShuffleManagerFor(
            "com.nvidia.spark.rapids.spark330.RapidsShuffleManager", v331));
    assertFalse(
        RapidsAccelerator.isShuffleManagerFor(
            "org.apache.spark.shuffle.sort.SortShuffleManager", v331));
    assertFalse(RapidsAccelerator.isShuffleManagerFor("sort", v331));
  }

  @Test
  void shuffleManagerClass_unsupportedRelease_namesTheSupportedOnes() {
    DgxSparkException e =
        assertThrows(
            DgxSparkException.class,
            () -> RapidsAccelerator.shuffleManagerClass(SparkVersion.parse("3.1.1")));
    assertTrue(e.getMessage().startsWith("Spark 3.1.1 is not supported"), e.getMessage());
  }

  /** The class name the RAPIDS docs give for Spark 3.5.1 (rapids-shuffle.md, "spark351"). */
  @Test
  void shuffleManagerClass_supportedRelease_isItsShimsManagerAndRecognised() {
    SparkVersion v351 = SparkVersion.parse("3.5.1");
    String cls = RapidsAccelerator.shuffleManagerClass(v351);
    assertEquals("com.nvidia.spark.rapids.spark351.RapidsShuffleManager", cls);
    assertTrue(RapidsAccelerator.isShuffleManagerFor(cls, v351), cls);
  }
}
