package io.github.dgxspark.hardware;

import io.github.dgxspark.core.ClusterManager;
import io.github.dgxspark.core.ClusterSpec;
import io.github.dgxspark.core.NodeSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A built-in DGX system: its node, its cluster fabric, power and local storage, with the source of
 * every figure. Loaded from {@code data/hardware-profiles/NAME.json} by {@link HardwareProfiles}.
 *
 * @param name the public name, e.g. {@code dgx-h100}; never renamed
 * @param title the product name, e.g. {@code NVIDIA DGX H100}
 * @param node one system as the optimizer sees it
 * @param interconnectBytesPerSecond the node's compute-fabric bandwidth to other nodes in bytes per
 *     second (8 × 400 Gb/s NDR InfiniBand on a DGX H100 = 400,000,000,000 B/s); storage and
 *     management ports are not counted
 * @param gpuPowerWatts the power of one GPU in watts (TDP), 0 when not published
 * @param systemPowerWatts the maximum power of the whole system in watts, 0 when not published
 * @param localStorageBytes the local data NVMe capacity in bytes (decimal TB as published), 0 when
 *     not published
 * @param localStorageReadBytesPerSecond a rough sequential read rate of that storage in bytes per
 *     second (an estimate, see its source), 0 when unknown
 * @param sources where each group of figures comes from, keyed {@code cpu}, {@code memory}, {@code
 *     gpu}, {@code nvlink}, {@code network}, {@code power}, {@code storage}
 * @param notes remarks on the profile (variants, estimates)
 */
public record HardwareProfile(
    String name,
    String title,
    NodeSpec node,
    long interconnectBytesPerSecond,
    double gpuPowerWatts,
    double systemPowerWatts,
    long localStorageBytes,
    long localStorageReadBytesPerSecond,
    Map<String, String> sources,
    List<String> notes) {

  /** The keys every profile's {@link #sources()} has, in this order. */
  public static final List<String> SOURCE_KEYS =
      List.of("cpu", "memory", "gpu", "nvlink", "network", "power", "storage");

  // Checks the fields and copies the collections (keeping the source order).
  public HardwareProfile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(sources, "sources");
    notes = List.copyOf(notes);
    sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    if (interconnectBytesPerSecond < 0
        || gpuPowerWatts < 0
        || systemPowerWatts < 0
        || localStorageBytes < 0
        || localStorageReadBytesPerSecond < 0) {
      throw new HardwareException(
          "hardware profile '"
              + name
              + "' has a negative interconnect, power or storage figure; expected 0 or more");
    }
    for (String key : SOURCE_KEYS) {
      String source = sources.get(key);
      if (source == null || source.isBlank()) {
        throw new HardwareException(
            "hardware profile '"
                + name
                + "' has no source for '"
                + key
                + "'; expected a citation for each of "
                + SOURCE_KEYS);
      }
    }
  }

  /**
   * N nodes of this profile joined by its compute fabric.
   *
   * @param nodeCount how many nodes, 1 or more
   * @param manager the cluster manager
   * @return the cluster, with {@link #interconnectBytesPerSecond()} as its interconnect
   * @throws io.github.dgxspark.core.DgxSparkException if nodeCount is below 1, or above 1 with
   *     {@link ClusterManager#LOCAL}
   */
  public ClusterSpec cluster(int nodeCount, ClusterManager manager) {
    return new ClusterSpec(node, nodeCount, interconnectBytesPerSecond, manager);
  }

  /**
   * This profile as a hardware report (origin {@code profile:NAME}), for callers that treat probed,
   * pasted and built-in hardware alike.
   *
   * @return the report, its notes saying the figures are published ones
   */
  public HardwareReport report() {
    List<String> all =
        new ArrayList<>(
            List.of("published figures of " + title + " (built-in profile " + name + ")"));
    all.addAll(notes);
    return Nodes.report(node, "profile:" + name, all);
  }
}
