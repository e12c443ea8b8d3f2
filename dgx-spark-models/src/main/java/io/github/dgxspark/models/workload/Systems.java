package io.github.dgxspark.models.workload;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dgxspark.core.GpuSpec;
import io.github.dgxspark.core.NodeSpec;
import java.util.Locale;

/** Local-disk read bandwidth of DGX nodes, from {@code data/models/dgx-systems.json}. */
final class Systems {
  /** The data file. */
  static final String FILE = "dgx-systems.json";

  /** A node's disk bandwidth and where the figure comes from. */
  record Disk(long readBytesPerSecond, String basis) {}

  private static final JsonNode ROOT = DataFiles.read(FILE);

  private Systems() {}

  /**
   * The local NVMe read bandwidth of a node: the matching DGX system's, else the fallback.
   *
   * @param node the node
   * @return bytes per second and its basis
   */
  static Disk disk(NodeSpec node) {
    for (JsonNode s : ROOT.path("systems")) {
      String name = DataFiles.text(FILE, s, "gpuNameContains").toUpperCase(Locale.ROOT);
      int count = (int) DataFiles.number(FILE, s, "gpuCount");
      boolean matches =
          node.gpuCount() == count
              && node.gpus().stream()
                  .map(GpuSpec::name)
                  .anyMatch(n -> containsModel(n.toUpperCase(Locale.ROOT), name));
      if (matches) {
        return new Disk(
            (long) DataFiles.number(FILE, s, "diskReadBytesPerSecond"),
            DataFiles.text(FILE, s, "name") + ": " + DataFiles.text(FILE, s, "source"));
      }
    }
    return new Disk(
        (long) DataFiles.number(FILE, ROOT, "fallbackDiskReadBytesPerSecond"),
        DataFiles.text(FILE, ROOT, "fallbackDiskBasis"));
  }

  /** True when the GPU name holds the model as a word ("GB10" must not match "GB100"). */
  static boolean containsModel(String gpuName, String model) {
    int i = gpuName.indexOf(model);
    while (i >= 0) {
      int end = i + model.length();
      boolean before = i == 0 || !Character.isLetterOrDigit(gpuName.charAt(i - 1));
      boolean after = end == gpuName.length() || !Character.isDigit(gpuName.charAt(end));
      if (before && after) {
        return true;
      }
      i = gpuName.indexOf(model, i + 1);
    }
    return false;
  }
}
