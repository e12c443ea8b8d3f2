package io.github.dgxspark.models.eventlog;

import com.github.luben.zstd.ZstdInputStream;
import io.github.dgxspark.models.ModelsException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import net.jpountz.lz4.LZ4BlockInputStream;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.xxhash.XXHashFactory;
import org.xerial.snappy.SnappyInputStream;

/**
 * The files of one event log, in reading order, and how to decompress each (by its magic bytes, the
 * way Spark's own codecs write them).
 */
final class LogFiles {
  /** Spark's rolling part name: {@code events_<n>_<app>[.codec][.compact]}. */
  private static final Pattern ROLLING_PART = Pattern.compile("events_(\\d+)_.*");

  /** lz4-java's checksum seed, which Spark's LZ4CompressionCodec also uses. */
  private static final int LZ4_CHECKSUM_SEED = 0x9747b28c;

  private static final int BUFFER_BYTES = 1 << 16;

  private final Path root;
  private final List<Path> parts;
  private final boolean inProgress;
  private final List<Long> missingChunks;

  private LogFiles(Path root, List<Path> parts, boolean inProgress, List<Long> missingChunks) {
    this.root = root;
    this.parts = List.copyOf(parts);
    this.inProgress = inProgress;
    this.missingChunks = List.copyOf(missingChunks);
  }

  /**
   * Finds the parts of the log at a path.
   *
   * @throws ModelsException when the path does not exist, is neither a file nor a folder, or a
   *     folder holds no log file
   */
  static LogFiles resolve(Path path) {
    if (Files.isRegularFile(path)) {
      return new LogFiles(path, List.of(path), isInProgress(path), List.of());
    }
    if (Files.exists(path) && !Files.isDirectory(path)) {
      throw new ModelsException(
          String.format(
              Locale.ROOT,
              "event log '%s' is not a regular file (a device, pipe or socket); expected a Spark"
                  + " event log file or folder",
              path));
    }
    if (!Files.isDirectory(path)) {
      throw new ModelsException(
          String.format(
              Locale.ROOT,
              "event log '%s' does not exist; expected a Spark event log file or folder",
              path));
    }
    List<Path> all;
    try (Stream<Path> s = Files.list(path)) {
      all = s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new ModelsException(
          String.format(Locale.ROOT, "event log folder '%s' cannot be listed: %s", path, e), e);
    }
    boolean inProgress = false;
    boolean legacy = false;
    boolean legacyComplete = false;
    List<Path> parts = new ArrayList<>();
    for (Path p : all) {
      String name = p.getFileName().toString();
      if (name.startsWith(".") || name.startsWith("_") || name.endsWith(".crc")) {
        continue;
      }
      if (name.startsWith("appstatus_")) {
        inProgress |= isInProgress(p);
      } else if (name.equals("APPLICATION_COMPLETE")) {
        legacyComplete = true;
      } else if (name.startsWith("SPARK_VERSION_") || name.startsWith("COMPRESSION_CODEC_")) {
        legacy = true;
      } else {
        inProgress |= isInProgress(p);
        parts.add(p);
      }
    }
    if (parts.isEmpty()) {
      throw new ModelsException(
          String.format(
              Locale.ROOT,
              "event log folder '%s' holds no event log file; expected events_<n>_<app> parts,"
                  + " EVENT_LOG_<n> or JSON-lines chunks",
              path));
    }
    if (legacy || parts.stream().anyMatch(p -> name(p).startsWith("EVENT_LOG_"))) {
      inProgress |= !legacyComplete;
    }
    parts.sort(Comparator.comparingLong(LogFiles::rollingIndex).thenComparing(LogFiles::chunkKey));
    // The history server's compactor replaces the parts before a .compact part.
    int lastCompact = -1;
    for (int i = 0; i < parts.size(); i++) {
      if (name(parts.get(i)).endsWith(".compact")) {
        lastCompact = i;
      }
    }
    if (lastCompact > 0) {
      parts = new ArrayList<>(parts.subList(lastCompact, parts.size()));
    }
    return new LogFiles(path, parts, inProgress, missingChunks(parts, lastCompact >= 0));
  }

  /**
   * The indices missing from the numbering of the rolling parts {@code events_<n>_<app>}, which
   * Spark numbers from 1 without gaps (a compacted part replaces the ones before it); at most
   * {@link EventLogs#MAX_MISSING_CHUNKS_LISTED}.
   */
  private static List<Long> missingChunks(List<Path> parts, boolean compacted) {
    List<Long> indices = new ArrayList<>();
    for (Path p : parts) {
      long i = rollingIndex(p);
      if (i != Long.MAX_VALUE) {
        indices.add(i);
      }
    }
    List<Long> missing = new ArrayList<>();
    if (indices.isEmpty()) {
      return missing;
    }
    long expected = compacted ? indices.get(0) : 1;
    for (long i : indices) {
      for (; expected < i && missing.size() < EventLogs.MAX_MISSING_CHUNKS_LISTED; expected++) {
        missing.add(expected);
      }
      expected = Math.max(expected, i + 1);
    }
    return missing;
  }

  static List<Path> logsIn(Path path) {
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    if (!Files.isDirectory(path)) {
      throw new ModelsException(
          String.format(
              Locale.ROOT,
              "event log '%s' does not exist; expected a Spark event log file or folder",
              path));
    }
    List<Path> entries;
    try (Stream<Path> s = Files.list(path)) {
      entries = s.sorted().toList();
    } catch (IOException e) {
      throw new ModelsException(
          String.format(Locale.ROOT, "event log folder '%s' cannot be listed: %s", path, e), e);
    }
    if (name(path).startsWith("eventlog_v2_") || entries.stream().anyMatch(LogFiles::isLogPart)) {
      return List.of(path);
    }
    return entries.stream()
        .filter(p -> !name(p).startsWith(".") && !name(p).endsWith(".crc"))
        .toList();
  }

  /** A file that only a one-application log folder holds. */
  private static boolean isLogPart(Path p) {
    String n = name(p);
    return Files.isRegularFile(p)
        && (ROLLING_PART.matcher(n).matches()
            || n.startsWith("appstatus_")
            || n.startsWith("EVENT_LOG_")
            || n.equals("APPLICATION_COMPLETE")
            || n.equals("eventlog")
            || n.startsWith("eventlog-"));
  }

  Path root() {
    return root;
  }

  List<Path> parts() {
    return parts;
  }

  /** Indices of rolling parts missing before the last one present; empty when none is. */
  List<Long> missingChunks() {
    return missingChunks;
  }

  /** Whether a file or status marker says the application had not ended. */
  boolean inProgress() {
    return inProgress;
  }

  /**
   * Opens a part, decompressing it according to its magic bytes.
   *
   * @throws ModelsException for an lzf log (no reader on the class path) or an I/O error
   */
  static InputStream open(InputStream raw, Path part) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, BUFFER_BYTES);
    in.mark(16);
    byte[] magic = in.readNBytes(8);
    in.reset();
    if (startsWith(magic, 0x28, 0xB5, 0x2F, 0xFD)) {
      // continuous: an in-progress log may end mid-frame; read what is there, as Spark does
      return new ZstdInputStream(in).setContinuous(true);
    }
    if (startsWith(magic, 0x1F, 0x8B)) {
      return new GZIPInputStream(in, BUFFER_BYTES);
    }
    if (startsWith(magic, 'L', 'Z', '4', 'B', 'l', 'o', 'c', 'k')) {
      return new LZ4BlockInputStream(
          in,
          LZ4Factory.fastestInstance().fastDecompressor(),
          XXHashFactory.fastestInstance().newStreamingHash32(LZ4_CHECKSUM_SEED).asChecksum(),
          false);
    }
    if (startsWith(magic, 0x82, 'S', 'N', 'A', 'P', 'P', 'Y', 0)) {
      return new SnappyInputStream(in);
    }
    if (startsWith(magic, 'Z', 'V') && name(part).contains(".lzf")) {
      throw new ModelsException(
          String.format(
              Locale.ROOT,
              "event log '%s' is compressed with lzf, which is not supported; expected plain JSON"
                  + " lines or Spark's zstd, lz4, snappy or gzip",
              part));
    }
    return in;
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean isInProgress(Path p) {
    return name(p).endsWith(".inprogress");
  }

  private static String name(Path p) {
    return p.getFileName().toString();
  }

  /** Rolling parts by index; other files after them. */
  private static long rollingIndex(Path p) {
    Matcher m = ROLLING_PART.matcher(name(p));
    if (m.matches() && m.group(1).length() < 18) {
      return Long.parseLong(m.group(1));
    }
    return Long.MAX_VALUE;
  }

  /**
   * Chunks by name, except that a bare {@code eventlog} (Databricks' current chunk) comes after its
   * dated, rolled-over predecessors.
   */
  private static String chunkKey(Path p) {
    String n = name(p);
    return n.equals("eventlog") ? "\uffff" : n;
  }
}
