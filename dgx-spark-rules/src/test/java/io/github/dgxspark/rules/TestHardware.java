package io.github.dgxspark.rules;

import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.core.ClusterManager;
import io.github.dgxspark.core.ClusterSpec;
import io.github.dgxspark.core.GpuSpec;
import io.github.dgxspark.core.NicSpec;
import io.github.dgxspark.core.NodeSpec;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * DGX-like nodes built directly from published specifications (the NVIDIA DGX user guides and
 * datasheets that data/hardware-profiles cites), for tests; the hardware module owns the real
 * profiles.
 */
public final class TestHardware {
  private TestHardware() {}

  private static List<NicSpec> ib(int n, long bytesPerSecond) {
    return IntStream.range(0, n)
        .mapToObj(i -> new NicSpec("mlx5_" + i, NicSpec.Kind.INFINIBAND, bytesPerSecond))
        .toList();
  }

  /** DGX H100: 8 × H100 80 GB (81559 MiB), 2 × 56 cores / 224 threads, 2 TiB, 8 × 400 Gb/s IB. */
  public static final NodeSpec DGX_H100 =
      new NodeSpec(
          "Intel Xeon Platinum 8480C",
          224,
          112,
          2,
          2,
          2 * ByteSizes.TIB,
          Collections.nCopies(
              8, new GpuSpec("NVIDIA H100 80GB HBM3", 81559 * ByteSizes.MIB, "9.0", 18)),
          false,
          450_000_000_000L,
          ib(8, 50_000_000_000L));

  /** DGX A100 (640 GB): 8 × A100 80 GB, 2 × 64 cores / 256 threads, 2 TiB, 8 × 200 Gb/s IB. */
  public static final NodeSpec DGX_A100 =
      new NodeSpec(
          "AMD EPYC 7742 64-Core Processor",
          256,
          128,
          2,
          8,
          2 * ByteSizes.TIB,
          Collections.nCopies(
              8, new GpuSpec("NVIDIA A100-SXM4-80GB", 81920 * ByteSizes.MIB, "8.0", 12)),
          false,
          300_000_000_000L,
          ib(8, 25_000_000_000L));

  /** DGX-1: 8 × V100 32 GB, 2 × 20 cores / 80 threads, 512 GB (OS: ~503 GiB), 4 × 100 Gb/s IB. */
  public static final NodeSpec DGX_1 =
      new NodeSpec(
          "Intel Xeon E5-2698 v4",
          80,
          40,
          2,
          2,
          503 * ByteSizes.GIB,
          Collections.nCopies(
              8, new GpuSpec("Tesla V100-SXM2-32GB", 32510 * ByteSizes.MIB, "7.0", 6)),
          false,
          150_000_000_000L,
          ib(4, 12_500_000_000L));

  /**
   * DGX Spark (GB10): 20 Arm cores, 128 GB unified memory (OS: ~119.7 GiB), 1 GPU, 2 × 200 Gb/s
   * RoCE.
   */
  public static final NodeSpec GB10 =
      new NodeSpec(
          "",
          20,
          20,
          1,
          1,
          119 * ByteSizes.GIB + 700 * ByteSizes.MIB,
          List.of(new GpuSpec("NVIDIA GB10", 119 * ByteSizes.GIB + 700 * ByteSizes.MIB, "12.1", 0)),
          true,
          0,
          List.of(
              new NicSpec("rocep1s0f0", NicSpec.Kind.ROCE, 25_000_000_000L),
              new NicSpec("rocep1s0f1", NicSpec.Kind.ROCE, 25_000_000_000L)));

  /** A CPU-only server: 64 threads, 256 GiB, one 25 GbE port. */
  public static final NodeSpec CPU_64 =
      new NodeSpec(
          "AMD EPYC 7543",
          64,
          32,
          1,
          1,
          256 * ByteSizes.GIB,
          List.of(),
          false,
          0,
          List.of(new NicSpec("eth0", NicSpec.Kind.ETHERNET, 3_125_000_000L)));

  /** Nodes by the names the rule case files use. */
  public static final Map<String, NodeSpec> NODES =
      Map.of(
          "dgx-h100",
          DGX_H100,
          "dgx-a100",
          DGX_A100,
          "dgx-1",
          DGX_1,
          "gb10",
          GB10,
          "cpu-64",
          CPU_64);

  /**
   * A cluster of a named node.
   *
   * @param node a key of {@link #NODES}
   * @param nodes node count
   * @param manager cluster manager name
   * @return the cluster
   */
  public static ClusterSpec cluster(String node, int nodes, String manager) {
    NodeSpec n = NODES.get(node);
    if (n == null) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT, "unknown test node '%s'; expected one of %s", node, NODES.keySet()));
    }
    return ClusterSpec.of(n, nodes, ClusterManager.parse(manager));
  }
}
