package io.github.dgxspark.adapter;

import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.core.ClusterManager;
import io.github.dgxspark.core.ClusterSpec;
import io.github.dgxspark.hardware.HardwareProbe;
import io.github.dgxspark.hardware.HardwareProfile;
import io.github.dgxspark.hardware.HardwareProfiles;
import io.github.dgxspark.hardware.HardwareReport;
import io.github.dgxspark.hardware.NvidiaSmi;
import io.github.dgxspark.hardware.PasteReport;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Where the hardware comes from, as the CLI's {@code --profile NAME [--nodes N]}, {@code --hardware
 * FILE.json}, {@code --nvidia-smi FILE} and {@code --cluster-manager} or the tools' {@code
 * profile}, {@code nodes}, {@code hardware}, {@code nvidiaSmi} and {@code clusterManager} arguments
 * say. With none of profile, hardware and nvidia-smi, the machine the adapter runs on is probed.
 *
 * @param profile a built-in profile name such as {@code dgx-h100}
 * @param nodes how many such nodes, 1 when absent
 * @param hardware a hardware report already read from JSON ({@code --hardware})
 * @param nvidiaSmi pasted {@code nvidia-smi} output of a machine the adapter is not on
 * @param logicalCores that machine's logical cores, when the paste does not show them
 * @param memory that machine's memory in Spark's units ({@code 2t}), when the paste does not show
 *     it
 * @param manager the cluster manager
 */
public record HardwareOptions(
    Optional<String> profile,
    OptionalInt nodes,
    Optional<HardwareReport> hardware,
    Optional<String> nvidiaSmi,
    OptionalInt logicalCores,
    Optional<String> memory,
    ClusterManager manager) {

  // Checks the fields: at most one hardware source.
  public HardwareOptions {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(nodes, "nodes");
    Objects.requireNonNull(hardware, "hardware");
    Objects.requireNonNull(nvidiaSmi, "nvidiaSmi");
    Objects.requireNonNull(logicalCores, "logicalCores");
    Objects.requireNonNull(memory, "memory");
    Objects.requireNonNull(manager, "manager");
    int sources =
        (profile.isPresent() ? 1 : 0)
            + (hardware.isPresent() ? 1 : 0)
            + (nvidiaSmi.isPresent() ? 1 : 0);
    if (sources > 1) {
      throw new AdapterException(
          "more than one hardware source given; expected at most one of profile, hardware and"
              + " nvidia-smi output (none probes this machine)");
    }
    if ((logicalCores.isPresent() || memory.isPresent()) && nvidiaSmi.isEmpty()) {
      throw new AdapterException(
          "cores or memory given without nvidia-smi output; expected them only beside pasted"
              + " nvidia-smi output");
    }
    if (nodes.isPresent()) {
      Inputs.count("nodes", nodes.getAsInt(), Inputs.MAX_NODES);
    }
    if (logicalCores.isPresent()) {
      Inputs.count("cores", logicalCores.getAsInt(), Inputs.MAX_NODE_CORES);
    }
  }

  /**
   * The probed local machine, one node, standalone.
   *
   * @return the options
   */
  public static HardwareOptions local() {
    return new HardwareOptions(
        Optional.empty(),
        OptionalInt.empty(),
        Optional.empty(),
        Optional.empty(),
        OptionalInt.empty(),
        Optional.empty(),
        ClusterManager.STANDALONE);
  }

  /**
   * A built-in profile.
   *
   * @param name the profile name
   * @param nodes how many nodes, 1 or more
   * @param manager the cluster manager
   * @return the options
   */
  public static HardwareOptions profile(String name, int nodes, ClusterManager manager) {
    return new HardwareOptions(
        Optional.of(name),
        OptionalInt.of(nodes),
        Optional.empty(),
        Optional.empty(),
        OptionalInt.empty(),
        Optional.empty(),
        manager);
  }

  /**
   * Resolves the hardware: loads the profile, parses the pasted output or probes this machine.
   *
   * @return the machine and the cluster of {@code nodes} of it
   * @throws io.github.dgxspark.core.DgxSparkException if the profile is unknown, the pasted output
   *     cannot be parsed or shows too little to size a node (the message says what it shows and
   *     which of --memory, --cores or a GPU model to add), or the node count does not suit the
   *     cluster manager
   */
  public Resolved resolve() {
    int n = nodes.orElse(1);
    if (profile.isPresent()) {
      HardwareProfile p = HardwareProfiles.named(profile.get());
      return new Resolved(p.report(), p.cluster(n, manager));
    }
    HardwareReport report = hardware.orElseGet(this::probeOrPasted);
    return new Resolved(report, report.cluster(n, manager));
  }

  private HardwareReport probeOrPasted() {
    if (nvidiaSmi.isPresent()) {
      OptionalLong bytes =
          memory.map(m -> OptionalLong.of(ByteSizes.parseBytes(m))).orElse(OptionalLong.empty());
      PasteReport pasted = NvidiaSmi.read(nvidiaSmi.get(), logicalCores, bytes);
      return pasted
          .report()
          .orElseThrow(
              () ->
                  new AdapterException(
                      pasted.shows()
                          + "; to size it, give "
                          + pasted.missing().stream()
                              .map(HardwareOptions::ask)
                              .collect(Collectors.joining(", "))));
    }
    return HardwareProbe.local();
  }

  /**
   * What to give for a figure the paste lacks: the CLI option and tool argument where one exists.
   */
  private static String ask(PasteReport.Missing missing) {
    switch (missing) {
      case HOST_MEMORY:
        return "the host memory (--memory or the memory argument, e.g. 2t)";
      case LOGICAL_CORES:
        return "the logical core count (--cores or the logicalCores argument)";
      default:
        return missing.what();
    }
  }

  /**
   * Resolved hardware.
   *
   * @param report what is known about one node, with notes
   * @param cluster the cluster of N such nodes under the cluster manager
   */
  public record Resolved(HardwareReport report, ClusterSpec cluster) {
    // Checks the fields.
    public Resolved {
      Objects.requireNonNull(report, "report");
      Objects.requireNonNull(cluster, "cluster");
    }
  }
}
