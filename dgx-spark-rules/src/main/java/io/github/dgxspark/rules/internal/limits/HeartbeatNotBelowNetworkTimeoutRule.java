package io.github.dgxspark.rules.internal.limits;

import io.github.dgxspark.core.SparkDurations;
import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Reports an executor heartbeat interval not below the network timeout, which Spark rejects at
 * start (INVALID_EXECUTOR_HEARTBEAT_INTERVAL).
 */
final class HeartbeatNotBelowNetworkTimeoutRule implements Rule {
  private static final String HEARTBEAT = "spark.executor.heartbeatInterval";
  private static final String TIMEOUT = "spark.network.timeout";

  @Override
  public String name() {
    return "HeartbeatNotBelowNetworkTimeout";
  }

  @Override
  public void check(RuleContext c) {
    if (!c.isSet(HEARTBEAT) && !c.isSet(TIMEOUT)) {
      return;
    }
    OptionalLong hb = c.millis(HEARTBEAT);
    OptionalLong to = c.millis(TIMEOUT);
    if (hb.isPresent() && to.isPresent() && hb.getAsLong() >= to.getAsLong()) {
      long suggested = Math.max(1000, to.getAsLong() / 12);
      c.report(
          List.of(HEARTBEAT, TIMEOUT),
          Map.of(
              "heartbeat", SparkDurations.format(Duration.ofMillis(hb.getAsLong())),
              "timeout", SparkDurations.format(Duration.ofMillis(to.getAsLong()))),
          SparkDurations.format(Duration.ofMillis(suggested)));
    }
  }
}
