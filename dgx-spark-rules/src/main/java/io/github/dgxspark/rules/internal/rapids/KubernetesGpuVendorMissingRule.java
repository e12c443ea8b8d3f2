package io.github.dgxspark.rules.internal.rapids;

import io.github.dgxspark.core.ClusterManager;
import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;

/**
 * Reports executor GPUs on Kubernetes without the GPU vendor, which Kubernetes needs to schedule.
 */
final class KubernetesGpuVendorMissingRule implements Rule {
  @Override
  public String name() {
    return "KubernetesGpuVendorMissing";
  }

  @Override
  public void check(RuleContext c) {
    if (c.manager().orElse(ClusterManager.LOCAL) == ClusterManager.KUBERNETES
        && c.isSet("spark.executor.resource.gpu.amount")
        && !c.isSet("spark.executor.resource.gpu.vendor")) {
      c.report(List.of("spark.executor.resource.gpu.vendor"), Map.of(), "nvidia.com");
    }
  }
}
