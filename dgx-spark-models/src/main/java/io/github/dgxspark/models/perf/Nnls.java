package io.github.dgxspark.models.perf;

import io.github.dgxspark.models.ModelsException;
import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Non-negative least squares: minimise ‖Ax − b‖ subject to x ≥ 0, by the active-set algorithm of
 * Lawson and Hanson (Solving Least Squares Problems, 1974, chapter 23), the algorithm behind {@code
 * scipy.optimize.nnls} that Ernest uses. Unconstrained subproblems on the passive set are solved
 * through the SVD pseudo-inverse, so rank-deficient designs do not fail.
 */
final class Nnls {
  private Nnls() {}

  /**
   * Solves the problem.
   *
   * @param a the design matrix, rows × columns, finite
   * @param b the targets, one per row, finite
   * @return x ≥ 0, one entry per column
   * @throws ModelsException if the shapes disagree or a value is not finite
   */
  static double[] solve(double[][] a, double[] b) {
    int m = a.length;
    if (m == 0 || b.length != m) {
      throw new ModelsException(
          String.format(
              Locale.ROOT,
              "least-squares problem has %d rows and %d targets; expected the same number, 1 or"
                  + " more",
              m,
              b.length));
    }
    int n = a[0].length;
    for (int i = 0; i < m; i++) {
      if (a[i].length != n) {
        throw new ModelsException(
            String.format(
                Locale.ROOT, "design row %d has %d columns; expected %d", i, a[i].length, n));
      }
      for (double v : a[i]) {
        if (!Double.isFinite(v)) {
          throw new ModelsException("design row " + i + " holds " + v + "; expected finite values");
        }
      }
      if (!Double.isFinite(b[i])) {
        throw new ModelsException("target " + i + " is " + b[i] + "; expected a finite value");
      }
    }
    double scale = 0;
    for (double[] row : a) {
      for (double v : row) {
        scale = Math.max(scale, Math.abs(v));
      }
    }
    for (double v : b) {
      scale = Math.max(scale, Math.abs(v));
    }
    double tol = 1e-12 * Math.max(1, scale) * Math.max(m, n);
    double[] x = new double[n];
    boolean[] passive = new boolean[n];
    int maxIterations = 30 * n + 30;
    for (int iter = 0; iter < maxIterations; iter++) {
      double[] w = gradient(a, b, x);
      int best = -1;
      double bestW = tol;
      for (int j = 0; j < n; j++) {
        if (!passive[j] && w[j] > bestW) {
          best = j;
          bestW = w[j];
        }
      }
      if (best < 0) {
        break;
      }
      passive[best] = true;
      for (int inner = 0; inner < maxIterations; inner++) {
        double[] z = passiveSolution(a, b, passive);
        boolean feasible = true;
        for (int j = 0; j < n; j++) {
          if (passive[j] && z[j] <= tol) {
            feasible = false;
            break;
          }
        }
        if (feasible) {
          x = z;
          break;
        }
        double alpha = Double.POSITIVE_INFINITY;
        for (int j = 0; j < n; j++) {
          if (passive[j] && z[j] <= tol) {
            double denominator = x[j] - z[j];
            alpha = Math.min(alpha, denominator > 0 ? x[j] / denominator : 0);
          }
        }
        for (int j = 0; j < n; j++) {
          x[j] += alpha * (z[j] - x[j]);
          if (passive[j] && x[j] <= tol) {
            passive[j] = false;
            x[j] = 0;
          }
        }
      }
    }
    for (int j = 0; j < n; j++) {
      x[j] = Math.max(0, x[j]);
    }
    return x;
  }

  /** Aᵀ(b − Ax). */
  private static double[] gradient(double[][] a, double[] b, double[] x) {
    int n = x.length;
    double[] w = new double[n];
    for (int i = 0; i < a.length; i++) {
      double r = b[i];
      for (int j = 0; j < n; j++) {
        r -= a[i][j] * x[j];
      }
      for (int j = 0; j < n; j++) {
        w[j] += a[i][j] * r;
      }
    }
    return w;
  }

  /** The unconstrained least-squares solution on the passive columns, 0 elsewhere. */
  private static double[] passiveSolution(double[][] a, double[] b, boolean[] passive) {
    int n = passive.length;
    int[] cols = new int[n];
    int k = 0;
    for (int j = 0; j < n; j++) {
      if (passive[j]) {
        cols[k++] = j;
      }
    }
    double[][] sub = new double[a.length][k];
    for (int i = 0; i < a.length; i++) {
      for (int c = 0; c < k; c++) {
        sub[i][c] = a[i][cols[c]];
      }
    }
    RealVector s =
        new SingularValueDecomposition(new Array2DRowRealMatrix(sub, false))
            .getSolver()
            .solve(new ArrayRealVector(b, false));
    double[] z = new double[n];
    Arrays.fill(z, 0);
    for (int c = 0; c < k; c++) {
      z[cols[c]] = s.getEntry(c);
    }
    return z;
  }
}
