package io.github.dgxspark.core;

/**
 * The one unchecked exception of dgx-spark. Every module has exactly one subclass of it; the
 * adapter catches this type and prints only its message. Messages name the subject, the bad value
 * and what is accepted.
 */
public class DgxSparkException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message a person can act on.
   *
   * @param message what is wrong, the bad value and what is accepted
   */
  public DgxSparkException(String message) {
    super(message);
  }

  /**
   * Creates an exception that wraps a lower-level cause (an {@code IOException}, say) with a
   * message naming the path or command involved.
   *
   * @param message what failed, naming the path or command
   * @param cause the underlying failure
   */
  public DgxSparkException(String message, Throwable cause) {
    super(message, cause);
  }
}
