package io.github.dgxspark.models.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The severity mapping of {@link CostScale}, on the built-in scale of the data file. */
class CostScalePropertyTest {
  private static final CostScale SCALE = DetectorCatalog.builtIn().costScale;

  private static Gen<BottleneckSeverity> levels() {
    return integers()
        .between(0, BottleneckSeverity.values().length - 1)
        .map(i -> BottleneckSeverity.values()[i]);
  }

  /** 0 ms to 10 h, with costs near the one-second floor as likely as long ones. */
  private static Gen<Double> millis() {
    return doubles().between(-1, 7.6).map(e -> e < 0 ? 0 : Math.pow(10, e));
  }

  @Test
  void severityIsMonotoneInCost() {
    qt().withExamples(1000)
        .forAll(levels(), millis(), millis(), millis())
        .checkAssert(
            (level, a, b, wall) -> {
              double cheap = Math.min(a, b);
              double dear = Math.max(a, b);
              // enum order: most severe first, so a dearer cost has an equal or lower ordinal
              assertTrue(
                  SCALE.limit(level, dear, wall).compareTo(SCALE.limit(level, cheap, wall)) <= 0,
                  level + " " + cheap + " vs " + dear + " ms of " + wall);
            });
  }

  @Test
  void severityNeverExceedsTheMeasuredLevel() {
    qt().withExamples(1000)
        .forAll(levels(), millis(), millis())
        .checkAssert(
            (level, cost, wall) ->
                assertTrue(SCALE.limit(level, cost, wall).compareTo(level) >= 0));
  }

  @Test
  void subSecondCostIsAtMostLow() {
    qt().withExamples(500)
        .forAll(levels(), doubles().between(0, 999.999), millis())
        .checkAssert(
            (level, cost, wall) ->
                assertEquals(BottleneckSeverity.LOW, SCALE.limit(level, cost, wall)));
  }

  @Test
  void aCostOfTheWholeWallTimeKeepsItsLevel() {
    qt().withExamples(500)
        .forAll(levels(), doubles().between(1000, 3.6e7))
        .checkAssert((level, wall) -> assertEquals(level, SCALE.limit(level, wall, wall)));
  }

  @Test
  void noSavingUnderTheMinimumIsClaimed_andAClaimedOneIsNeverZero() {
    qt().withExamples(500)
        .forAll(millis())
        .checkAssert(
            ms ->
                SCALE
                    .saving(ms)
                    .ifPresentOrElse(
                        d -> assertTrue(d.toMillis() >= 100 && ms >= 100, ms + " -> " + d),
                        () -> assertTrue(ms < 100, ms + " not claimed")));
  }
}
