package io.github.dgxspark.rules.internal.hardware;

import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;

/** Reports GPU work in local mode on a node with several GPUs: one JVM drives only one GPU. */
final class LocalModeOnMultiGpuNodeRule implements Rule {
  @Override
  public String name() {
    return "LocalModeOnMultiGpuNode";
  }

  @Override
  public void check(RuleContext c) {
    if (c.hardware().isEmpty() || !c.localMode()) {
      return;
    }
    int gpus = c.hardware().get().node().gpuCount();
    if (gpus > 1) {
      c.report(List.of("spark.master"), Map.of("gpus", gpus));
    }
  }
}
