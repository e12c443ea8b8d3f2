package io.github.dgxspark.models.workload;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A data size read from a description.
 *
 * @param bytes the size in bytes (binary units, as Spark: 1 TB = 1 TiB = 2^40 bytes)
 * @param matchedText the words it was read from, e.g. {@code 10 TB} or {@code 300 million rows}
 * @param rows the row count when the size was given in rows
 * @param rowWidthBytes the bytes per row assumed (or stated) to turn rows into bytes
 * @param reason how the size was read, including any assumption
 */
public record DataSizeFinding(
    long bytes, String matchedText, OptionalLong rows, OptionalLong rowWidthBytes, String reason) {
  // Checks the fields.
  public DataSizeFinding {
    Objects.requireNonNull(matchedText, "matchedText");
    Objects.requireNonNull(rows, "rows");
    Objects.requireNonNull(rowWidthBytes, "rowWidthBytes");
    Objects.requireNonNull(reason, "reason");
    if (bytes < 0) {
      throw new IllegalArgumentException("bytes must not be negative: " + bytes);
    }
  }
}
