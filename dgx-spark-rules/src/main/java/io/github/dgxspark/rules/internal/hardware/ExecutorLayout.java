package io.github.dgxspark.rules.internal.hardware;

import io.github.dgxspark.rules.internal.RuleContext;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Executor numbers shared by the hardware rules. */
final class ExecutorLayout {
  private ExecutorLayout() {}

  /** The fixed executor count: spark.executor.instances when set, positive and not dynamic. */
  static OptionalLong fixedInstances(RuleContext c) {
    if (c.localMode()
        || !c.isSet("spark.executor.instances")
        || c.flag("spark.dynamicAllocation.enabled")) {
      return OptionalLong.empty();
    }
    OptionalLong n = c.integer("spark.executor.instances");
    return n.isPresent() && n.getAsLong() > 0 ? n : OptionalLong.empty();
  }

  /**
   * The fixed executor count when the hardware and a positive executor core count are known too:
   * what the rules that set a fixed layout against the whole cluster need.
   */
  static OptionalLong fixedInstancesOnCluster(RuleContext c) {
    return c.hardware().isPresent() && c.executorCores() >= 1
        ? fixedInstances(c)
        : OptionalLong.empty();
  }

  /** GPUs per executor when set and positive. */
  static OptionalDouble executorGpus(RuleContext c) {
    OptionalDouble g = c.number("spark.executor.resource.gpu.amount");
    return c.isSet("spark.executor.resource.gpu.amount") && g.isPresent() && g.getAsDouble() > 0
        ? g
        : OptionalDouble.empty();
  }
}
