package io.github.dgxspark.hardware;

import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.core.DgxFacts;
import io.github.dgxspark.core.GpuSpec;
import io.github.dgxspark.core.NicSpec;
import io.github.dgxspark.core.NodeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Turns parsed facts into a {@link HardwareReport}. Each host figure is taken from the first of:
 * the caller's figure, the host output in the paste ({@code lscpu}, {@code free}), the {@code topo
 * -m} affinities (cores and NUMA nodes only, as lower bounds), and, when the pasted GPUs are the
 * model and count of a built-in profile, that profile. Every figure not read from the machine gets
 * a note.
 */
final class Assembler {
  private Assembler() {}

  static HardwareReport assemble(
      Facts f,
      OptionalInt givenCores,
      OptionalLong givenMemoryBytes,
      List<NicSpec> hostNics,
      List<DiskReport> disks,
      String origin,
      boolean profileFallback) {
    List<String> notes = new ArrayList<>(f.notes);
    List<Facts.GpuFacts> gpus = new ArrayList<>(f.gpus.values());
    Optional<HardwareProfile> profile = profile(f, profileFallback);
    List<PasteReport.Missing> missing = missing(f, givenCores, givenMemoryBytes, profile);
    if (!missing.isEmpty()) {
      throw new HardwareException(refusal(shows(f, givenCores, givenMemoryBytes), missing));
    }

    // memory
    long memory;
    if (givenMemoryBytes.isPresent()) {
      memory = givenMemoryBytes.getAsLong();
    } else if (f.memoryBytes > 0) {
      memory = f.memoryBytes;
      notes.add("memory " + ByteSizes.human(memory) + " from " + f.hostSources.get("memory"));
    } else {
      memory = profile.orElseThrow().node().memoryBytes();
      notes.add(
          String.format(
              Locale.ROOT,
              "host memory not in the output; assumed %s of built-in profile %s (%d × %s); give the"
                  + " real figure to override",
              ByteSizes.human(memory),
              profile.get().name(),
              gpus.size(),
              gpus.get(0).name));
    }

    // cores
    int logical;
    if (givenCores.isPresent()) {
      logical = givenCores.getAsInt();
    } else if (f.logicalCores > 0) {
      logical = f.logicalCores;
    } else if (f.maxAffinityCpu >= 0) {
      logical = f.maxAffinityCpu + 1;
      notes.add(
          "logical cores "
              + logical
              + " inferred from the highest CPU in the topo -m CPU affinity (a lower bound)");
    } else {
      logical = profile.orElseThrow().node().logicalCores();
      notes.add(
          "logical cores not in the output; assumed "
              + logical
              + " of built-in profile "
              + profile.get().name());
    }
    NodeSpec pn = profile.map(HardwareProfile::node).orElse(null);
    int physical =
        f.physicalCores > 0
            ? f.physicalCores
            : pn != null && pn.logicalCores() == logical ? pn.physicalCores() : logical;
    physical = Math.min(physical, logical);
    int sockets = f.sockets > 0 ? f.sockets : pn != null ? pn.sockets() : 1;
    int numa =
        f.numaNodes > 0
            ? f.numaNodes
            : f.maxAffinityNuma >= 0 ? f.maxAffinityNuma + 1 : pn != null ? pn.numaNodes() : 1;
    String cpuModel = !f.cpuModel.isEmpty() ? f.cpuModel : pn != null ? pn.cpuModel() : "";

    // GPUs
    boolean unified = false;
    List<GpuSpec> specs = new ArrayList<>();
    List<GpuReport> reports = new ArrayList<>();
    long nodeNvlink = Long.MAX_VALUE;
    for (Facts.GpuFacts g : gpus) {
      String cc = g.computeCapability;
      if (cc.isEmpty()) {
        cc = DgxFacts.gpu(g.name).map(DgxFacts.GpuModel::computeCapability).orElse("");
      }
      long gpuMemory = g.memoryBytes;
      if (gpuMemory == 0) {
        unified = true;
        gpuMemory = memory;
      } else if (gpuMemory < 0) {
        gpuMemory = pn.gpus().get(0).memoryBytes();
        unified |= pn.unifiedMemory();
        notes.add(
            "GPU " + g.index + " memory assumed from built-in profile " + profile.get().name());
      }
      int links;
      long bytes;
      if (g.linksListed) {
        links = g.linkBytesPerSecond.size();
        bytes = 2 * g.linkBytesPerSecond.stream().mapToLong(Long::longValue).sum();
      } else if (g.topologyLinks >= 0) {
        links = g.topologyLinks;
        bytes = links * Gpus.linkBytesPerSecond(cc);
      } else if (pn != null) {
        links = pn.gpus().get(0).nvlinkCount();
        bytes = pn.nvlinkBytesPerSecond();
      } else {
        links = 0;
        bytes = 0;
      }
      nodeNvlink = Math.min(nodeNvlink, bytes);
      // with MIG on, a CUDA process (one executor) sees one MIG device, so that slice's memory is
      // what an executor's GPU has (NVIDIA MIG User Guide, docs.nvidia.com/datacenter/tesla/
      // mig-user-guide, "CUDA Device Enumeration": a single CUDA process can only enumerate a
      // single MIG device); the smallest slice, so that every executor fits its GPU
      long executorGpuMemory =
          g.migMemoryBytes.isEmpty()
              ? gpuMemory
              : g.migMemoryBytes.stream().mapToLong(Long::longValue).min().getAsLong();
      specs.add(new GpuSpec(g.name, executorGpuMemory, cc, links));
      reports.add(
          new GpuReport(
              g.index,
              g.name,
              g.busId,
              Math.max(g.memoryBytes, 0),
              cc,
              g.powerLimitWatts,
              g.pcieGeneration,
              g.pcieLinkWidth,
              links,
              g.nearestNics,
              g.cpuAffinity,
              g.migMemoryBytes));
      if (!g.migMemoryBytes.isEmpty()) {
        notes.add(
            String.format(
                Locale.ROOT,
                "GPU %d (%s) has MIG enabled with %d devices (%s); Spark schedules whole GPUs"
                    + " unless a MIG-aware GPU discovery script is used, and an executor's CUDA"
                    + " context sees one MIG device, so sizing uses %s of GPU memory per"
                    + " executor, not the card's %s",
                g.index,
                g.name,
                g.migMemoryBytes.size(),
                g.migMemoryBytes.stream()
                    .map(ByteSizes::human)
                    .reduce((a, b) -> a + ", " + b)
                    .orElse(""),
                ByteSizes.human(executorGpuMemory),
                ByteSizes.human(gpuMemory)));
      }
      if (g.computeCapability.isEmpty() && !cc.isEmpty()) {
        notes.add("GPU " + g.index + " compute capability " + cc + " inferred from its name");
      }
    }
    if (unified) {
      notes.add(
          "GPU memory is not reported by nvidia-smi (unified memory, as on GB10): the GPU shares"
              + " the node's "
              + ByteSizes.human(memory));
    }
    if (gpus.isEmpty() && f.noDevices) {
      notes.add("nvidia-smi found no GPU");
    }

    List<NicSpec> nics = new ArrayList<>(hostNics);
    boolean guessed = false;
    for (String name : f.topologyNics) {
      if (nics.stream().noneMatch(n -> n.name().equals(name) || n.name().startsWith(name + ":"))) {
        nics.add(new NicSpec(name, guessKind(name), 0));
        guessed = true;
      }
    }
    if (guessed) {
      notes.add(
          "NICs from topo -m have no speed in nvidia-smi output; their link layer is guessed from"
              + " the name (roce* RoCE, mlx*/ib* InfiniBand)");
    }
    NodeSpec node =
        new NodeSpec(
            cpuModel,
            logical,
            physical,
            sockets,
            numa,
            memory,
            specs,
            unified,
            gpus.isEmpty() ? 0 : nodeNvlink,
            nics);
    return new HardwareReport(node, reports, disks, f.driverVersion, f.cudaVersion, origin, notes);
  }

  /** The built-in profile whose GPUs are the pasted ones (same model and count), if allowed. */
  static Optional<HardwareProfile> profile(Facts f, boolean profileFallback) {
    if (!profileFallback || f.gpus.isEmpty()) {
      return Optional.empty();
    }
    String first = f.gpus.values().iterator().next().name;
    boolean same = f.gpus.values().stream().allMatch(g -> g.name.equalsIgnoreCase(first));
    return same && !first.isEmpty()
        ? HardwareProfiles.matching(first, f.gpus.size())
        : Optional.empty();
  }

  /**
   * The figures a node needs that neither the caller, the output nor the matching profile gives, in
   * the order {@link #assemble} takes them.
   */
  static List<PasteReport.Missing> missing(
      Facts f,
      OptionalInt givenCores,
      OptionalLong givenMemoryBytes,
      Optional<HardwareProfile> profile) {
    List<PasteReport.Missing> out = new ArrayList<>();
    if (f.gpus.values().stream().anyMatch(g -> g.name.isEmpty())) {
      out.add(PasteReport.Missing.GPU_MODEL);
    } else if (profile.isEmpty() && f.gpus.values().stream().anyMatch(g -> g.memoryBytes < 0)) {
      out.add(PasteReport.Missing.GPU_MEMORY);
    }
    if (givenMemoryBytes.isEmpty() && f.memoryBytes <= 0 && profile.isEmpty()) {
      out.add(PasteReport.Missing.HOST_MEMORY);
    }
    if (givenCores.isEmpty() && f.logicalCores <= 0 && f.maxAffinityCpu < 0 && profile.isEmpty()) {
      out.add(PasteReport.Missing.LOGICAL_CORES);
    }
    return out;
  }

  /**
   * One sentence on what the output shows, each figure it does not show marked {@code unknown}: GPU
   * count, model and memory, NVLink links, NICs, CPU and NUMA affinity, host cores and memory.
   */
  static String shows(Facts f, OptionalInt givenCores, OptionalLong givenMemoryBytes) {
    List<Facts.GpuFacts> gpus = new ArrayList<>(f.gpus.values());
    List<String> parts = new ArrayList<>();
    if (gpus.isEmpty()) {
      parts.add(f.noDevices ? "no GPU" : "no GPU details");
    } else {
      List<String> names = distinct(gpus.stream().map(g -> g.name).toList());
      String model =
          names.contains("")
              ? "model unknown"
              : names.size() == 1 ? names.get(0) : "models " + String.join(", ", names);
      List<Long> memories = distinct(gpus.stream().map(g -> g.memoryBytes).toList());
      String memory =
          memories.contains(-1L)
              ? "GPU memory unknown"
              : memories.size() == 1 && memories.get(0) == 0
                  ? "memory shared with the host"
                  : memories.stream().map(ByteSizes::human).reduce((a, b) -> a + "/" + b).get()
                      + (gpus.size() == 1 ? "" : " each");
      List<Integer> links =
          distinct(
              gpus.stream()
                  .map(g -> g.linksListed ? g.linkBytesPerSecond.size() : g.topologyLinks)
                  .toList());
      String nvlink =
          links.contains(-1)
              ? "NVLink unknown"
              : links.size() == 1
                  ? (links.get(0) == 0
                      ? "no NVLink"
                      : links.get(0) + " NVLinks" + (gpus.size() == 1 ? "" : " each"))
                  : "NVLinks "
                      + links.stream().map(String::valueOf).reduce((a, b) -> a + "/" + b).get();
      parts.add(
          String.format(
              Locale.ROOT,
              "%d GPU%s (%s, %s, %s)",
              gpus.size(),
              gpus.size() == 1 ? "" : "s",
              model,
              memory,
              nvlink));
    }
    if (f.formats.contains(TopologyParser.FORMAT)) {
      List<String> nics = f.topologyNics;
      parts.add(
          nics.isEmpty()
              ? "no NIC"
              : nics.size()
                  + (nics.size() == 1 ? " NIC (" : " NICs (")
                  + (nics.size() <= 3
                      ? String.join(", ", nics)
                      : nics.get(0) + " … " + nics.get(nics.size() - 1))
                  + ")");
      List<String> cpus = distinct(gpus.stream().map(g -> g.cpuAffinity).toList());
      List<String> numa = distinct(gpus.stream().map(g -> g.numaAffinity).toList());
      if (!cpus.contains("")) {
        parts.add("GPU CPU affinity " + String.join(" | ", cpus));
      }
      if (!numa.contains("")) {
        parts.add((numa.size() == 1 ? "NUMA node " : "NUMA nodes ") + String.join(", ", numa));
      }
    } else {
      parts.add("NICs and CPU affinity unknown");
    }
    if (givenCores.isPresent() || f.logicalCores > 0) {
      parts.add(givenCores.orElse(f.logicalCores) + " logical cores");
    } else if (f.maxAffinityCpu >= 0) {
      parts.add("at least " + (f.maxAffinityCpu + 1) + " logical cores");
    } else {
      parts.add("logical cores unknown");
    }
    parts.add(
        givenMemoryBytes.isPresent() || f.memoryBytes > 0
            ? ByteSizes.human(givenMemoryBytes.orElse(f.memoryBytes)) + " host memory"
            : "host memory unknown");
    return "the pasted "
        + String.join(", ", f.formats)
        + " output shows "
        + String.join(", ", parts);
  }

  /** The one line that refuses a node: what the output shows, then what it lacks. */
  static String refusal(String shows, List<PasteReport.Missing> missing) {
    return shows
        + "; a node also needs "
        + words(missing.stream().map(PasteReport.Missing::what).toList());
  }

  /** {@code a}, {@code a and b}, {@code a, b and c}. */
  static String words(List<String> items) {
    int n = items.size();
    return n <= 1
        ? String.join("", items)
        : String.join(", ", items.subList(0, n - 1)) + " and " + items.get(n - 1);
  }

  private static <T> List<T> distinct(List<T> values) {
    return values.stream().distinct().toList();
  }

  private static NicSpec.Kind guessKind(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.startsWith("roce")) {
      return NicSpec.Kind.ROCE;
    }
    if (n.startsWith("mlx") || n.startsWith("ib")) {
      return NicSpec.Kind.INFINIBAND;
    }
    return NicSpec.Kind.ETHERNET;
  }
}
