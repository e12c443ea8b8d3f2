package io.github.dgxspark.adapter;

import io.github.dgxspark.core.DgxSparkException;

/**
 * The adapter's one exception: bad command-line or tool arguments, a file outside the allowed
 * directories, an unreadable input. The CLI prints only its message (exit code 2); the MCP server
 * returns it as a tool result with {@code isError}.
 */
public final class AdapterException extends DgxSparkException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message that says what to fix.
   *
   * @param message what is wrong, the bad value and what is accepted
   */
  public AdapterException(String message) {
    super(message);
  }

  /**
   * Creates an exception that wraps a lower-level cause, naming the path or input involved.
   *
   * @param message what failed, naming the path or input
   * @param cause the underlying failure
   */
  public AdapterException(String message, Throwable cause) {
    super(message, cause);
  }
}
