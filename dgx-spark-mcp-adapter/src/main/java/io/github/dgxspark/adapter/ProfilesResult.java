package io.github.dgxspark.adapter;

import io.github.dgxspark.core.NodeSpec;
import io.github.dgxspark.hardware.HardwareProfile;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The answer of {@link Operations#profiles}: {@code {"profiles":[{"name","title","gpuCount",
 * "gpuName",...}]}}.
 *
 * @param profiles the built-in profiles
 */
public record ProfilesResult(List<Summary> profiles) {
  // Copies the list.
  public ProfilesResult {
    profiles = List.copyOf(profiles);
  }

  /**
   * One profile in short.
   *
   * @param name its name
   * @param title the system's name
   * @param gpuCount GPUs per node
   * @param gpuName the GPU's name, empty without a GPU
   * @param gpuMemoryBytes memory of the smallest GPU
   * @param logicalCores logical cores per node
   * @param memoryBytes host memory per node
   * @param unifiedMemory true when CPU and GPU share memory
   * @param interconnectBytesPerSecond the network between nodes
   */
  public record Summary(
      String name,
      String title,
      int gpuCount,
      String gpuName,
      long gpuMemoryBytes,
      int logicalCores,
      long memoryBytes,
      boolean unifiedMemory,
      long interconnectBytesPerSecond) {
    // Checks the fields.
    public Summary {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(gpuName, "gpuName");
    }

    static Summary of(HardwareProfile p) {
      NodeSpec n = p.node();
      return new Summary(
          p.name(),
          p.title(),
          n.gpuCount(),
          n.gpuCount() > 0 ? n.gpus().get(0).name() : "",
          n.minGpuMemoryBytes(),
          n.logicalCores(),
          n.memoryBytes(),
          n.unifiedMemory(),
          p.interconnectBytesPerSecond());
    }
  }

  /**
   * One profile in full, with the sources of its figures: the summary's fields and {@code node},
   * {@code sources}, {@code notes}.
   *
   * @param name its name
   * @param title the system's name
   * @param gpuCount GPUs per node
   * @param gpuName the GPU's name, empty without a GPU
   * @param gpuMemoryBytes memory of the smallest GPU
   * @param logicalCores logical cores per node
   * @param memoryBytes host memory per node
   * @param unifiedMemory true when CPU and GPU share memory
   * @param interconnectBytesPerSecond the network between nodes
   * @param node the node
   * @param sources figure → its source
   * @param notes what the figures assume
   */
  public record Detail(
      String name,
      String title,
      int gpuCount,
      String gpuName,
      long gpuMemoryBytes,
      int logicalCores,
      long memoryBytes,
      boolean unifiedMemory,
      long interconnectBytesPerSecond,
      HardwareResult.Node node,
      Map<String, String> sources,
      List<String> notes) {
    // Checks the fields and copies the collections.
    public Detail {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(node, "node");
      sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
      notes = List.copyOf(notes);
    }

    static Detail of(HardwareProfile p) {
      Summary s = Summary.of(p);
      return new Detail(
          s.name(),
          s.title(),
          s.gpuCount(),
          s.gpuName(),
          s.gpuMemoryBytes(),
          s.logicalCores(),
          s.memoryBytes(),
          s.unifiedMemory(),
          s.interconnectBytesPerSecond(),
          HardwareResult.Node.of(p.node()),
          p.sources(),
          p.notes());
    }
  }
}
