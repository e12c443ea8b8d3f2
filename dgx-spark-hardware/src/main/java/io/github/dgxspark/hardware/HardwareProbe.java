package io.github.dgxspark.hardware;

import io.github.dgxspark.core.DgxSparkException;
import io.github.dgxspark.core.NicSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.HWDiskStore;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.NetworkIF;

/**
 * Probes the machine this JVM runs on: CPU, memory, disks and NICs through OSHI, InfiniBand/RoCE
 * ports from {@code /sys/class/infiniband}, and GPUs through {@code nvidia-smi} ({@code
 * --query-gpu} CSV, {@code topo -m} and {@code nvlink -s}, each run with a fixed argument list, a
 * {@value #COMMAND_TIMEOUT_MILLIS} ms time limit and stderr captured).
 *
 * <pre>{@code
 * HardwareReport here = HardwareProbe.local();
 * NodeSpec node = here.node();
 * }</pre>
 *
 * <p>The probe never throws for a missing tool or device: without {@code nvidia-smi}, or when it
 * fails, the node has zero GPUs and a note says why. Results are cached; {@link #local()} reuses a
 * result younger than {@link #DEFAULT_MAX_AGE}.
 */
public final class HardwareProbe {
  /** How long {@link #local()} reuses a probe result: hardware rarely changes while we run. */
  public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(5);

  /** The time limit of each {@code nvidia-smi} run, in milliseconds. */
  static final long COMMAND_TIMEOUT_MILLIS = 15_000;

  private static final Object LOCK = new Object();
  private static HardwareReport cached;
  private static long cachedAtNanos;

  private HardwareProbe() {}

  /**
   * The local machine, probed at most once per {@link #DEFAULT_MAX_AGE}.
   *
   * @return the report, origin {@code probe}; never throws for missing tools or devices
   */
  public static HardwareReport local() {
    return local(DEFAULT_MAX_AGE);
  }

  /**
   * The local machine, reusing a cached result younger than {@code maxAge}.
   *
   * @param maxAge how old a cached result may be; {@link Duration#ZERO} probes again
   * @return the report, origin {@code probe}
   * @throws HardwareException if maxAge is negative
   */
  public static HardwareReport local(Duration maxAge) {
    Objects.requireNonNull(maxAge, "maxAge");
    if (maxAge.isNegative()) {
      throw new HardwareException("probe maxAge " + maxAge + " is negative; expected 0 or more");
    }
    synchronized (LOCK) {
      long now = System.nanoTime();
      if (cached != null && now - cachedAtNanos < maxAge.toNanos()) {
        return cached;
      }
      cached =
          probe(new NvidiaSmiRunner("nvidia-smi", COMMAND_TIMEOUT_MILLIS), InfinibandReader.SYSFS);
      cachedAtNanos = System.nanoTime();
      return cached;
    }
  }

  /** One uncached probe with the given {@code nvidia-smi} and InfiniBand sysfs directory. */
  static HardwareReport probe(NvidiaSmiRunner smi, Path infiniband) {
    Facts facts = new Facts();
    List<NicSpec> nics = new ArrayList<>();
    List<DiskReport> disks = new ArrayList<>();
    readHost(facts, nics, disks);
    nics.addAll(InfinibandReader.read(infiniband, facts.notes));
    Facts gpus = readGpus(smi, facts.notes);
    gpus.logicalCores = facts.logicalCores;
    gpus.physicalCores = facts.physicalCores;
    gpus.sockets = facts.sockets;
    gpus.numaNodes = facts.numaNodes;
    gpus.cpuModel = facts.cpuModel;
    gpus.memoryBytes = facts.memoryBytes;
    gpus.notes.addAll(0, facts.notes);
    OptionalInt cores = OptionalInt.of(Math.max(1, facts.logicalCores));
    OptionalLong memory = OptionalLong.of(Math.max(1, facts.memoryBytes));
    try {
      return Assembler.assemble(gpus, cores, memory, nics, disks, "probe", false);
    } catch (DgxSparkException e) {
      Facts host = new Facts();
      host.notes.addAll(gpus.notes);
      host.notes.add("GPUs left out: " + e.getMessage());
      copyHost(gpus, host);
      return Assembler.assemble(host, cores, memory, nics, disks, "probe", false);
    }
  }

  private static void copyHost(Facts from, Facts to) {
    to.logicalCores = from.logicalCores;
    to.physicalCores = from.physicalCores;
    to.sockets = from.sockets;
    to.numaNodes = from.numaNodes;
    to.cpuModel = from.cpuModel;
    to.memoryBytes = from.memoryBytes;
  }

  private static void readHost(Facts facts, List<NicSpec> nics, List<DiskReport> disks) {
    try {
      HardwareAbstractionLayer hal = new SystemInfo().getHardware();
      CentralProcessor cpu = hal.getProcessor();
      facts.cpuModel = known(cpu.getProcessorIdentifier().getName());
      facts.logicalCores = cpu.getLogicalProcessorCount();
      facts.physicalCores = cpu.getPhysicalProcessorCount();
      facts.sockets = Math.max(1, cpu.getPhysicalPackageCount());
      facts.numaNodes =
          (int)
              Math.max(
                  1,
                  cpu.getLogicalProcessors().stream()
                      .mapToInt(CentralProcessor.LogicalProcessor::getNumaNode)
                      .distinct()
                      .count());
      facts.memoryBytes = hal.getMemory().getTotal();
      for (HWDiskStore d : hal.getDiskStores()) {
        disks.add(new DiskReport(d.getName(), known(d.getModel()), Math.max(0, d.getSize())));
      }
      for (NetworkIF n : hal.getNetworkIFs()) {
        nics.add(new NicSpec(n.getName(), NicSpec.Kind.ETHERNET, Math.max(0, n.getSpeed() / 8)));
      }
    } catch (RuntimeException | LinkageError e) {
      facts.notes.add("OSHI could not read the host (" + e + "); using the JVM's figures");
    }
    if (facts.logicalCores < 1) {
      facts.logicalCores = Runtime.getRuntime().availableProcessors();
      facts.physicalCores = facts.logicalCores;
    }
    if (facts.memoryBytes < 1) {
      facts.memoryBytes = Runtime.getRuntime().maxMemory();
      facts.notes.add("system memory unknown; using the JVM's maximum heap");
    }
    if (facts.physicalCores < 1 || facts.physicalCores > facts.logicalCores) {
      facts.physicalCores = facts.logicalCores;
    }
  }

  private static Facts readGpus(NvidiaSmiRunner smi, List<String> notes) {
    Facts facts = new Facts();
    NvidiaSmiRunner.Result csv = smi.run(NvidiaSmiRunner.QUERY);
    List<String> fields = CsvParser.PROBE_FIELDS;
    if (!csv.ok() && csv.failure().contains("compute_cap")) {
      // drivers before compute_cap was a query field: ask again without it
      List<String> older = new ArrayList<>(fields);
      older.remove("compute_cap");
      fields = older;
      csv =
          smi.run(
              List.of("--query-gpu=" + String.join(",", older), "--format=csv,noheader,nounits"));
    }
    if (!csv.ok()) {
      notes.add("no GPUs: " + csv.failure());
      return facts;
    }
    try {
      CsvParser.read(csv.lines(), 1, fields, facts);
    } catch (HardwareException e) {
      notes.add("no GPUs: nvidia-smi output could not be parsed: " + e.getMessage());
      return new Facts();
    }
    if (facts.gpus.isEmpty()) {
      notes.add("no GPUs: nvidia-smi lists none");
      return facts;
    }
    NvidiaSmiRunner.Result topo = smi.run(List.of("topo", "-m"));
    if (topo.ok()) {
      try {
        TopologyParser.read(topo.lines(), 1, facts);
      } catch (HardwareException e) {
        notes.add("NVLink topology not read: " + e.getMessage());
      }
    } else {
      notes.add("NVLink topology not read: " + topo.failure());
    }
    NvidiaSmiRunner.Result links = smi.run(List.of("nvlink", "-s"));
    if (links.ok()) {
      try {
        ListParser.read(links.lines(), 1, facts);
      } catch (HardwareException e) {
        notes.add("NVLink link rates not read: " + e.getMessage());
      }
    }
    return facts;
  }

  /** OSHI's text, or empty for its "unknown" sentinel. */
  private static String known(String text) {
    String t = text == null ? "" : text.trim();
    return t.equalsIgnoreCase(oshi.util.Constants.UNKNOWN) ? "" : t;
  }
}
