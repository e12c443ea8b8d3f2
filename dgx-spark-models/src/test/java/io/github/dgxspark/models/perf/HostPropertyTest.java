package io.github.dgxspark.models.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Invariants of the host model's move of a stage's task times between slot counts. */
class HostPropertyTest {

  private static double[] times(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = r.nextDouble(1, 10_000);
    }
    return t;
  }

  @Test
  void sameSlots_keepsEveryTaskTime() {
    qt().withExamples(300)
        .forAll(
            integers().between(1, 64),
            integers().between(1, 16),
            integers().between(1, 32),
            longs().between(0, 1_000_000))
        .checkAssert(
            (n, cores, slots, seed) -> {
              Replayer.Host h = new Replayer.Host(cores, "h", 0, 0, 0.3, 0);
              double[] t = times(n, seed);
              double[] moved = h.taskTimes(t, slots, slots);
              double[] a = t.clone();
              double[] b = moved.clone();
              Arrays.sort(a);
              Arrays.sort(b);
              for (int i = 0; i < n; i++) {
                assertEquals(a[i], b[i], 1e-6 * a[i]);
              }
            });
  }

  @Test
  void moreSlotsOnTheSameHost_neverShortenTheStagesTaskTime() {
    qt().withExamples(300)
        .forAll(
            integers().between(1, 64),
            integers().between(1, 16),
            integers().between(1, 32),
            longs().between(0, 1_000_000))
        .checkAssert(
            (n, cores, slots, seed) -> {
              Replayer.Host h = new Replayer.Host(cores, "h", 0, 0, 0.3, 0);
              double[] t = times(n, seed);
              double fewer = Arrays.stream(h.taskTimes(t, slots, slots)).sum();
              double more = Arrays.stream(h.taskTimes(t, slots, slots + 1)).sum();
              // cold tasks are the longest (warm ÷ cold ≤ 1) and cores per task only fall
              assertTrue(more >= fewer * (1 - 1e-9), more + " < " + fewer);
            });
  }
}
