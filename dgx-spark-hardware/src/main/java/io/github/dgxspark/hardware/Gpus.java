package io.github.dgxspark.hardware;

import java.util.regex.Pattern;

/**
 * What a GPU's model name tells: its compute capability and the NVLink rate of its generation.
 *
 * <p>Compute capabilities: GB10 12.1, GB300 10.3, B200/GB200 10.0, H100/H200 9.0, A100 8.0, V100
 * 7.0 (NVIDIA's CUDA GPU Compute Capability tables, developer.nvidia.com/cuda-gpus and
 * developer.nvidia.com/cuda-legacy-gpus). NVLink per link, both directions together (the way NVIDIA
 * quotes per-GPU NVLink bandwidth): 50 GB/s for NVLink 2–4 (V100 300 GB/s over 6 links, A100 600
 * GB/s over 12, H100 900 GB/s over 18) and 100 GB/s for NVLink 5 (B200/GB200 1.8 TB/s over 18), per
 * the DGX-1 datasheet and the DGX A100, H100/H200 and B200 user guides.
 */
final class Gpus {
  private static final Pattern GB10 = Pattern.compile(".*\\bGB10\\b.*");
  private static final Pattern CC_10_3 = Pattern.compile(".*\\b(GB300|B300)\\b.*");
  private static final Pattern CC_10_0 = Pattern.compile(".*\\b(GB200|B200|B100)\\b.*");
  private static final Pattern CC_9_0 = Pattern.compile(".*\\b(GH200|H100|H200|H800|H20)\\b.*");
  private static final Pattern CC_8_0 = Pattern.compile(".*\\b(A100|A800|A30)\\b.*");
  private static final Pattern CC_7_0 = Pattern.compile(".*\\bV100\\b.*");

  private Gpus() {}

  /** The compute capability of a model, or empty when the name is not one of the DGX parts. */
  static String computeCapability(String name) {
    String n = name.replace('-', ' ');
    if (GB10.matcher(n).matches()) {
      return "12.1";
    }
    if (CC_10_3.matcher(n).matches()) {
      return "10.3";
    }
    if (CC_10_0.matcher(n).matches()) {
      return "10.0";
    }
    if (CC_9_0.matcher(n).matches()) {
      return "9.0";
    }
    if (CC_8_0.matcher(n).matches()) {
      return "8.0";
    }
    if (CC_7_0.matcher(n).matches()) {
      return "7.0";
    }
    return "";
  }

  /**
   * Bytes per second of one NVLink link, both directions, for a compute capability; 0 if unknown.
   */
  static long linkBytesPerSecond(String computeCapability) {
    if (computeCapability.isEmpty()) {
      return 0;
    }
    String major = computeCapability.substring(0, computeCapability.indexOf('.'));
    switch (major) {
      case "7":
      case "8":
      case "9":
        return 50_000_000_000L;
      case "10":
        return 100_000_000_000L;
      default:
        return 0;
    }
  }
}
