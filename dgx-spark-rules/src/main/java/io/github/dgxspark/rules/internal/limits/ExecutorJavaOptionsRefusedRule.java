package io.github.dgxspark.rules.internal.limits;

import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;

/**
 * Reports executor Java options that Spark refuses at start: {@code SparkConf.validateSettings}
 * fails when {@code spark.executor.extraJavaOptions} contains {@code -Xmx} (the heap is {@code
 * spark.executor.memory}) or {@code -Dspark} (Spark properties are set as properties), in 3.5.8 as
 * in 4.1.3; the check is a plain substring test, as Spark's. (Spark 4 also checks {@code
 * spark.executor.defaultJavaOptions}, which the key table does not list; not checked here.)
 */
final class ExecutorJavaOptionsRefusedRule implements Rule {
  private static final String KEY = "spark.executor.extraJavaOptions";

  @Override
  public String name() {
    return "ExecutorJavaOptionsRefused";
  }

  @Override
  public void check(RuleContext c) {
    String options = c.value(KEY).orElse("");
    if (options.contains("-Xmx")) {
      report(c, "remove -Xmx and size the heap with spark.executor.memory");
    } else if (options.contains("-Dspark")) {
      report(c, "set Spark properties with --conf or spark-defaults.conf, not -Dspark.*");
    }
  }

  private static void report(RuleContext c, String fix) {
    c.report(
        List.of(KEY),
        Map.of("key", KEY, "value", c.shown(KEY), "version", c.sparkVersion(), "fix", fix));
  }
}
