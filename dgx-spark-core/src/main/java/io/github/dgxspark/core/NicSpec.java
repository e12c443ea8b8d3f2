package io.github.dgxspark.core;

import java.util.Objects;

/**
 * One network port of a node.
 *
 * @param name the device name, e.g. {@code mlx5_0} or {@code enp1s0f0}
 * @param kind the link layer
 * @param speedBytesPerSecond the link rate in bytes per second (400 Gb/s = 50,000,000,000 B/s); 0
 *     when unknown
 */
public record NicSpec(String name, Kind kind, long speedBytesPerSecond) {
  /** The link layer of a port. */
  public enum Kind {
    /** Plain Ethernet. */
    ETHERNET,
    /** InfiniBand. */
    INFINIBAND,
    /** RDMA over Converged Ethernet. */
    ROCE
  }

  // Checks the fields.
  public NicSpec {
    Checks.nonBlank("NIC name", name);
    Objects.requireNonNull(kind, "kind");
    Checks.nonNegative("NIC speedBytesPerSecond", speedBytesPerSecond);
  }
}
