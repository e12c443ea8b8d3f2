package io.github.dgxspark.rules.internal.rapids;

import io.github.dgxspark.core.ClusterManager;
import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;

/**
 * Reports executor GPUs on a standalone cluster whose workers are not told to offer GPUs: the
 * master then never grants a GPU executor.
 */
final class StandaloneWorkerGpusMissingRule implements Rule {
  @Override
  public String name() {
    return "StandaloneWorkerGpusMissing";
  }

  @Override
  public void check(RuleContext c) {
    if (c.manager().orElse(ClusterManager.LOCAL) != ClusterManager.STANDALONE
        || !c.isSet("spark.executor.resource.gpu.amount")
        || c.isSet("spark.worker.resource.gpu.amount")) {
      return;
    }
    String gpus =
        c.hardware().map(h -> Integer.toString(Math.max(1, h.node().gpuCount()))).orElse("1");
    c.report(List.of("spark.worker.resource.gpu.amount"), Map.of(), gpus);
  }
}
