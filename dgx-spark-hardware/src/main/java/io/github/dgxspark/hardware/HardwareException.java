package io.github.dgxspark.hardware;

import io.github.dgxspark.core.DgxSparkException;

/**
 * The one exception type of dgx-spark-hardware: pasted {@code nvidia-smi} output that cannot be
 * parsed (the message names the line), an unknown or invalid hardware profile, or an unreadable
 * hardware JSON file. A missing {@code nvidia-smi} or GPU is not an error: the probe reports it as
 * a note.
 */
public class HardwareException extends DgxSparkException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message naming the bad input and what is accepted.
   *
   * @param message the message
   */
  public HardwareException(String message) {
    super(message);
  }

  /**
   * Creates an exception wrapping a lower-level failure, naming the file, command or line involved.
   *
   * @param message the message
   * @param cause the underlying failure
   */
  public HardwareException(String message, Throwable cause) {
    super(message, cause);
  }
}
