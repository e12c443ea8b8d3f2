package io.github.dgxspark.models.perf;

import java.util.List;

/**
 * One kind of bottleneck: its class finds it, its thresholds, parameters and sources are its entry
 * in {@code data/models/bottleneck-detectors.json} ({@link DetectorCatalog}). Registered in {@link
 * BottleneckDetector#DETECTORS}.
 */
interface Detector {
  /** The kind it finds; also the key of its data entry. */
  BottleneckKind kind();

  /** Its data entry. */
  default DetectorSpec spec() {
    return DetectorCatalog.builtIn().spec(kind());
  }

  /** The findings in an event log. */
  List<Bottleneck> detect(Observation observation);

  /** The findings of a config on a cluster, without a log; none for most kinds. */
  default List<Bottleneck> detect(ConfigLayout layout) {
    return List.of();
  }
}
