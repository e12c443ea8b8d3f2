package io.github.dgxspark.models.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Invariants of the Lawson–Hanson NNLS and of the Ernest fit. */
class NnlsPropertyTest {

  @Test
  void solutionIsNeverNegative() {
    qt().withExamples(300)
        .forAll(integers().between(1, 12), integers().between(1, 5), longs().between(0, 1_000_000))
        .checkAssert(NnlsPropertyTest::solutionIsNeverNegative);
  }

  private static void solutionIsNeverNegative(int rows, int cols, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] a = new double[rows][cols];
    double[] b = new double[rows];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        a[i][j] = r.nextDouble(-10, 10);
      }
      b[i] = r.nextDouble(-100, 100);
    }
    double[] x = Nnls.solve(a, b);
    assertEquals(cols, x.length);
    for (double v : x) {
      assertTrue(v >= 0, "x = " + java.util.Arrays.toString(x));
    }
    // KKT: the gradient Aᵀ(b − Ax) is ≤ 0 (within tolerance) where x = 0, ≈ 0 where x > 0
    for (int j = 0; j < cols; j++) {
      double w = 0;
      for (int i = 0; i < rows; i++) {
        double res = b[i];
        for (int k = 0; k < cols; k++) {
          res -= a[i][k] * x[k];
        }
        w += a[i][j] * res;
      }
      assertTrue(w <= 1e-6 * 1000, "gradient " + w + " at " + j);
      if (x[j] > 1e-9) {
        assertEquals(0, w, 1e-5 * 1000);
      }
    }
  }

  @Test
  void ernestRecoversNoiseFreeThetas() {
    qt().withExamples(300)
        .forAll(
            doubles().between(0, 5000),
            doubles().between(0, 1e5),
            doubles().between(0, 500),
            doubles().between(0, 50))
        .checkAssert(NnlsPropertyTest::ernestRecoversNoiseFreeThetas);
  }

  private static void ernestRecoversNoiseFreeThetas(double t0, double t1, double t2, double t3) {
    double[] theta = {t0, t1, t2, t3};
    int[] machines = {1, 2, 4, 8, 16, 32, 3, 12};
    double[] sizes = {1, 0.5, 2, 1, 4, 0.25, 3, 1.5};
    double[][] a = new double[machines.length][];
    double[] b = new double[machines.length];
    for (int i = 0; i < machines.length; i++) {
      a[i] = Ernest.features(sizes[i], machines[i]);
      b[i] = Ernest.predict(theta, sizes[i], machines[i]);
    }
    double[] x = Nnls.solve(a, b);
    for (int i = 0; i < machines.length; i++) {
      assertEquals(b[i], Ernest.predict(x, sizes[i], machines[i]), 1e-6 * Math.max(1, b[i]));
    }
    for (int j = 0; j < 4; j++) {
      assertEquals(theta[j], x[j], 1e-5 * Math.max(1, Math.max(theta[j], 1e5 / 100)));
    }
  }
}
