package io.github.dgxspark.core;

import java.util.Locale;

/**
 * Whether a job should run on CPUs only, on GPUs with the RAPIDS Accelerator, or whichever suits
 * it.
 */
public enum ExecutionMode {
  /** CPU executors only. */
  CPU,
  /** GPU executors with the RAPIDS Accelerator, one executor per GPU. */
  GPU,
  /** Let the optimizer decide from the hardware and the workload. */
  AUTO;

  /**
   * Parses {@code cpu}, {@code gpu} or {@code auto} (case-insensitive).
   *
   * @param text the mode
   * @return the mode
   * @throws DgxSparkException if the text is none of them
   */
  public static ExecutionMode parse(String text) {
    String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
    for (ExecutionMode m : values()) {
      if (m.name().equals(t)) {
        return m;
      }
    }
    throw new DgxSparkException(
        String.format(Locale.ROOT, "mode '%s' is not known; expected cpu, gpu or auto", text));
  }

  /**
   * The lower-case id used in JSON and on the command line.
   *
   * @return e.g. {@code gpu}
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
