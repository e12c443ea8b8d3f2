package io.github.dgxspark.models.workload;

import java.time.Duration;
import java.util.Objects;

/**
 * How a job moves data: bytes read, shuffled and written, which dominates, and the time those bytes
 * need on the cluster's disks and network.
 *
 * @param inputBytes bytes read from storage
 * @param shuffleBytes bytes shuffled (written by map tasks and read back by reduce tasks)
 * @param outputBytes bytes written to storage
 * @param dominant which of the three is largest
 * @param scanHeavy true when reading is more than half the bytes moved
 * @param shuffleHeavy true when shuffling is more than half the bytes moved
 * @param writeHeavy true when writing is more than half the bytes moved
 * @param diskTime time on the nodes' local disks: input read, output written, shuffle written and
 *     read back, spread over all nodes at their sequential read rate
 * @param networkTime time on the interconnect: the share of shuffle that crosses nodes ((n − 1) / n
 *     of it) over the per-node interconnect bandwidth; zero on one node
 * @param measured true when the bytes come from an event log, false when they are class priors
 * @param reason how the figures were obtained, with the assumptions
 * @param source where bandwidths and ratios come from
 */
public record IoPatternReport(
    long inputBytes,
    long shuffleBytes,
    long outputBytes,
    Phase dominant,
    boolean scanHeavy,
    boolean shuffleHeavy,
    boolean writeHeavy,
    Duration diskTime,
    Duration networkTime,
    boolean measured,
    String reason,
    String source) {

  /** A kind of data movement. */
  public enum Phase {
    /** Reading input. */
    SCAN,
    /** Shuffling between stages. */
    SHUFFLE,
    /** Writing output. */
    WRITE
  }

  // Checks the fields.
  public IoPatternReport {
    Objects.requireNonNull(dominant, "dominant");
    Objects.requireNonNull(diskTime, "diskTime");
    Objects.requireNonNull(networkTime, "networkTime");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(source, "source");
    if (inputBytes < 0 || shuffleBytes < 0 || outputBytes < 0) {
      throw new IllegalArgumentException("byte counts must not be negative");
    }
  }
}
