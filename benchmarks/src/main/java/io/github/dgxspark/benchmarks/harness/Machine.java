package io.github.dgxspark.benchmarks.harness;

import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.core.NodeSpec;
import io.github.dgxspark.hardware.HardwareProbe;
import java.util.Locale;
import java.util.Objects;

/**
 * The machine the harness runs on, as the optimizer sees it and as the history records it.
 *
 * @param node this machine as {@link HardwareProbe#local()} reports it
 * @param os operating system name, version and architecture
 * @param java the Java runtime version and vendor
 */
record Machine(NodeSpec node, String os, String java) {
  // Checks the fields.
  Machine {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(os, "os");
    Objects.requireNonNull(java, "java");
  }

  /**
   * Probes the machine this JVM runs on.
   *
   * @return its description
   */
  static Machine local() {
    return new Machine(
        HardwareProbe.local().node(),
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"),
        System.getProperty("java.runtime.version") + " " + System.getProperty("java.vendor"));
  }

  /**
   * One line for reports and the history.
   *
   * @return e.g. {@code 2 cores, 23.4 GiB, 0 GPUs, AMD EPYC, Linux 6.1 amd64, Java 17.0.15}
   */
  String description() {
    return String.format(
        Locale.ROOT,
        "%d cores, %s, %d GPUs, %s, %s, Java %s",
        node.logicalCores(),
        ByteSizes.human(node.memoryBytes()),
        node.gpuCount(),
        node.cpuModel().isEmpty() ? "CPU model unknown" : node.cpuModel(),
        os,
        java);
  }
}
