package io.github.dgxspark.rules.internal.limits;

import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Reports a Kryo initial buffer larger than its maximum, which Kryo's Output rejects when the
 * serializer is created.
 */
final class KryoBufferAboveMaxRule implements Rule {
  private static final String BUFFER = "spark.kryoserializer.buffer";
  private static final String MAX = "spark.kryoserializer.buffer.max";

  @Override
  public String name() {
    return "KryoBufferAboveMax";
  }

  @Override
  public void check(RuleContext c) {
    if (!c.isSet(BUFFER)) {
      return;
    }
    OptionalLong buffer = c.bytes(BUFFER);
    OptionalLong max = c.bytes(MAX);
    if (buffer.isPresent() && max.isPresent() && buffer.getAsLong() > max.getAsLong()) {
      c.report(
          List.of(BUFFER, MAX),
          Map.of("buffer", c.shown(BUFFER), "max", ByteSizes.format(max.getAsLong())),
          "64k");
    }
  }
}
