package io.github.dgxspark.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FilePartitionMathTest {
  private static final long MIB = 1024L * 1024;

  @Test
  void maxSplitBytes_largeScan_cappedByMaxPartitionBytes() {
    // 177 GiB on 32 slots is 5.5 GiB per slot: the 10 GiB setting does not bind, 512 MiB does
    long total = 177L * 1024 * MIB;
    assertEquals(total / 32, FilePartitionMath.maxSplitBytes(10L * 1024 * MIB, 4 * MIB, total, 32));
    assertEquals(512 * MIB, FilePartitionMath.maxSplitBytes(512 * MIB, 4 * MIB, total, 32));
  }

  @Test
  void maxSplitBytes_smallScan_bytesPerSlotWhateverTheSetting() {
    // 250 MiB on 4 slots: 62.5 MiB per slot under both 2g and 512m (issue 17's no-op example)
    long total = 250 * MIB;
    assertEquals(total / 4, FilePartitionMath.maxSplitBytes(2048 * MIB, 4 * MIB, total, 4));
    assertEquals(total / 4, FilePartitionMath.maxSplitBytes(512 * MIB, 4 * MIB, total, 4));
  }

  @Test
  void maxSplitBytes_tinyScan_openCostIsTheFloor() {
    assertEquals(4 * MIB, FilePartitionMath.maxSplitBytes(128 * MIB, 4 * MIB, 10 * MIB, 64));
  }

  @Test
  void maxSplitBytes_badInput_oneLineNamingTheValues() {
    DgxSparkException e =
        assertThrows(
            DgxSparkException.class,
            () -> FilePartitionMath.maxSplitBytes(128 * MIB, 4 * MIB, 10 * MIB, 0));
    assertTrue(e.getMessage().contains("minPartitionNum 0"), e.getMessage());
  }
}
