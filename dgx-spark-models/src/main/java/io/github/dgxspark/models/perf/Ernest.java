package io.github.dgxspark.models.perf;

import io.github.dgxspark.models.ModelsException;
import io.github.dgxspark.models.perf.ErnestModel.SizeBasis;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Fitting and bootstrapping the Ernest model. */
final class Ernest {
  /** Bootstrap replicates behind an interval. */
  static final int BOOTSTRAP = 200;

  /** Coverage of the bootstrap interval. */
  static final double LEVEL = 0.8;

  /** Runs below which, or distinct core counts below which, a fit is flagged as thin. */
  static final int MIN_RUNS = 5;

  static final int MIN_MACHINE_COUNTS = 3;

  static final String SOURCE =
      "Ernest (Venkataraman et al., NSDI 2016; amplab/ernest predictor.py): time = θ0 +"
          + " θ1·size/machines + θ2·ln(machines) + θ3·machines, θ ≥ 0 by non-negative least squares"
          + " (Lawson–Hanson); fitted on the measured runs of the performance history";

  private Ernest() {}

  static double[] features(double size, int machines) {
    return new double[] {1, size / machines, Math.log(machines), machines};
  }

  static int machines(PerformanceRun r) {
    return r.coresUsed();
  }

  static SizeBasis basis(List<PerformanceRun> runs) {
    return runs.stream().allMatch(r -> r.inputBytes() > 0)
        ? SizeBasis.INPUT_BYTES
        : SizeBasis.SCALE;
  }

  static double size(PerformanceRun r, SizeBasis basis) {
    return basis == SizeBasis.INPUT_BYTES ? r.inputBytes() : r.scale();
  }

  static ErnestModel fit(String workload, List<PerformanceRun> runs) {
    if (runs.isEmpty()) {
      throw new ModelsException(
          String.format(
              Locale.ROOT,
              "no measured run of workload '%s' to fit an Ernest model on; expected 1 or more runs"
                  + " in the performance history",
              workload));
    }
    SizeBasis basis = basis(runs);
    double[] theta = thetas(runs, basis, null);
    double[] errors = new double[runs.size()];
    for (int i = 0; i < runs.size(); i++) {
      PerformanceRun r = runs.get(i);
      double measured = r.wallTime().toMillis();
      errors[i] = Math.abs(predict(theta, size(r, basis), machines(r)) - measured) / measured;
    }
    Arrays.sort(errors);
    double median =
        errors.length % 2 == 1
            ? errors[errors.length / 2]
            : (errors[errors.length / 2 - 1] + errors[errors.length / 2]) / 2;
    int distinct = (int) runs.stream().mapToInt(Ernest::machines).distinct().count();
    return new ErnestModel(
        workload, basis, theta[0], theta[1], theta[2], theta[3], runs.size(), distinct, median);
  }

  static boolean thin(ErnestModel m) {
    return m.runs() < MIN_RUNS || m.distinctMachineCounts() < MIN_MACHINE_COUNTS;
  }

  static double predict(double[] theta, double size, int machines) {
    double[] f = features(size, machines);
    double t = 0;
    for (int j = 0; j < 4; j++) {
      t += theta[j] * f[j];
    }
    return t;
  }

  /**
   * NNLS on [1, s/m, ln m, m] with each column scaled to a maximum of 1 (NNLS's solution set is
   * invariant under positive column scaling), then unscaled.
   *
   * @param pick row indices to use (a bootstrap resample), or null for all runs
   */
  static double[] thetas(List<PerformanceRun> runs, SizeBasis basis, int[] pick) {
    int n = pick == null ? runs.size() : pick.length;
    double[][] a = new double[n][];
    double[] b = new double[n];
    double[] colMax = new double[4];
    for (int i = 0; i < n; i++) {
      PerformanceRun r = runs.get(pick == null ? i : pick[i]);
      a[i] = features(size(r, basis), machines(r));
      b[i] = r.wallTime().toMillis();
      for (int j = 0; j < 4; j++) {
        colMax[j] = Math.max(colMax[j], Math.abs(a[i][j]));
      }
    }
    long distinct =
        java.util.stream.IntStream.range(0, n)
            .map(i -> machines(runs.get(pick == null ? i : pick[i])))
            .distinct()
            .count();
    if (distinct < MIN_MACHINE_COUNTS) {
      // with fewer than 3 core counts the ln(m) and m terms cannot be told apart from θ0 and each
      // other: fit θ0 + θ1·s/m only (zero columns stay out of the NNLS passive set)
      colMax[2] = 0;
      colMax[3] = 0;
    }
    for (double[] row : a) {
      for (int j = 0; j < 4; j++) {
        row[j] = colMax[j] > 0 ? row[j] / colMax[j] : 0;
      }
    }
    double[] x = Nnls.solve(a, b);
    for (int j = 0; j < 4; j++) {
      x[j] = colMax[j] > 0 ? x[j] / colMax[j] : 0;
    }
    return x;
  }

  /**
   * A bootstrap prediction interval: runs resampled with replacement and refitted, each replicate's
   * prediction multiplied by one of the full fit's relative residuals drawn at random, so the
   * interval covers both the θ uncertainty and run-to-run scatter.
   */
  static Interval interval(
      ErnestModel model, List<PerformanceRun> runs, double size, int machines) {
    SizeBasis basis = model.sizeBasis();
    double[] full = {
      model.theta0Millis(), model.theta1Millis(), model.theta2Millis(), model.theta3Millis()
    };
    double[] residuals = new double[runs.size()];
    for (int i = 0; i < runs.size(); i++) {
      PerformanceRun r = runs.get(i);
      double p = predict(full, size(r, basis), machines(r));
      residuals[i] = p > 0 ? r.wallTime().toMillis() / p - 1 : 0;
    }
    SplittableRandom random = new SplittableRandom(20160316L);
    double[] replicates = new double[BOOTSTRAP];
    int n = runs.size();
    for (int k = 0; k < BOOTSTRAP; k++) {
      int[] pick = new int[n];
      for (int i = 0; i < n; i++) {
        pick[i] = random.nextInt(n);
      }
      double[] theta = thetas(runs, basis, pick);
      double residual = residuals[random.nextInt(n)];
      replicates[k] = Math.max(0, predict(theta, size, machines) * (1 + residual));
    }
    Arrays.sort(replicates);
    double point = predict(full, size, machines);
    long low = Math.round(Math.min(point, quantile(replicates, (1 - LEVEL) / 2)));
    long high = Math.round(Math.max(point, quantile(replicates, 1 - (1 - LEVEL) / 2)));
    return new Interval(Math.max(0, low), Math.max(0, high), LEVEL);
  }

  static double quantile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
  }
}
