package io.github.dgxspark.rules.internal.hardware;

import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reports GPU settings (RAPIDS plugin, GPU resources) for hardware without a GPU. */
final class GpuSettingsWithoutGpusRule implements Rule {
  @Override
  public String name() {
    return "GpuSettingsWithoutGpus";
  }

  @Override
  public void check(RuleContext c) {
    if (c.hardware().isEmpty() || c.hardware().get().node().gpuCount() > 0) {
      return;
    }
    List<String> keys = new ArrayList<>();
    for (String k : c.entries().keySet()) {
      if (k.startsWith("spark.rapids.") || k.contains(".resource.gpu.")) {
        keys.add(k);
      }
    }
    if (c.rapidsPluginLoaded()) {
      keys.add(0, "spark.plugins");
    }
    if (!keys.isEmpty()) {
      c.report(keys, Map.of("keys", String.join(", ", keys.subList(0, Math.min(3, keys.size())))));
    }
  }
}
