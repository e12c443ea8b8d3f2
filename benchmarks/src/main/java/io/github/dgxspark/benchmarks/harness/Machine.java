package io.github.dgxspark.benchmarks.harness;

import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.core.NodeSpec;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The machine the harness runs on, as the optimizer sees it and as the history records it.
 *
 * @param cpuModel the CPU model from {@code /proc/cpuinfo}, or an empty text
 * @param logicalCores processors the JVM sees
 * @param memoryBytes physical memory in bytes
 * @param os operating system name, version and architecture
 * @param java the Java runtime version and vendor
 */
record Machine(String cpuModel, int logicalCores, long memoryBytes, String os, String java) {
  // Checks the fields.
  Machine {
    Objects.requireNonNull(cpuModel, "cpuModel");
    Objects.requireNonNull(os, "os");
    Objects.requireNonNull(java, "java");
  }

  /**
   * Probes the machine this JVM runs on.
   *
   * @return its description
   */
  static Machine local() {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return new Machine(
        probeCpuModel(),
        Runtime.getRuntime().availableProcessors(),
        os.getTotalMemorySize(),
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"),
        System.getProperty("java.runtime.version") + " " + System.getProperty("java.vendor"));
  }

  /**
   * The node the optimizer is asked about: this machine's cores and memory, no GPU.
   *
   * @return a CPU-only node
   */
  NodeSpec node() {
    return new NodeSpec(
        cpuModel, logicalCores, logicalCores, 1, 1, memoryBytes, List.of(), false, 0, List.of());
  }

  /**
   * One line for reports and the history.
   *
   * @return e.g. {@code 2 cores, 23.4 GiB, Intel Xeon ..., Linux 6.1 amd64, Java 17.0.15}
   */
  String description() {
    return String.format(
        Locale.ROOT,
        "%d cores, %s, %s, %s, Java %s",
        logicalCores,
        ByteSizes.human(memoryBytes),
        cpuModel.isEmpty() ? "CPU model unknown" : cpuModel,
        os,
        java);
  }

  private static String probeCpuModel() {
    Path info = Path.of("/proc/cpuinfo");
    if (!Files.isReadable(info)) {
      return "";
    }
    try {
      return Files.readAllLines(info).stream()
          .filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst()
          .orElse("");
    } catch (IOException e) {
      return "";
    }
  }
}
