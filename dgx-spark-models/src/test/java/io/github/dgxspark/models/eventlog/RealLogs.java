package io.github.dgxspark.models.eventlog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real Apache Spark event logs of the repository's test-data folder {@code fixtures/eventlogs}
 * (the system property {@code dgxspark.fixtures.dir} names {@code fixtures}; attribution, licence
 * and sha256 of every log are in the {@code README.txt} beside it). A log is a file or, for a
 * rolling log, a folder read as one application.
 */
public final class RealLogs {
  /** The folder of the top-level logs. */
  public static final Path DIR =
      Path.of(System.getProperty("dgxspark.fixtures.dir", "../fixtures"), "eventlogs");

  /** The sub-folder holding the spark-rapids-tools test corpus, one file per log. */
  public static final Path CORPUS = DIR.resolve("spark-rapids-tools-corpus");

  private static final String README = "README.txt";

  private RealLogs() {}

  /**
   * One log by its path under {@link #DIR}.
   *
   * @param name a top-level name, e.g. {@code gpu_oom_eventlog.zstd}, or {@code
   *     spark-rapids-tools-corpus/<file>}
   * @return the path
   */
  public static Path of(String name) {
    return DIR.resolve(name);
  }

  /**
   * The curated top-level logs (each described in {@code DIR/README.txt}), sorted by name.
   *
   * @return files and rolling-log folders, without the corpus folder and the README
   */
  public static List<Path> topLevel() {
    return list(DIR).stream().filter(p -> !p.equals(CORPUS)).toList();
  }

  /**
   * The spark-rapids-tools corpus (listed in {@code CORPUS/README.txt}), sorted by name; it has
   * deliberately odd logs too: malformed JSON, truncated, empty of tasks, no SQL end.
   *
   * @return one file per log
   */
  public static List<Path> corpus() {
    return list(CORPUS);
  }

  /**
   * Every real log: {@link #topLevel()} then {@link #corpus()}.
   *
   * @return the paths
   */
  public static List<Path> all() {
    List<Path> all = new ArrayList<>(topLevel());
    all.addAll(corpus());
    return List.copyOf(all);
  }

  private static List<Path> list(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> !p.getFileName().toString().equals(README)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the event-log fixtures in " + dir, e);
    }
  }
}
