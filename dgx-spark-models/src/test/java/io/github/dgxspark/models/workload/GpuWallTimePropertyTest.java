package io.github.dgxspark.models.workload;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Invariants of the wall-time model's arithmetic. */
class GpuWallTimePropertyTest {
  private static final GpuGeneration A100 = GpuWallTime.generation("NVIDIA A100-SXM4-80GB");
  private static final GpuGeneration B200 = GpuWallTime.generation("NVIDIA B200");

  @Test
  void unionLiesBetweenTheLongestIntervalAndTheSum() {
    qt().withExamples(500)
        .forAll(
            lists().of(integers().between(0, 10_000)).ofSizeBetween(0, 40),
            lists().of(integers().between(0, 5_000)).ofSizeBetween(0, 40))
        .checkAssert(
            (starts, lengths) -> {
              List<long[]> spans = new ArrayList<>();
              long sum = 0;
              long longest = 0;
              for (int i = 0; i < Math.min(starts.size(), lengths.size()); i++) {
                spans.add(new long[] {starts.get(i), starts.get(i) + lengths.get(i)});
                sum += lengths.get(i);
                longest = Math.max(longest, lengths.get(i));
              }
              long u = GpuWallTime.union(spans);
              assertTrue(longest <= u && u <= sum, longest + " <= " + u + " <= " + sum);
            });
  }

  @Test
  void stageOnTheGpuIsNeverSlowerThanOnTheCpuPlusItsTransitionsAndFasterGpusAreNotSlower() {
    qt().withExamples(1000)
        .forAll(
            longs().between(0, 10_000_000),
            doubles().between(0, 1),
            doubles().between(1.0 / 25, 1),
            integers().between(0, 2))
        .checkAssert(
            (wallMs, fraction, inverse, scenario) -> {
              GpuWallTime.StageTime s =
                  new GpuWallTime.StageTime(
                      1,
                      Optional.of(Instant.EPOCH),
                      wallMs,
                      wallMs,
                      Optional.of(0L),
                      fraction,
                      inverse);
              GpuWallTime.Scenario sc = GpuWallTime.Scenario.values()[scenario];
              double a100 = GpuWallTime.stageGpuMs(s, A100, GpuCosts.packaged(), sc);
              double b200 = GpuWallTime.stageGpuMs(s, B200, GpuCosts.packaged(), sc);
              // a stage mixing CPU and GPU operators may lose: it pays its row-columnar transitions
              double transitions =
                  fraction > 0 && fraction < 1
                      ? GpuWallTime.TRANSITIONS_PER_MIXED_STAGE
                          * GpuWallTime.cost("transitionFraction", sc)
                      : 0;
              assertTrue(transitions < 0.1, "transitions " + transitions);
              assertTrue(a100 <= wallMs * (1 + transitions) + 1e-6, a100 + " > " + wallMs);
              if (fraction == 0 || fraction == 1) {
                assertTrue(a100 <= wallMs + 1e-6, a100 + " > " + wallMs);
              }
              assertTrue(b200 <= a100 + 1e-6, b200 + " > " + a100);
              assertTrue(b200 >= 0);
            });
  }
}
