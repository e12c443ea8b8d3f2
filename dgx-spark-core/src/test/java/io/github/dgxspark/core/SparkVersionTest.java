package io.github.dgxspark.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SparkVersionTest {
  @Test
  void parse_vendorAndSnapshotSuffixes_areDropped() {
    assertEquals(new SparkVersion(3, 5, 1), SparkVersion.parse("3.5.1"));
    assertEquals(new SparkVersion(3, 3, 0), SparkVersion.parse("3.3.0-amzn-1"));
    assertEquals(new SparkVersion(4, 1, 0), SparkVersion.parse("4.1.0-SNAPSHOT"));
    assertEquals(new SparkVersion(2, 2, 3), SparkVersion.parse("2.2.3"));
    assertEquals(new SparkVersion(3, 2, 0), SparkVersion.parse("3.2"));
    assertEquals(new SparkVersion(3, 1, 2), SparkVersion.parse("3.1.2.3.1.7270.0-253"));
  }

  @Test
  void parse_junk_isRejectedWithOneLine() {
    for (String bad : new String[] {"", "3", "x.y", "three", "3.x.1", "-1.2"}) {
      DgxSparkException e = assertThrows(DgxSparkException.class, () -> SparkVersion.parse(bad));
      assertTrue(e.getMessage().contains("expected major.minor"), e.getMessage());
      assertFalse(e.getMessage().contains("\n"));
    }
  }

  @Test
  void atLeast_comparesMajorThenMinor() {
    assertTrue(SparkVersion.parse("3.2.0").atLeast(3, 2));
    assertFalse(SparkVersion.parse("3.1.9").atLeast(3, 2));
    assertTrue(SparkVersion.parse("4.0.0").atLeast(3, 9));
    assertEquals("3.5.1", SparkVersion.parse("3.5.1-amzn-0").toString());
  }
}
