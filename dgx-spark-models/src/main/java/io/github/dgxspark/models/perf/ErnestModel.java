package io.github.dgxspark.models.perf;

import io.github.dgxspark.models.ModelsException;
import java.util.Locale;
import java.util.Objects;

/**
 * A fitted Ernest model (Venkataraman et al., "Ernest: Efficient Performance Prediction for
 * Large-Scale Advanced Analytics", NSDI 2016): time = θ0 + θ1·size/machines + θ2·ln(machines) +
 * θ3·machines with every θ ≥ 0, fitted by non-negative least squares on measured runs of one
 * workload. "Machines" are cores (executors × cores per executor), as in Ernest's own RCV1 example.
 *
 * @param workload the workload type id the model was fitted for
 * @param sizeBasis what "size" means: input bytes, or the harness's scale factor when some run has
 *     no input size
 * @param theta0Millis fixed serial cost, ms
 * @param theta1Millis parallel work, ms per size unit per core
 * @param theta2Millis tree-aggregation cost, ms per ln(core)
 * @param theta3Millis linear communication cost, ms per core
 * @param runs measured runs it was fitted on
 * @param distinctMachineCounts distinct core counts among them
 * @param trainingMedianErrorFraction median |predicted − measured| ÷ measured over the runs
 */
public record ErnestModel(
    String workload,
    SizeBasis sizeBasis,
    double theta0Millis,
    double theta1Millis,
    double theta2Millis,
    double theta3Millis,
    int runs,
    int distinctMachineCounts,
    double trainingMedianErrorFraction) {

  /** What the model's size feature measures. */
  public enum SizeBasis {
    /** Bytes the job read. */
    INPUT_BYTES,
    /** The harness's data scale factor. */
    SCALE
  }

  // Checks the fields.
  public ErnestModel {
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(sizeBasis, "sizeBasis");
    double[] thetas = {theta0Millis, theta1Millis, theta2Millis, theta3Millis};
    for (int i = 0; i < thetas.length; i++) {
      if (!(thetas[i] >= 0) || !Double.isFinite(thetas[i])) {
        throw new ModelsException(
            String.format(
                Locale.ROOT,
                "Ernest θ%d is %s; expected a finite value of 0 or more",
                i,
                thetas[i]));
      }
    }
    if (runs < 1) {
      throw new ModelsException("Ernest model fitted on " + runs + " runs; expected 1 or more");
    }
  }

  /**
   * The model's time for a size and a core count.
   *
   * @param size the job's size in {@link #sizeBasis()} units, 0 or more
   * @param machines cores, 1 or more
   * @return predicted wall time, ms
   * @throws ModelsException if size is negative or not finite, or machines is below 1
   */
  public double predictMillis(double size, int machines) {
    if (!(size >= 0) || !Double.isFinite(size)) {
      throw new ModelsException(
          String.format(
              Locale.ROOT, "Ernest size is %s; expected a finite value of 0 or more", size));
    }
    if (machines < 1) {
      throw new ModelsException(
          String.format(Locale.ROOT, "Ernest machines is %d; expected 1 or more cores", machines));
    }
    double[] f = Ernest.features(size, machines);
    return theta0Millis * f[0] + theta1Millis * f[1] + theta2Millis * f[2] + theta3Millis * f[3];
  }
}
