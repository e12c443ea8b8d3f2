package io.github.dgxspark.core;

import java.util.Locale;

/**
 * Where spark-submit starts the driver ({@code --deploy-mode}): this decides whether the workers
 * must hold room for it.
 */
public enum DeployMode {
  /**
   * The driver runs in the spark-submit process on the submitting host (spark-submit's default): on
   * a cluster of two or more nodes it takes nothing from the workers.
   */
  CLIENT,
  /** The cluster manager starts the driver on one of the workers. */
  CLUSTER;

  /**
   * Parses {@code client} or {@code cluster} (case-insensitive).
   *
   * @param text the deploy mode
   * @return the deploy mode
   * @throws DgxSparkException if the text is neither
   */
  public static DeployMode parse(String text) {
    String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
    for (DeployMode m : values()) {
      if (m.name().equals(t)) {
        return m;
      }
    }
    throw new DgxSparkException(
        String.format(
            Locale.ROOT, "deploy mode '%s' is not known; expected client or cluster", text));
  }

  /**
   * The lower-case id used in JSON and on the command line.
   *
   * @return e.g. {@code client}
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
