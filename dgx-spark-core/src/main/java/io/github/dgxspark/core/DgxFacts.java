package io.github.dgxspark.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The facts of NVIDIA DGX systems and their GPUs ({@code data/dgx-systems.json}), and the one
 * matcher of GPU names: hardware profiles, workload and cost estimates and qualification all ask
 * here.
 *
 * <pre>{@code
 * DgxFacts.gpu("NVIDIA A100-SXM4-80GB").orElseThrow().name();   // "A100 80 GB"
 * DgxFacts.system(node).map(DgxFacts.DgxSystem::profile);       // e.g. "dgx-a100-640"
 * }</pre>
 */
public final class DgxFacts {
  private static final String FILE = "dgx-systems.json";
  private static final List<GpuModel> GPUS = gpus(DataFiles.read(FILE));
  private static final List<DgxSystem> SYSTEMS = systems(DataFiles.read(FILE));

  private DgxFacts() {}

  /**
   * One GPU model of the table.
   *
   * @param name the table's name, e.g. {@code A100 80 GB}
   * @param family the family the generation factor reports, e.g. {@code A100}
   * @param memoryBytes its memory; for unified memory the whole shared memory
   * @param unifiedMemory true when the GPU has no memory of its own (GB10)
   * @param computeCapability the CUDA compute capability, e.g. {@code 9.0}
   * @param memoryBandwidthGigabytesPerSecond the datasheet memory bandwidth, when known
   * @param concurrentGpuTasks the RAPIDS starting value of {@code
   *     spark.rapids.sql.concurrentGpuTasks} that follows from the memory
   * @param source where the figures come from
   */
  public record GpuModel(
      String name,
      String family,
      long memoryBytes,
      boolean unifiedMemory,
      String computeCapability,
      OptionalDouble memoryBandwidthGigabytesPerSecond,
      int concurrentGpuTasks,
      String source) {
    // Checks the fields.
    public GpuModel {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(family, "family");
      Objects.requireNonNull(computeCapability, "computeCapability");
      Objects.requireNonNull(
          memoryBandwidthGigabytesPerSecond, "memoryBandwidthGigabytesPerSecond");
      Objects.requireNonNull(source, "source");
    }
  }

  /**
   * One DGX system: the node of a built-in hardware profile.
   *
   * @param profile the hardware profile name, e.g. {@code dgx-h100}
   * @param name the system's name, e.g. {@code NVIDIA DGX H100}
   * @param gpus the GPU models (table names) it carries
   * @param gpuCount GPUs per node
   * @param systemPowerWatts the published maximum power, when published
   * @param diskReadBytesPerSecond the local NVMe array's sequential read rate, when estimated
   * @param powerSource where the power figure comes from
   * @param diskSource where the disk figure comes from
   */
  public record DgxSystem(
      String profile,
      String name,
      List<String> gpus,
      int gpuCount,
      OptionalDouble systemPowerWatts,
      OptionalLong diskReadBytesPerSecond,
      String powerSource,
      String diskSource) {
    // Checks the fields and copies the list.
    public DgxSystem {
      Objects.requireNonNull(profile, "profile");
      Objects.requireNonNull(name, "name");
      gpus = List.copyOf(gpus);
      Objects.requireNonNull(systemPowerWatts, "systemPowerWatts");
      Objects.requireNonNull(diskReadBytesPerSecond, "diskReadBytesPerSecond");
      Objects.requireNonNull(powerSource, "powerSource");
      Objects.requireNonNull(diskSource, "diskSource");
    }
  }

  /**
   * The GPU model of a name as {@code nvidia-smi} prints it ({@code NVIDIA H100 80GB HBM3}, {@code
   * Tesla V100-SXM2-32GB}, {@code NVIDIA GB10}): the entry with the longest of its names found in
   * it as a word (case-insensitive; not preceded by a letter or digit, not followed by a digit, so
   * {@code A10} is not {@code A100} and {@code B200} is not {@code GB200}).
   *
   * @param gpuName the name
   * @return the model, or empty when the table has none
   */
  public static Optional<GpuModel> gpu(String gpuName) {
    Objects.requireNonNull(gpuName, "gpuName");
    String name = gpuName.toUpperCase(Locale.ROOT);
    JsonNode table = DataFiles.read(FILE).path("gpus");
    int best = -1;
    int bestLength = 0;
    for (int i = 0; i < table.size(); i++) {
      for (JsonNode token : table.get(i).path("nvidiaSmiNames")) {
        String t = token.asText().toUpperCase(Locale.ROOT);
        if (t.length() > bestLength && holdsWord(name, t)) {
          best = i;
          bestLength = t.length();
        }
      }
    }
    return best < 0 ? Optional.empty() : Optional.of(GPUS.get(best));
  }

  /**
   * The DGX system a node is: one whose GPU count it has, with a GPU of one of its models.
   *
   * @param node the node
   * @return the system, or empty
   */
  public static Optional<DgxSystem> system(NodeSpec node) {
    Objects.requireNonNull(node, "node");
    for (DgxSystem s : SYSTEMS) {
      if (node.gpuCount() == s.gpuCount()
          && node.gpus().stream()
              .map(g -> gpu(g.name()).map(GpuModel::name).orElse(""))
              .anyMatch(s.gpus()::contains)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /**
   * Every DGX system, one per built-in hardware profile, oldest first.
   *
   * @return the systems
   */
  public static List<DgxSystem> systems() {
    return SYSTEMS;
  }

  /**
   * The system of a built-in hardware profile.
   *
   * @param profile the profile name, e.g. {@code dgx-a100}
   * @return the system, or empty when the table has none of that name
   */
  public static Optional<DgxSystem> profile(String profile) {
    Objects.requireNonNull(profile, "profile");
    return SYSTEMS.stream().filter(s -> s.profile().equals(profile)).findFirst();
  }

  /**
   * The local-disk read rate assumed for a node no DGX system matches.
   *
   * @return bytes per second
   */
  public static long fallbackDiskReadBytesPerSecond() {
    return (long) DataFiles.number(FILE, DataFiles.read(FILE), "fallbackDiskReadBytesPerSecond");
  }

  /**
   * Why {@link #fallbackDiskReadBytesPerSecond()} is what it is.
   *
   * @return a sentence
   */
  public static String fallbackDiskBasis() {
    return DataFiles.text(FILE, DataFiles.read(FILE), "fallbackDiskBasis");
  }

  private static boolean holdsWord(String name, String token) {
    int i = name.indexOf(token);
    while (i >= 0) {
      int end = i + token.length();
      boolean before = i == 0 || !Character.isLetterOrDigit(name.charAt(i - 1));
      boolean after = end == name.length() || !Character.isDigit(name.charAt(end));
      if (before && after) {
        return true;
      }
      i = name.indexOf(token, i + 1);
    }
    return false;
  }

  private static List<GpuModel> gpus(JsonNode root) {
    List<GpuModel> out = new ArrayList<>();
    for (JsonNode g : root.path("gpus")) {
      JsonNode bw = g.get("memoryBandwidthGigabytesPerSecond");
      out.add(
          new GpuModel(
              DataFiles.text(FILE, g, "name"),
              DataFiles.text(FILE, g, "family"),
              ByteSizes.parseBytes(DataFiles.text(FILE, g, "memory")),
              g.path("unifiedMemory").asBoolean(false),
              DataFiles.text(FILE, g, "computeCapability"),
              bw == null ? OptionalDouble.empty() : OptionalDouble.of(bw.asDouble()),
              (int) DataFiles.number(FILE, g, "concurrentGpuTasks"),
              DataFiles.text(FILE, g, "source")));
    }
    return List.copyOf(out);
  }

  private static List<DgxSystem> systems(JsonNode root) {
    List<DgxSystem> out = new ArrayList<>();
    for (JsonNode s : root.path("systems")) {
      List<String> gpus = new ArrayList<>();
      s.path("gpus").forEach(g -> gpus.add(g.asText()));
      JsonNode power = s.get("systemPowerWatts");
      JsonNode disk = s.get("diskReadBytesPerSecond");
      out.add(
          new DgxSystem(
              DataFiles.text(FILE, s, "profile"),
              DataFiles.text(FILE, s, "name"),
              gpus,
              (int) DataFiles.number(FILE, s, "gpuCount"),
              power == null ? OptionalDouble.empty() : OptionalDouble.of(power.asDouble()),
              disk == null ? OptionalLong.empty() : OptionalLong.of(disk.asLong()),
              DataFiles.text(FILE, s.path("source"), "power"),
              DataFiles.text(FILE, s.path("source"), "disk")));
    }
    return List.copyOf(out);
  }
}
