package io.github.dgxspark.models.recommendations;

import io.github.dgxspark.core.SparkConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Implementation guidance: the spark-defaults lines, the spark-submit flags and what to watch. */
final class Guidance {
  private Guidance() {}

  static String of(List<Change> changes, String watch) {
    Map<String, String> m = new LinkedHashMap<>();
    changes.forEach(c -> m.put(c.key(), c.proposed()));
    SparkConfig config = new SparkConfig(m);
    StringBuilder sb = new StringBuilder(256);
    sb.append("In spark-defaults.conf: ")
        .append(String.join("; ", config.toDefaultsConf().strip().lines().toList()))
        .append(". Or on spark-submit: ")
        .append(String.join(" ", config.toSubmitArgs()))
        .append('.');
    if (changes.stream().allMatch(c -> c.key().startsWith("spark.sql."))) {
      sb.append(" These are SQL settings: a running session can also set them with SET key=value.");
    }
    sb.append(" Watch: ").append(watch);
    return sb.toString();
  }
}
