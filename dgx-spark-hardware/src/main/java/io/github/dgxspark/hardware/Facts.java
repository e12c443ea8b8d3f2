package io.github.dgxspark.hardware;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the parsers read from one machine's output, merged by GPU index; the first reading of
 * a field wins, so more specific sections can be read first.
 */
final class Facts {
  final Map<Integer, GpuFacts> gpus = new TreeMap<>();
  final List<String> formats = new ArrayList<>();
  final List<String> notes = new ArrayList<>();

  /** NIC names from {@code topo -m}, legend names resolved, in column order. */
  final List<String> topologyNics = new ArrayList<>();

  String driverVersion = "";
  String cudaVersion = "";

  /** Highest CPU number in a {@code topo -m} CPU affinity, -1 when none. */
  int maxAffinityCpu = -1;

  /** Highest NUMA node in a {@code topo -m} NUMA affinity, -1 when none. */
  int maxAffinityNuma = -1;

  /** True when the output says there is no GPU ("No devices were found"). */
  boolean noDevices;

  // host figures: 0 / empty = not read
  int logicalCores;
  int physicalCores;
  int sockets;
  int numaNodes;
  String cpuModel = "";
  long memoryBytes;
  final Map<String, String> hostSources = new LinkedHashMap<>();

  GpuFacts gpu(int index) {
    return gpus.computeIfAbsent(index, GpuFacts::new);
  }

  void format(String name) {
    if (!formats.contains(name)) {
      formats.add(name);
    }
  }

  void driver(String version) {
    if (driverVersion.isEmpty()) {
      driverVersion = version;
    }
  }

  void cuda(String version) {
    if (cudaVersion.isEmpty()) {
      cudaVersion = version;
    }
  }

  /** One GPU's readings; -1 or empty means not read. */
  static final class GpuFacts {
    final int index;
    String name = "";
    String busId = "";

    /** Bytes; -1 = not read, 0 = output says not reported (unified memory). */
    long memoryBytes = -1;

    String computeCapability = "";
    double powerLimitWatts;
    int pcieGeneration;
    int pcieLinkWidth;

    /** Links seen in {@code topo -m}; -1 when not read. */
    int topologyLinks = -1;

    /** Active link rates (bytes per second, one direction) from {@code nvlink -s}. */
    final List<Long> linkBytesPerSecond = new ArrayList<>();

    boolean linksListed;
    final List<String> nearestNics = new ArrayList<>();
    String cpuAffinity = "";

    /** The NUMA node from {@code topo -m}, or empty. */
    String numaAffinity = "";

    final List<Long> migMemoryBytes = new ArrayList<>();

    GpuFacts(int index) {
      this.index = index;
    }

    void name(String n) {
      if (name.isEmpty() && !n.isBlank()) {
        name = n.trim();
      }
    }

    void busId(String b) {
      if (busId.isEmpty()) {
        busId = b;
      }
    }

    void memory(long bytes) {
      if (memoryBytes < 0 || (memoryBytes == 0 && bytes > 0)) {
        memoryBytes = bytes;
      }
    }

    void computeCapability(String cc) {
      if (computeCapability.isEmpty()) {
        computeCapability = cc;
      }
    }

    void powerLimit(double watts) {
      if (powerLimitWatts == 0) {
        powerLimitWatts = watts;
      }
    }
  }
}
