package io.github.dgxspark.hardware;

/**
 * The NVLink rate of a GPU generation (its compute capability; a GPU's name is matched by core's
 * {@code DgxFacts}). NVLink per link, both directions together (the way NVIDIA quotes per-GPU
 * NVLink bandwidth): 50 GB/s for NVLink 2–4 (V100 300 GB/s over 6 links, A100 600 GB/s over 12,
 * H100 900 GB/s over 18) and 100 GB/s for NVLink 5 (B200/GB200 1.8 TB/s over 18), per the DGX-1
 * datasheet and the DGX A100, H100/H200 and B200 user guides.
 */
final class Gpus {

  private Gpus() {}

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
