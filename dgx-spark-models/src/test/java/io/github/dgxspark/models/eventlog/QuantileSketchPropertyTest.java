package io.github.dgxspark.models.eventlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class QuantileSketchPropertyTest {
  @Test
  void quantileIsWithinOnePercentOfTheExactLowerRankValue() {
    qt().withExamples(300)
        .forAll(
            lists().of(upTo(1_000_000_000_000L)).ofSizeBetween(1, 2000), doubles().between(0, 1))
        .checkAssert(
            (values, q) -> {
              QuantileSketch s = new QuantileSketch();
              values.forEach(s::add);
              long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
              long exact = sorted[(int) Math.floor(q * (sorted.length - 1))];

              long got = s.quantile(q);
              // 1% relative error of the bucket representative, plus rounding to a whole number
              assertTrue(
                  Math.abs(got - exact) <= 0.0100001 * exact + 0.5, got + " vs exact " + exact);
            });
  }

  @Test
  void countSumMinMaxAreExact() {
    qt().withExamples(300)
        .forAll(lists().of(upTo(1L << 40)).ofSizeBetween(1, 500))
        .checkAssert(
            values -> {
              QuantileSketch s = new QuantileSketch();
              values.forEach(s::add);
              ApplicationProfile.Distribution d = s.toDistribution();

              assertEquals(values.size(), d.count());
              assertEquals(values.stream().mapToLong(Long::longValue).sum(), d.sum());
              assertEquals(values.stream().mapToLong(Long::longValue).min().orElseThrow(), d.min());
              assertEquals(values.stream().mapToLong(Long::longValue).max().orElseThrow(), d.max());
            });
  }

  /**
   * 0 to {@code max}, every power of two below it as likely as any other: the sketch's relative
   * error matters most for small values, which a uniform draw would almost never give.
   */
  private static Gen<Long> upTo(long max) {
    return integers()
        .between(0, 63 - Long.numberOfLeadingZeros(max) + 1)
        .flatMap(b -> longs().between(0, Math.min(max, (1L << b) - 1)));
  }
}
