package io.github.dgxspark.rules;

import io.github.dgxspark.core.DgxSparkException;

/**
 * The one exception type of dgx-spark-rules: a broken rule catalog or key list (naming the file and
 * entry), an unknown rule name, or a RAPIDS version that is not one. Validating a config never
 * throws it otherwise: bad values become findings.
 */
public class RulesException extends DgxSparkException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message naming the subject, the bad value and what is accepted.
   *
   * @param message the message
   */
  public RulesException(String message) {
    super(message);
  }

  /**
   * Creates an exception wrapping a lower-level failure, naming the file involved.
   *
   * @param message the message
   * @param cause the underlying failure
   */
  public RulesException(String message, Throwable cause) {
    super(message, cause);
  }
}
