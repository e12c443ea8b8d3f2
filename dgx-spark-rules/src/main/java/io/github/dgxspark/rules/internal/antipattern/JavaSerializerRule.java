package io.github.dgxspark.rules.internal.antipattern;

import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;

/** Reports Spark's Java serializer set explicitly, where Kryo is faster and smaller. */
final class JavaSerializerRule implements Rule {
  @Override
  public String name() {
    return "JavaSerializer";
  }

  @Override
  public void check(RuleContext c) {
    if (c.value("spark.serializer")
        .map(v -> v.equals("org.apache.spark.serializer.JavaSerializer"))
        .orElse(false)) {
      c.report(List.of("spark.serializer"), Map.of(), "org.apache.spark.serializer.KryoSerializer");
    }
  }
}
