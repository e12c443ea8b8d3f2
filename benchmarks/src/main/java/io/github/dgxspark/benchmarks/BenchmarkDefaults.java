package io.github.dgxspark.benchmarks;

import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.core.ClusterManager;
import io.github.dgxspark.core.ClusterSpec;
import io.github.dgxspark.core.GpuSpec;
import io.github.dgxspark.core.NodeSpec;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The settings every benchmark of this project shares: average time per call in microseconds, 3
 * warm-up and 5 measured iterations of 1 second, one fork. A benchmark class extends this and
 * overrides an annotation only with a reason in its javadoc.
 *
 * <p>Run all: {@code ./mvnw -B -q -DskipTests package -pl benchmarks -am && java -jar
 * benchmarks/target/benchmarks.jar}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public abstract class BenchmarkDefaults {
  /**
   * A cluster of DGX H100-shaped nodes on standalone: 8 × H100 80 GB (NVLink 450 GB/s per GPU), 112
   * cores / 224 threads on 2 sockets, 2 TiB, nodes joined at 400 GB/s.
   *
   * @param nodes how many nodes, 1 or more
   * @return the cluster
   */
  protected static ClusterSpec dgxH100Cluster(int nodes) {
    GpuSpec h100 = new GpuSpec("NVIDIA H100 80GB HBM3", 81559 * ByteSizes.MIB, "9.0", 18);
    NodeSpec node =
        new NodeSpec(
            "Intel Xeon Platinum 8480C",
            224,
            112,
            2,
            2,
            2 * ByteSizes.TIB,
            Collections.nCopies(8, h100),
            false,
            450_000_000_000L,
            List.of());
    return new ClusterSpec(node, nodes, 400_000_000_000L, ClusterManager.STANDALONE);
  }
}
