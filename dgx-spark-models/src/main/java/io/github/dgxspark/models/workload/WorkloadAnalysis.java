package io.github.dgxspark.models.workload;

import java.util.Objects;

/**
 * Everything the analyzer says about one workload.
 *
 * @param classification its class, confidence, runner-up and evidence
 * @param extraction sizes, GPU intent and operations read from the text (empty for a log)
 * @param intensity CPU time per input byte
 * @param ioPattern bytes read, shuffled and written, and their time on the cluster
 * @param gpuSuitability how much could run on GPUs and the likely gain
 */
public record WorkloadAnalysis(
    Classification classification,
    ExtractionResult extraction,
    IntensityResult intensity,
    IoPatternReport ioPattern,
    GpuSuitabilityReport gpuSuitability) {
  // Checks the fields.
  public WorkloadAnalysis {
    Objects.requireNonNull(classification, "classification");
    Objects.requireNonNull(extraction, "extraction");
    Objects.requireNonNull(intensity, "intensity");
    Objects.requireNonNull(ioPattern, "ioPattern");
    Objects.requireNonNull(gpuSuitability, "gpuSuitability");
  }
}
