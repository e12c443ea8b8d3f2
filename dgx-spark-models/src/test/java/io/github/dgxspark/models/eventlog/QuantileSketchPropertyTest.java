package io.github.dgxspark.models.eventlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class QuantileSketchPropertyTest {
  @Property(tries = 300)
  void quantileIsWithinOnePercentOfTheExactLowerRankValue(
      @ForAll @Size(min = 1, max = 2000)
          List<@LongRange(min = 0, max = 1_000_000_000_000L) Long> values,
      @ForAll @DoubleRange(min = 0, max = 1) double q) {
    QuantileSketch s = new QuantileSketch();
    values.forEach(s::add);
    long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
    long exact = sorted[(int) Math.floor(q * (sorted.length - 1))];

    long got = s.quantile(q);
    // 1% relative error of the bucket representative, plus rounding to a whole number
    assertTrue(Math.abs(got - exact) <= 0.0100001 * exact + 0.5, got + " vs exact " + exact);
  }

  @Property(tries = 300)
  void countSumMinMaxAreExact(
      @ForAll @Size(min = 1, max = 500) List<@LongRange(min = 0, max = 1L << 40) Long> values) {
    QuantileSketch s = new QuantileSketch();
    values.forEach(s::add);
    ApplicationProfile.Distribution d = s.toDistribution();

    assertEquals(values.size(), d.count());
    assertEquals(values.stream().mapToLong(Long::longValue).sum(), d.sum());
    assertEquals(values.stream().mapToLong(Long::longValue).min().orElseThrow(), d.min());
    assertEquals(values.stream().mapToLong(Long::longValue).max().orElseThrow(), d.max());
  }
}
