package io.github.dgxspark.hardware;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.core.ClusterManager;
import io.github.dgxspark.core.ClusterSpec;
import io.github.dgxspark.core.DataFiles;
import io.github.dgxspark.core.DgxFacts;
import io.github.dgxspark.core.DgxSparkException;
import io.github.dgxspark.core.GpuSpec;
import io.github.dgxspark.core.NicSpec;
import io.github.dgxspark.core.NodeSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The built-in DGX profiles, loaded by name from {@code data/hardware-profiles/NAME.json}; the GPU
 * memory and compute capability, system power and disk read rate come from core's {@link DgxFacts}
 * ({@code data/dgx-systems.json}), their one home.
 *
 * <pre>{@code
 * NodeSpec h100 = HardwareProfiles.named("dgx-h100").node();
 * ClusterSpec four = HardwareProfiles.cluster("dgx-h100", 4, ClusterManager.STANDALONE);
 * }</pre>
 *
 * <p>Profile names are a public contract and never change: {@code dgx-1}, {@code dgx-2}, {@code
 * dgx-a100} (8 × A100 40 GB, 1 TB), {@code dgx-a100-640} (8 × A100 80 GB, 2 TB), {@code dgx-h100},
 * {@code dgx-h200}, {@code dgx-b200}, {@code dgx-gb200} (one NVL72 compute tray: 4 GPUs, 2 Grace
 * CPUs), {@code dgx-spark} (GB10, unified memory), {@code dgx-station} (GB300).
 */
public final class HardwareProfiles {
  private static final List<String> NAMES =
      DgxFacts.systems().stream().map(DgxFacts.DgxSystem::profile).toList();

  private static final Map<String, HardwareProfile> CACHE = new ConcurrentHashMap<>();

  private HardwareProfiles() {}

  /**
   * The names of the built-in profiles, in catalogue order (oldest system first).
   *
   * @return the names
   */
  public static List<String> names() {
    return NAMES;
  }

  /**
   * A built-in profile by name.
   *
   * @param name the name, e.g. {@code dgx-h100}; case-insensitive, surrounding blanks ignored
   * @return the profile
   * @throws HardwareException if the name is not one of {@link #names()} (the message lists them),
   *     or the packaged file is invalid
   */
  public static HardwareProfile named(String name) {
    Objects.requireNonNull(name, "name");
    String key = name.trim().toLowerCase(Locale.ROOT);
    if (!NAMES.contains(key)) {
      throw new HardwareException(
          String.format(
              Locale.ROOT,
              "hardware profile '%s' is not known; expected one of %s",
              name,
              String.join(", ", NAMES)));
    }
    return CACHE.computeIfAbsent(key, HardwareProfiles::load);
  }

  /**
   * All built-in profiles in the order of {@link #names()}.
   *
   * @return the profiles
   * @throws HardwareException if a packaged file is invalid
   */
  public static List<HardwareProfile> all() {
    List<HardwareProfile> all = new ArrayList<>();
    for (String n : NAMES) {
      all.add(named(n));
    }
    return List.copyOf(all);
  }

  /**
   * N nodes of a built-in profile joined by its compute fabric.
   *
   * @param name the profile name
   * @param nodeCount how many nodes, 1 or more
   * @param manager the cluster manager
   * @return the cluster
   * @throws HardwareException if the name is not known
   * @throws DgxSparkException if nodeCount is below 1, or above 1 with {@link ClusterManager#LOCAL}
   */
  public static ClusterSpec cluster(String name, int nodeCount, ClusterManager manager) {
    return named(name).cluster(nodeCount, manager);
  }

  /**
   * The built-in profile whose GPUs are this model and count, e.g. to fill in the host figures that
   * pasted {@code nvidia-smi} output does not show.
   *
   * @param gpuName the GPU name as {@code nvidia-smi} prints it
   * @param gpuCount the number of GPUs
   * @return the first matching profile, or empty
   */
  static Optional<HardwareProfile> matching(String gpuName, int gpuCount) {
    Optional<String> model = DgxFacts.gpu(gpuName).map(DgxFacts.GpuModel::name);
    for (HardwareProfile p : all()) {
      NodeSpec n = p.node();
      if (n.gpuCount() == gpuCount
          && model.isPresent()
          && model.equals(DgxFacts.gpu(n.gpus().get(0).name()).map(DgxFacts.GpuModel::name))) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private static HardwareProfile load(String name) {
    String file = name + ".json";
    try {
      return parse(file, DataFiles.read("hardware-profiles/" + file));
    } catch (HardwareException e) {
      throw e;
    } catch (DgxSparkException e) {
      throw new HardwareException(e.getMessage(), e);
    }
  }

  /** Builds a profile from its JSON tree; every failure names the file and the field. */
  static HardwareProfile parse(String file, JsonNode root) {
    Field f = new Field(file);
    try {
      String name = f.text(root, "name");
      JsonNode cpu = f.object(root, "cpu");
      JsonNode memory = f.object(root, "memory");
      JsonNode gpu = f.object(root, "gpu");
      JsonNode nvlink = f.object(root, "nvlink");
      JsonNode power = f.object(root, "power");
      JsonNode storage = f.object(root, "storage");
      long memoryBytes = f.size(memory, "size");
      boolean unified = f.bool(memory, "unified");
      String gpuName = f.text(gpu, "name");
      DgxFacts.GpuModel model =
          DgxFacts.gpu(gpuName)
              .orElseThrow(
                  () ->
                      f.error(
                          "gpu.name",
                          "is '" + gpuName + "', which data/dgx-systems.json does not know"));
      long gpuMemoryBytes = model.unifiedMemory() ? memoryBytes : model.memoryBytes();
      DgxFacts.DgxSystem system =
          DgxFacts.profile(name)
              .orElseThrow(() -> f.error("name", "has no system entry in data/dgx-systems.json"));
      int links = f.integer(nvlink, "linksPerGpu");
      List<GpuSpec> gpus = new ArrayList<>();
      int gpuCount = f.integer(gpu, "count");
      for (int i = 0; i < gpuCount; i++) {
        gpus.add(new GpuSpec(gpuName, gpuMemoryBytes, model.computeCapability(), links));
      }
      List<NicSpec> nics = new ArrayList<>();
      long interconnect = 0;
      JsonNode nicArray = root.get("nics");
      if (nicArray == null || !nicArray.isArray()) {
        throw f.error("nics", "is missing; expected an array of NIC groups");
      }
      for (JsonNode group : nicArray) {
        String prefix = f.text(group, "namePrefix");
        NicSpec.Kind kind = f.kind(group, "kind");
        long rate = Math.round(f.number(group, "gigabitsPerSecond") * 1e9 / 8);
        int count = f.integer(group, "count");
        for (int i = 0; i < count; i++) {
          nics.add(new NicSpec(prefix + i, kind, rate));
        }
        if (f.bool(group, "compute")) {
          interconnect += rate * count;
        }
      }
      NodeSpec node =
          new NodeSpec(
              f.text(cpu, "model"),
              f.integer(cpu, "logicalCores"),
              f.integer(cpu, "physicalCores"),
              f.integer(cpu, "sockets"),
              f.integer(cpu, "numaNodes"),
              memoryBytes,
              gpus,
              unified,
              Math.round(f.number(nvlink, "gigabytesPerSecondPerGpu") * 1e9),
              nics);
      Map<String, String> sources = new LinkedHashMap<>();
      JsonNode src = f.object(root, "source");
      for (Map.Entry<String, JsonNode> e : src.properties()) {
        sources.put(e.getKey(), e.getValue().asText());
      }
      List<String> notes = new ArrayList<>();
      JsonNode noteArray = root.get("notes");
      if (noteArray != null) {
        noteArray.forEach(n -> notes.add(n.asText()));
      }
      if (!file.equals(name + ".json")) {
        throw f.error("name", "is '" + name + "' but the file is " + file);
      }
      return new HardwareProfile(
          name,
          f.text(root, "title"),
          node,
          interconnect,
          f.number(power, "gpuWatts"),
          system.systemPowerWatts().orElse(0),
          Math.round(f.number(storage, "terabytes") * 1e12),
          system.diskReadBytesPerSecond().orElse(0),
          sources,
          notes);
    } catch (HardwareException e) {
      throw e;
    } catch (DgxSparkException e) {
      throw new HardwareException("hardware profile file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Typed field access that names the file and field in every error. */
  private static final class Field {
    private final String file;

    Field(String file) {
      this.file = file;
    }

    HardwareException error(String field, String problem) {
      return new HardwareException(
          "hardware profile file " + file + ": '" + field + "' " + problem);
    }

    private JsonNode get(JsonNode parent, String field) {
      JsonNode v = parent.get(field);
      if (v == null || v.isNull()) {
        throw error(field, "is missing");
      }
      return v;
    }

    JsonNode object(JsonNode parent, String field) {
      JsonNode v = get(parent, field);
      if (!v.isObject()) {
        throw error(field, "is not an object");
      }
      return v;
    }

    String text(JsonNode parent, String field) {
      JsonNode v = get(parent, field);
      if (!v.isTextual()) {
        throw error(field, "is not a text");
      }
      return v.asText();
    }

    int integer(JsonNode parent, String field) {
      JsonNode v = get(parent, field);
      if (!v.canConvertToInt() || !v.isIntegralNumber()) {
        throw error(field, "is not a whole number");
      }
      return v.asInt();
    }

    double number(JsonNode parent, String field) {
      JsonNode v = get(parent, field);
      if (!v.isNumber()) {
        throw error(field, "is not a number");
      }
      return v.asDouble();
    }

    boolean bool(JsonNode parent, String field) {
      JsonNode v = get(parent, field);
      if (!v.isBoolean()) {
        throw error(field, "is not true or false");
      }
      return v.asBoolean();
    }

    long size(JsonNode parent, String field) {
      return ByteSizes.parseBytes(text(parent, field));
    }

    NicSpec.Kind kind(JsonNode parent, String field) {
      String t = text(parent, field);
      for (NicSpec.Kind k : NicSpec.Kind.values()) {
        if (k.name().equalsIgnoreCase(t)) {
          return k;
        }
      }
      throw error(field, "is '" + t + "'; expected ethernet, infiniband or roce");
    }
  }
}
