package io.github.dgxspark.adapter;

import io.github.dgxspark.core.DgxSparkException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A log that {@link Operations#qualify} or {@link Operations#historyAdd} could not read: {@code
 * {"logPath","error"}}.
 *
 * @param logPath the log
 * @param error why it was skipped
 */
public record SkippedLog(String logPath, String error) {
  // Checks the fields.
  public SkippedLog {
    Objects.requireNonNull(logPath, "logPath");
    Objects.requireNonNull(error, "error");
  }

  /** The log and what broke on it: the message of ours, else the failure's class and message. */
  static SkippedLog of(Path log, RuntimeException e) {
    return new SkippedLog(
        log.toString(),
        e instanceof DgxSparkException
            ? e.getMessage()
            : "unexpected failure (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
  }
}
