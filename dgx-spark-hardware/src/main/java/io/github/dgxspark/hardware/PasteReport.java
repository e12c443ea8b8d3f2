package io.github.dgxspark.hardware;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What pasted {@code nvidia-smi} output shows, whether or not it is enough to size a node: {@link
 * NvidiaSmi#read} returns it for partial pastes (a {@code topo -m} alone, one GPU's capture without
 * the host's memory) where {@link NvidiaSmi#describe} would refuse.
 *
 * @param formats the outputs recognised, in the order first seen
 * @param shows one sentence on what the paste shows (GPU count and model, GPU memory, NVLink, NICs,
 *     CPU and NUMA affinity, host cores and memory), each figure not shown marked {@code unknown}
 * @param missing what sizing lacks, empty exactly when {@code report} is present
 * @param report the node, when nothing is missing
 */
public record PasteReport(
    List<String> formats, String shows, List<Missing> missing, Optional<HardwareReport> report) {

  /** A figure a node needs that the paste, the caller and the built-in profiles do not give. */
  public enum Missing {
    /** No GPU model name: {@code topo -m} and {@code nvlink -s} do not show it. */
    GPU_MODEL("the GPU model (append nvidia-smi -L or the default nvidia-smi table to the paste)"),
    /** A named GPU whose memory is not shown and that is not a built-in profile's GPU. */
    GPU_MEMORY(
        "the GPU memory (append the default nvidia-smi table or --query-gpu=memory.total output)"),
    /** The host's memory: not given, no {@code free} or {@code /proc/meminfo}, no profile. */
    HOST_MEMORY("the host memory"),
    /** The host's logical cores: not given, no {@code lscpu}, no CPU affinity, no profile. */
    LOGICAL_CORES("the logical core count");

    private final String what;

    Missing(String what) {
      this.what = what;
    }

    /**
     * What is missing, in words, with the output that would supply it where a paste can.
     *
     * @return the phrase, e.g. {@code the host memory}
     */
    public String what() {
      return what;
    }
  }

  // Checks the fields and copies the lists.
  public PasteReport {
    Objects.requireNonNull(shows, "shows");
    Objects.requireNonNull(report, "report");
    formats = List.copyOf(formats);
    missing = List.copyOf(missing);
    if (missing.isEmpty() != report.isPresent()) {
      throw new HardwareException(
          "paste report lists "
              + missing.size()
              + " missing figures with"
              + (report.isPresent() ? "" : "out")
              + " a node; expected a node exactly when nothing is missing");
    }
  }
}
