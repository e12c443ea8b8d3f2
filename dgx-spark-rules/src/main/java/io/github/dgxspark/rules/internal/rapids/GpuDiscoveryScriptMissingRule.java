package io.github.dgxspark.rules.internal.rapids;

import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;

/**
 * Reports executor GPUs requested without a discovery script (or resources file): the executor
 * cannot find its GPU address and fails to start.
 */
final class GpuDiscoveryScriptMissingRule implements Rule {
  @Override
  public String name() {
    return "GpuDiscoveryScriptMissing";
  }

  @Override
  public void check(RuleContext c) {
    if (c.localMode()
        || !c.isSet("spark.executor.resource.gpu.amount")
        || c.number("spark.executor.resource.gpu.amount").orElse(0) <= 0
        || c.isSet("spark.executor.resource.gpu.discoveryScript")
        || c.isSet("spark.executor.resourcesFile")) {
      return;
    }
    c.report(
        List.of("spark.executor.resource.gpu.discoveryScript"),
        Map.of(),
        "/opt/sparkRapidsPlugin/getGpusResources.sh");
  }
}
