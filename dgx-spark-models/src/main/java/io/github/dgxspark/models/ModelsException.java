package io.github.dgxspark.models;

import io.github.dgxspark.core.DgxSparkException;

/**
 * The one exception type of dgx-spark-models: bad input to a model, an unreadable event log, a bad
 * data file.
 */
public class ModelsException extends DgxSparkException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message naming the bad input and what is accepted.
   *
   * @param message the message
   */
  public ModelsException(String message) {
    super(message);
  }

  /**
   * Creates an exception wrapping a lower-level failure, naming the file or input involved.
   *
   * @param message the message
   * @param cause the underlying failure
   */
  public ModelsException(String message, Throwable cause) {
    super(message, cause);
  }
}
