package io.github.dgxspark.rules.internal.antipattern;

import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;

/**
 * Reports dynamic allocation with neither the external shuffle service nor shuffle tracking (nor
 * shuffle-block decommissioning): Spark refuses to start, since removed executors would take their
 * shuffle files with them.
 */
final class DynamicAllocationWithoutShuffleServiceRule implements Rule {
  @Override
  public String name() {
    return "DynamicAllocationWithoutShuffleService";
  }

  @Override
  public void check(RuleContext c) {
    if (c.localMode()
        || !c.flag("spark.dynamicAllocation.enabled")
        || c.flag("spark.shuffle.service.enabled")
        || c.flag("spark.dynamicAllocation.shuffleTracking.enabled")
        || (c.flag("spark.decommission.enabled")
            && c.flag("spark.storage.decommission.shuffleBlocks.enabled"))) {
      return;
    }
    c.report(
        List.of(
            "spark.dynamicAllocation.shuffleTracking.enabled",
            "spark.shuffle.service.enabled",
            "spark.dynamicAllocation.enabled"),
        Map.of(),
        "true");
  }
}
