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
              assertSameTimes(t, h.taskTimes(t, slots, slots, t.length));
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
              double fewer = Arrays.stream(h.taskTimes(t, slots, slots, t.length)).sum();
              double more = Arrays.stream(h.taskTimes(t, slots, slots + 1, t.length)).sum();
              // cold tasks are the longest (warm ÷ cold ≤ 1) and cores per task only fall
              assertTrue(more >= fewer * (1 - 1e-9), more + " < " + fewer);
            });
  }

  @Test
  void resplit_keepsTheStagesTotalTaskTimeInTheNewTaskCount() {
    qt().withExamples(300)
        .forAll(
            integers().between(1, 64), integers().between(1, 256), longs().between(0, 1_000_000))
        .checkAssert(
            (n, count, seed) -> {
              double[] t = times(n, seed);
              double[] split = Replayer.resplit(t, count);
              assertEquals(count, split.length);
              double total = Arrays.stream(t).sum();
              assertEquals(total, Arrays.stream(split).sum(), 1e-9 * total);
              // no task longer than the longest observed one when the stage has more tasks
              double max = Arrays.stream(t).max().orElseThrow();
              if (count >= n) {
                assertTrue(Arrays.stream(split).max().orElseThrow() <= max * (1 + 1e-9));
              }
            });
  }

  @Test
  void resplitIntoTheSameCount_keepsEveryTaskTime() {
    qt().withExamples(300)
        .forAll(integers().between(1, 64), longs().between(0, 1_000_000))
        .checkAssert(
            (n, seed) -> {
              double[] t = times(n, seed);
              assertSameTimes(t, Replayer.resplit(t, n));
            });
  }

  @Test
  void moreTasksOnTheSameSlots_neverShortenTheStagesTaskTime() {
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
              double fewer = Arrays.stream(h.taskTimes(t, slots, slots, n + 1)).sum();
              double more = Arrays.stream(h.taskTimes(t, slots, slots, n + 2)).sum();
              // the same warm work; one more task may be a first task on its slot, paying the
              // warm-up, and more running tasks share the host's cores
              assertTrue(more >= fewer * (1 - 1e-9), more + " < " + fewer);
            });
  }

  // the same task times in any order, to a relative 1e-6
  private static void assertSameTimes(double[] expected, double[] actual) {
    double[] a = expected.clone();
    double[] b = actual.clone();
    Arrays.sort(a);
    Arrays.sort(b);
    assertEquals(a.length, b.length);
    for (int i = 0; i < a.length; i++) {
      assertEquals(a[i], b[i], 1e-6 * a[i]);
    }
  }
}
