package io.github.dgxspark.models.perf;

import static io.github.dgxspark.models.perf.Wording.evidence;

import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.core.ClusterSpec;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Shuffle traffic against the cluster's interconnect during shuffle stages, the remote share
 * (n−1)/n of the shuffle read assumed; it bounds the time of the shuffle stages.
 */
final class NetworkSaturationDetector implements Detector {
  @Override
  public BottleneckKind kind() {
    return BottleneckKind.NETWORK_SATURATION;
  }

  @Override
  public List<Bottleneck> detect(Observation o) {
    if (o.cluster.isEmpty()) {
      return List.of();
    }
    ClusterSpec cluster = o.cluster.get();
    double shuffleMillis = o.stageMillis(Observation.Io.SHUFFLE);
    if (cluster.nodeCount() < 2
        || cluster.interconnectBytesPerSecond() == 0
        || shuffleMillis <= 0) {
      return List.of();
    }
    DetectorSpec spec = spec();
    int nodes = cluster.nodeCount();
    double remote = (double) o.totals.shuffleReadBytes() * (nodes - 1) / nodes;
    double perNode = remote / nodes / (shuffleMillis / 1000.0);
    double use = perNode / cluster.interconnectBytesPerSecond();
    return spec.level(use)
        .map(
            level ->
                List.of(
                    o.finding(
                        spec,
                        level,
                        shuffleMillis,
                        evidence(
                            "networkUtilisationFraction",
                            use,
                            "shuffleBytesPerSecondPerNode",
                            perNode,
                            "interconnectBytesPerSecond",
                            cluster.interconnectBytesPerSecond()),
                        OptionalDouble.empty(),
                        Double.NaN,
                        String.format(
                            Locale.ROOT,
                            "shuffle moved about %s per node per second across %d nodes during"
                                + " shuffle stages, %.0f %% of the %s/s interconnect (remote"
                                + " share (n−1)/n of the shuffle read assumed)",
                            ByteSizes.human((long) perNode),
                            nodes,
                            100 * use,
                            ByteSizes.human(cluster.interconnectBytesPerSecond())))))
        .orElse(List.of());
  }
}
