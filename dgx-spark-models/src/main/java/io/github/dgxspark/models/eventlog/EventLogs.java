package io.github.dgxspark.models.eventlog;

import io.github.dgxspark.models.ModelsException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Reads a Spark event log into an {@link ApplicationProfile} in one streaming pass.
 *
 * <p>Accepted input: a file of JSON lines, plain or compressed with one of Spark's codecs ({@code
 * .zstd}/{@code .zst}, {@code .lz4} as lz4-java's block stream, {@code .snappy} as snappy-java's
 * stream, {@code .gz}; the codec is recognised by the file's magic bytes); a Spark 3+ rolling
 * folder {@code eventlog_v2_<app>/} ({@code events_<n>_<app>[.codec]} in index order, {@code
 * appstatus_*} marker); a Spark 1.x folder ({@code EVENT_LOG_1}, {@code APPLICATION_COMPLETE}); any
 * other folder of chunks that together form one application (e.g. Databricks' {@code
 * eventlog-<date>.gz} chunks followed by {@code eventlog}). A {@code .inprogress} file or status
 * marker gives a profile whose {@link ApplicationProfile#complete()} is false. Schemas of Spark 1.5
 * through 4.x are read.
 *
 * <p>Garbage lines (e.g. a truncated last line) and lines longer than {@link #MAX_LINE_BYTES} are
 * skipped and counted in {@link ApplicationProfile#parseStats()}; events of unknown types are
 * counted and ignored. A rolling folder whose {@code events_<n>_} numbering has gaps gives a
 * profile that is not complete, with the missing indices in {@link
 * ApplicationProfile.ParseStats#missingChunks()}. A part that decompresses past {@link
 * #MAX_COMPRESSION_RATIO} times its size, or a log past {@link #MAX_DECOMPRESSED_BYTES}, is
 * refused.
 *
 * <pre>{@code
 * ApplicationProfile p = EventLogs.read(Path.of("/logs/eventlog_v2_app-20250101-0001"));
 * System.out.println(p.totals().tasks() + " tasks, " + p.gpuOperatorNames());
 * }</pre>
 */
public final class EventLogs {
  /**
   * Longest line read: 64 MiB. A longer line is skipped and counted ({@link
   * ApplicationProfile.ParseStats#overlongLines()}); the largest line of the real logs in the test
   * fixtures is 114 KiB, and a SQL plan event of a huge query reaches a few MiB.
   */
  public static final int MAX_LINE_BYTES = 64 << 20;

  /**
   * Most bytes one part of a log may decompress to per byte of its file: 200. Spark's codecs reach
   * 11 to 42 on the real logs of the test fixtures (zstd); gzip cannot exceed 1,032 and a
   * compression bomb of zeros reaches that or far more, so reading stops with an error once a part
   * has decompressed {@link #MIN_BYTES_BEFORE_RATIO_CHECK} and passes this ratio.
   */
  public static final int MAX_COMPRESSION_RATIO = 200;

  /** Decompressed bytes of a part before {@link #MAX_COMPRESSION_RATIO} is checked: 64 MiB. */
  public static final long MIN_BYTES_BEFORE_RATIO_CHECK = 64L << 20;

  /** Most bytes a whole log may decompress to: 64 GiB; reading stops with an error beyond. */
  public static final long MAX_DECOMPRESSED_BYTES = 64L << 30;

  /** Most missing rolling parts listed in {@link ApplicationProfile.ParseStats#missingChunks()}. */
  public static final int MAX_MISSING_CHUNKS_LISTED = 100;

  private EventLogs() {}

  /** Receives the reader's progress on a large log. */
  @FunctionalInterface
  public interface ProgressListener {
    /**
     * Called about every 4 MiB of file bytes read, and once at the end.
     *
     * @param bytesRead file bytes read so far (compressed bytes for a compressed log)
     * @param totalBytes the size of all files to read
     */
    void progress(long bytesRead, long totalBytes);
  }

  /**
   * Reads an event log file or folder.
   *
   * @param fileOrFolder the log file, or a folder of log parts
   * @return the application profile
   * @throws ModelsException naming the path when it does not exist, cannot be read, is empty, is
   *     compressed with an unsupported codec, holds several applications, or is not a Spark event
   *     log
   */
  public static ApplicationProfile read(Path fileOrFolder) {
    return read(fileOrFolder, (read, total) -> {});
  }

  /**
   * Reads an event log file or folder, reporting progress.
   *
   * @param fileOrFolder the log file, or a folder of log parts
   * @param listener told about the bytes read so far
   * @return the application profile
   * @throws ModelsException naming the path when it does not exist, is not a regular file or
   *     folder, cannot be read, is empty, is compressed with an unsupported codec, decompresses
   *     past the limits above, holds several applications, or is not a Spark event log
   */
  public static ApplicationProfile read(Path fileOrFolder, ProgressListener listener) {
    Objects.requireNonNull(fileOrFolder, "fileOrFolder");
    Objects.requireNonNull(listener, "listener");
    LogFiles files = LogFiles.resolve(fileOrFolder);
    return new EventLogReader(files, listener).read();
  }

  /**
   * The event logs a path holds, for reading one at a time: a file is one log; a folder that is one
   * log (a rolling {@code eventlog_v2_*} folder, a Spark 1.x folder, Databricks-style {@code
   * eventlog} chunks) is one log; any other folder holds one log per entry (file or folder), hidden
   * entries and {@code .crc} files left out, in name order.
   *
   * @param fileOrFolder a log file, a log folder or a folder of logs
   * @return the logs, in name order
   * @throws ModelsException naming the path when it does not exist or cannot be listed
   */
  public static List<Path> list(Path fileOrFolder) {
    Objects.requireNonNull(fileOrFolder, "fileOrFolder");
    return LogFiles.logsIn(fileOrFolder);
  }
}
