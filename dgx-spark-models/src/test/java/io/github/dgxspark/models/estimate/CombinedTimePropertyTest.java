package io.github.dgxspark.models.estimate;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.dgxspark.models.estimate.CombinedTime.Choice;
import io.github.dgxspark.models.estimate.CombinedTimeReport.ModelTime;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class CombinedTimePropertyTest {
  @Test
  void intervalContainsEveryInRangePrediction() {
    qt().withExamples(500)
        .forAll(model(CombinedTime.RATES), model(CombinedTime.ERNEST))
        .check(
            (r, e) -> {
              Choice c = CombinedTime.choose(r, Optional.of(e));
              return contains(c, r, r.inRange()) && contains(c, e, e.inRange());
            });
  }

  @Test
  void expectedLiesInsideTheInterval() {
    qt().withExamples(500)
        .forAll(model(CombinedTime.RATES), model(CombinedTime.ERNEST))
        .check(
            (r, e) -> {
              Choice c = CombinedTime.choose(r, Optional.of(e));
              return c.low().compareTo(c.expected()) <= 0 && c.expected().compareTo(c.high()) <= 0;
            });
  }

  /**
   * A model outside its range is not used: when the other model is in range, changing the
   * out-of-range model's numbers changes nothing in the answer.
   */
  @Test
  void outOfRangeModelDoesNotMoveTheAnswer() {
    qt().withExamples(500)
        .forAll(
            model(CombinedTime.RATES),
            model(CombinedTime.ERNEST),
            model(CombinedTime.ERNEST),
            booleans().all())
        .check(
            (r, e1, e2, ratesInRange) -> {
              ModelTime in;
              Choice a;
              Choice b;
              if (ratesInRange) {
                in = withRange(r, true);
                a = CombinedTime.choose(in, Optional.of(withRange(e1, false)));
                b = CombinedTime.choose(in, Optional.of(withRange(e2, false)));
              } else {
                in = withRange(e1, true);
                ModelTime out1 = withRange(r, false);
                ModelTime out2 = withRange(e2, false);
                a = CombinedTime.choose(out1, Optional.of(in));
                b = CombinedTime.choose(out2, Optional.of(in));
              }
              return a.expected().equals(in.expected())
                  && a.low().equals(in.low())
                  && a.high().equals(in.high())
                  && a.expected().equals(b.expected())
                  && a.low().equals(b.low())
                  && a.high().equals(b.high())
                  && !a.extrapolated()
                  && a.model().equals(in.name());
            });
  }

  /** With no model in range the answer is flagged, rests on the rates, and spans every model. */
  @Test
  void noModelInRangeIsAnExtrapolationSpanningEveryModel() {
    qt().withExamples(300)
        .forAll(model(CombinedTime.RATES), model(CombinedTime.ERNEST))
        .check(
            (r, e) -> {
              ModelTime ro = withRange(r, false);
              ModelTime eo = withRange(e, false);
              Choice c = CombinedTime.choose(ro, Optional.of(eo));
              return c.extrapolated()
                  && c.expected().equals(ro.expected())
                  && contains(c, ro, true)
                  && contains(c, eo, true)
                  && c.model().equals(CombinedTime.RATES);
            });
  }

  /** Both in range: the expected time lies between the two models' expected times. */
  @Test
  void bothInRangeExpectedLiesBetweenTheirs() {
    qt().withExamples(300)
        .forAll(model(CombinedTime.RATES), model(CombinedTime.ERNEST))
        .check(
            (r, e) -> {
              Choice c = CombinedTime.choose(withRange(r, true), Optional.of(withRange(e, true)));
              long lo = Math.min(r.expected().toMillis(), e.expected().toMillis());
              long hi = Math.max(r.expected().toMillis(), e.expected().toMillis());
              long x = c.expected().toMillis();
              return x >= lo
                  && x <= hi
                  && c.models().stream().allMatch(ModelTime::used)
                  && !c.extrapolated();
            });
  }

  private static boolean contains(Choice c, ModelTime m, boolean mustContain) {
    return !mustContain
        || (c.low().compareTo(m.low()) <= 0
            && c.high().compareTo(m.high()) >= 0
            && c.low().compareTo(m.expected()) <= 0
            && c.high().compareTo(m.expected()) >= 0);
  }

  private static ModelTime withRange(ModelTime m, boolean inRange) {
    return new ModelTime(
        m.name(), m.expected(), m.low(), m.high(), inRange, false, m.validity(), m.source());
  }

  /** A model answer: expected 1 ms to about 14 days on a log scale, an interval around it. */
  private static Gen<ModelTime> model(String name) {
    Gen<Long> millis = longs().between(0, 3_000).map(k -> Math.round(Math.pow(10, k / 330.0)));
    Gen<Long> spread = longs().between(100, 400);
    return millis
        .zip(spread, spread, (mid, down, up) -> new long[] {mid, mid * 100 / down, mid * up / 100})
        .zip(
            booleans().all(),
            (m, in) ->
                new ModelTime(
                    name,
                    Duration.ofMillis(m[0]),
                    Duration.ofMillis(m[1]),
                    Duration.ofMillis(m[2]),
                    in,
                    false,
                    "generated",
                    "generated"));
  }
}
